/**
 * Which frames may talk to main: only the app's own page. The page is either the built
 * renderer loaded from a file URL, or (in development and tests) an http origin.
 */
export function createSenderCheck(pageUrl: string): (frameUrl: string) => boolean {
  const page = new URL(pageUrl)
  return (frameUrl) => {
    let frame: URL
    try {
      frame = new URL(frameUrl)
    } catch {
      return false
    }
    if (page.protocol === 'file:') {
      // file: URLs have no meaningful origin; require the exact document path.
      return frame.protocol === 'file:' && frame.pathname === page.pathname
    }
    return frame.origin === page.origin
  }
}
