/**
 * Which frames may talk to main: only the app's own page. The page is either the built
 * renderer loaded from a file URL, or (in development and tests) an http origin.
 *
 * The check is on the URL string exactly as the frame reports it, not only on what a URL parser
 * makes of it: a parser lower-cases `FILE:` and folds `file://localhost/` or `file://any-host/` into
 * the same path, so a parsed comparison accepts pages that are not ours. Anything not spelled the way
 * the app's own page is spelled is refused.
 */
export function createSenderCheck(pageUrl: string): (frameUrl: string) => boolean {
  const page = new URL(pageUrl)
  // file: the document URL up to its query/fragment: no host, the same path, spelled the same way.
  const fileDocument = `${page.protocol}//${page.host}${page.pathname}`
  // http(s): the exact origin followed by a path.
  const originPrefix = `${page.origin}/`
  return (frameUrl) => {
    if (typeof frameUrl !== 'string') return false
    let frame: URL
    try {
      frame = new URL(frameUrl)
    } catch {
      return false
    }
    if (page.protocol === 'file:') {
      // The query and fragment are the app's own (pop-out windows load `index.html?conversation=…`).
      const end = frameUrl.search(/[?#]/)
      const document = end >= 0 ? frameUrl.slice(0, end) : frameUrl
      return frame.protocol === 'file:' && frame.host === '' && document === fileDocument
    }
    return frame.origin === page.origin && frameUrl.startsWith(originPrefix)
  }
}
