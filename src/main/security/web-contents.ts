/**
 * Navigation, popups and webviews are denied for every web contents (checklist #11-#14).
 * Takes plain structural types so tests can pass fakes without an Electron binary.
 */
import { toSafeExternalUrl } from './external-url'

interface PreventableEvent {
  preventDefault(): void
}

export interface WebContentsLike {
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
}

export function lockDownWebContents(contents: WebContentsLike, openExternal: (url: string) => unknown): void {
  // The app is a single page; any navigation is either a bug or an attack.
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    const safe = toSafeExternalUrl(url)
    if (safe) void openExternal(safe)
    return { action: 'deny' }
  })
}
