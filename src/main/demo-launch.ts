/**
 * `npm run demo` starts the app with `--demo` (electron-vite preview -- --demo): this run uses the
 * built-in demo server whatever the serverMode setting says, without changing the setting. QQ_DEMO=1
 * does the same for a packaged app started by hand.
 */
export function demoRequested(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): boolean {
  return argv.includes('--demo') || env.QQ_DEMO === '1'
}
