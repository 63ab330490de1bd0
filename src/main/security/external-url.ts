/**
 * Links a user clicks are opened in the system browser only when they are plain web or mail
 * links. The URL is parsed and re-serialised so odd encodings cannot smuggle a different target
 * to the OS handler (Electron security checklist #15).
 */
const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])

export function toSafeExternalUrl(raw: string): string | null {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return null
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return null
  if (url.protocol !== 'mailto:' && (url.username || url.password)) return null
  return url.toString()
}
