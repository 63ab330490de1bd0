/**
 * The "copy diagnostics" report of the About dialog: what a bug report needs (app, runtime and OS
 * versions, the settings) and nothing that identifies or unlocks the account. Electron-free: the
 * shell passes in what it reads from process, os and app.
 */
import type { AppInfo } from '../../shared/ipc'
import type { Settings } from '../../shared/settings'

export interface DiagnosticsInput {
  app: AppInfo
  /** process.versions (electron, chrome, node, v8, …). */
  versions: Readonly<Record<string, string | undefined>>
  os: { type: string; release: string; arch: string; locale: string }
  settings: Settings
  /** The session state (online, signed-out, …); never the account. */
  session: string
}

/** A URL without the user name and password it might carry (http://user:pass@host/). */
export function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url)
    if (!parsed.username && !parsed.password) return url
    parsed.username = ''
    parsed.password = ''
    return `${parsed.toString()} (credentials removed)`
  } catch {
    return '(not a valid URL)'
  }
}

export function diagnosticsReport(input: DiagnosticsInput): string {
  const { app, versions, os, settings } = input
  const runtime = ['electron', 'chrome', 'node', 'v8'].flatMap((k) => (versions[k] ? [`${k} ${versions[k]}`] : []))
  const safeSettings: Record<string, unknown> = { ...settings, serverUrl: withoutCredentials(settings.serverUrl) }
  return [
    `${app.name} ${app.version}`,
    `Runtime: ${runtime.join(', ') || 'unknown'}`,
    `OS: ${os.type} ${os.release} (${os.arch}, ${app.platform}), locale ${os.locale}`,
    `Secret storage: ${app.secretStorage}`,
    `Session: ${input.session}`,
    'Settings:',
    ...Object.keys(safeSettings)
      .sort()
      .map((key) => `  ${key}: ${JSON.stringify(safeSettings[key])}`)
  ].join('\n')
}
