#!/usr/bin/env node
// Launch pre-step of `start`, `dev`, `demo` and `dist`: make sure the Electron binary is there.
// Electron 42+ downloads its binary lazily, but electron-vite reads node_modules/electron/path.txt
// directly and throws "Electron uninstall" when it is missing (electron-vite#904). So, only when
// path.txt or the binary it names is missing, run Electron's own idempotent installer (the
// `install-electron` bin). Never from postinstall: `npm ci` and CI must stay offline-safe.
// Injectable for tests: QQ_ELECTRON_DIR (the electron package folder) and QQ_ELECTRON_INSTALLER
// (a script run with node instead of <electron>/install.js).
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(import.meta.dirname, '..')

/** The binary path.txt names, or null when path.txt or the binary is missing. */
export function installedElectronBinary(electronDir, env = process.env) {
  const pathFile = join(electronDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const relative = readFileSync(pathFile, 'utf8').trim()
  if (relative === '') return null
  const binary = join(env.ELECTRON_OVERRIDE_DIST_PATH || join(electronDir, 'dist'), relative)
  return existsSync(binary) ? binary : null
}

/**
 * The one line of an installer's output that says what failed ("TypeError: fetch failed",
 * "RequestError: getaddrinfo ENOTFOUND github.com"), without the stack frames under it; null if none.
 */
export function failureReason(output) {
  const lines = String(output)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^at\s/.test(l) && !/^\^+$/.test(l) && !/^node:internal/.test(l))
  const error = lines.find((l) => /(Error|error)\b.*:/.test(l)) ?? lines.at(-1)
  return error ? error.slice(0, 300) : null
}

export function downloadFailedMessage(electronDir, { mirror = null, reason = null } = {}) {
  const said = reason ? ` Electron's installer said: ${reason}.` : ''
  const retry = mirror
    ? // Advising to set ELECTRON_MIRROR when it is set helps nobody: say it was tried.
      `It was tried through the mirror you set (ELECTRON_MIRROR=${mirror}): check that address (it must serve Electron's release files), or unset ELECTRON_MIRROR to download from GitHub; behind a proxy, set HTTPS_PROXY (and ELECTRON_GET_USE_PROXY=1) and run the command again.`
    : 'To retry through a mirror, set ELECTRON_MIRROR (for example ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/); behind a proxy, set HTTPS_PROXY (and ELECTRON_GET_USE_PROXY=1) and run the command again.'
  return [
    `Could not download the Electron binary into ${electronDir} (offline, behind a proxy, or the download host is blocked).${said}`,
    retry,
    'Without Electron you can still try everything else: `npm run demo:headless` (the messenger in the terminal against the built-in simulator),',
    '`npm run headless` and `npm run simulator`, and `npm test`. See docs/troubleshooting.md.'
  ].join(' ')
}

/** Returns the exit code: 0 when the binary is (now) there, 1 when the download failed. */
export function ensureElectron({ electronDir, installer, env = process.env, stderr = process.stderr } = {}) {
  if (installedElectronBinary(electronDir, env)) return 0
  stderr.write(`The Electron binary is missing; downloading it once with Electron's installer (${installer}) ...\n`)
  // Its output is kept, not shown: a failed download is an expected condition, said in one paragraph
  // below (with the installer's own one-line reason), not a TypeError and its stack.
  const result = spawnSync(process.execPath, [installer], { cwd: electronDir, env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' })
  if (result.status === 0 && installedElectronBinary(electronDir, env)) return 0
  const reason = failureReason(`${result.stderr ?? ''}\n${result.stdout ?? ''}`) ?? (result.error ? String(result.error.message) : null)
  stderr.write(`\n${downloadFailedMessage(electronDir, { mirror: env.ELECTRON_MIRROR || null, reason })}\n`)
  return 1
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const electronDir = resolve(process.env.QQ_ELECTRON_DIR || join(root, 'node_modules', 'electron'))
  const installer = resolve(process.env.QQ_ELECTRON_INSTALLER || join(electronDir, 'install.js'))
  process.exit(ensureElectron({ electronDir, installer }))
}
