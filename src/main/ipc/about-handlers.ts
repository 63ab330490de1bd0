/**
 * The About dialog's channels: the licences file generated at build time
 * (scripts/third-party-licenses.mjs, bundled into main) and the diagnostics report.
 */
import { arch, release, type } from 'node:os'
import type { AboutDto, AppInfo, SessionSnapshot } from '../../shared/ipc'
import type { Settings } from '../../shared/settings'
import { diagnosticsReport } from '../desktop/diagnostics'
import licences from '../../../resources/third-party-licenses.json'
import type { InvokeHandlers } from './dispatcher'

export interface AboutDeps {
  appInfo: AppInfo
  settings: { get(): Settings }
  session: { snapshot(): SessionSnapshot }
}

export function createAboutHandlers(deps: AboutDeps): Pick<InvokeHandlers, 'app:about' | 'app:diagnostics'> {
  return {
    // The running app's own version wins over the one the file was generated with.
    'app:about': (): AboutDto => ({ app: { ...licences.app, version: deps.appInfo.version }, packages: licences.packages }),
    'app:diagnostics': () =>
      diagnosticsReport({
        app: deps.appInfo,
        versions: process.versions,
        os: { type: type(), release: release(), arch: arch(), locale: Intl.DateTimeFormat().resolvedOptions().locale },
        settings: deps.settings.get(),
        session: deps.session.snapshot().state
      })
  }
}
