/**
 * Closing the main window hides it to the tray when a tray exists and the closeToTray setting is
 * on; quitting (tray menu, app menu, Cmd+Q, the OS logging out) still closes it for real, because
 * before-quit marks the app as quitting first.
 */
import { app, type BrowserWindow } from 'electron'

let quitting = false
let listening = false

/** True once a real quit started (before-quit fired). */
export function isQuitting(): boolean {
  return quitting
}

export function keepInTrayOnClose(window: BrowserWindow, hideOnClose: () => boolean): void {
  if (!listening) {
    listening = true
    app.on('before-quit', () => {
      quitting = true
    })
  }
  window.on('close', (event) => {
    if (quitting || !hideOnClose()) return
    event.preventDefault()
    window.hide()
  })
}
