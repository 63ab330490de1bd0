/**
 * The main window's options. Every security-relevant webPreference is spelled out, even where
 * Electron's default already matches, so a test can assert each one and a future edit that flips
 * one fails loudly (Electron security checklist #2-#4, #6, #8-#10).
 */
import type { BrowserWindowConstructorOptions } from 'electron'

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1080,
    height: 720,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'QQ',
    autoHideMenuBar: true,
    backgroundColor: '#f4f6f9',
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false
    }
  }
}
