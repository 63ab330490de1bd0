import { describe, expect, it } from 'vitest'
import { toSafeExternalUrl } from '../../../src/main/security/external-url'
import { checkExternalLink } from '../../../src/shared/external-link'

describe('the safe opener (issue 15 rows 5 and 14)', () => {
  it.each([
    ['mailto:me@example.com', 'mailto:me@example.com'],
    ['https://xn--pple-43d.com/', 'https://xn--pple-43d.com/'],
    ['https://аpple.com/', 'https://xn--pple-43d.com/'],
    ['mailto:me@example.com?attach=/home/u/.ssh/id_rsa', null],
    ['mailto:me@example.com?subject=x&body=y', null],
    ['mailto:me@example.com#x', null],
    ['mailto:a@example.com,b@example.com', null],
    ['mailto:?to=a@example.com', null],
    ['https://user@example.com/', null],
    ['https://:pw@example.com/', null],
    ['https://example.com/\u0000x', null],
    [`https://example.com/${'a'.repeat(10_000)}`, null],
    ['javascript:alert(1)', null],
    ['file:///etc/passwd', null]
  ])('%s -> %s', (raw, expected) => {
    expect(toSafeExternalUrl(raw)).toBe(expected)
  })

  it('says why a link is refused', () => {
    expect(checkExternalLink('mailto:me@example.com?attach=/etc/passwd')).toEqual({ ok: false, reason: 'mailto-query' })
    expect(checkExternalLink('https://u:p@example.com/')).toEqual({ ok: false, reason: 'credentials' })
    expect(checkExternalLink('https://example.com/' + 'a'.repeat(10_000))).toEqual({ ok: false, reason: 'too-long' })
    expect(checkExternalLink('smb://host/share')).toEqual({ ok: false, reason: 'scheme' })
    expect(checkExternalLink('http://[/')).toEqual({ ok: false, reason: 'invalid' })
  })
})
