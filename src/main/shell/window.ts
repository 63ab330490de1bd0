import { join } from 'node:path'
import { BrowserWindow, shell, type BrowserWindowConstructorOptions } from 'electron'
import { mainWindowOptions } from './window-options'
import { lockDownWebContents } from '../security/web-contents'

/** Where the renderer page lives: the dev server in `electron-vite dev`, the built file otherwise. */
export function rendererPageUrl(): string {
  const devUrl = process.env['ELECTRON_RENDERER_URL']
  if (devUrl) return devUrl
  return new URL(`file://${join(import.meta.dirname, '../renderer/index.html')}`).toString()
}

/** resources/ sits beside out/ (built) and is shipped unpacked beside the app (packaged). */
const ICON = join(import.meta.dirname, '../../resources/icon.png')

/** The built preload every window of the app loads. */
export const PRELOAD_PATH = join(import.meta.dirname, '../preload/index.cjs')

/** `extra`: the remembered bounds and the theme's background colour (window-state.ts, system-theme.ts). */
export function createMainWindow(pageUrl: string, extra: BrowserWindowConstructorOptions = {}): BrowserWindow {
  const window = new BrowserWindow({
    ...mainWindowOptions(PRELOAD_PATH),
    // Windows and macOS take the icon from the packaged app; Linux window managers need it here.
    ...(process.platform === 'linux' ? { icon: ICON } : {}),
    ...extra
  })
  lockDownWebContents(window.webContents, (url) => shell.openExternal(url))
  window.once('ready-to-show', () => window.show())
  void window.loadURL(pageUrl)
  return window
}
