/**
 * Links a user clicks are opened in the system browser only when they are plain web pages or a bare
 * mail address (src/shared/external-link.ts decides, for the renderer too). The URL is parsed and
 * re-serialised so odd encodings cannot smuggle a different target to the OS handler (Electron
 * security checklist #15).
 */
import { checkExternalLink } from '../../shared/external-link'

export function toSafeExternalUrl(raw: string): string | null {
  const check = checkExternalLink(raw)
  return check.ok ? check.href : null
}
