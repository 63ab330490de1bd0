import { describe, expect, it } from 'vitest'
import { hash, hash33 } from '../../../src/main/protocol'

describe('hash (contact lists)', () => {
  const ptwebqq = '3d2a1d96e3c119ee6074807abcb4f13d6dd7db591a2988108c926ef62ca0fcee'

  it('matches the reference vector', () => {
    expect(hash(398565080, ptwebqq)).toBe('5D52018255D15093')
  })

  it('degenerates to zero ptwebqq bytes for an empty ptwebqq', () => {
    expect(hash(398565080, '')).toBe('0052008200D10093')
  })

  it('takes the low 32 bits of uins above 2^31 and 2^32 as Ruby/Java shifts do', () => {
    // 2^32 + 398565080 has the same low four bytes as 398565080.
    expect(hash(2 ** 32 + 398565080, ptwebqq)).toBe('5D52018255D15093')
    // 0xF1000000 > 2^31: a naive int32 shift would give a negative high byte.
    const h = hash(0xf1000000, '')
    expect(h.slice(2, 4)).toBe((0xf1 ^ 'E'.charCodeAt(0)).toString(16).toUpperCase().padStart(2, '0'))
    expect(h).toMatch(/^[0-9A-F]{16}$/)
  })
})

describe('hash33 (ptqrtoken)', () => {
  it('matches the reference vector', () => {
    expect(hash33('SwlhcuQG7e3Ywa-G7*cOuSuI12krcArZjB4LcBnPoz5n8UWVomFEXsuF6tPGEauE')).toBe(1578021742)
  })

  it('equals 33e+c mod 2^31 computed exactly with BigInt', () => {
    const s = 'qrsig-' + 'x'.repeat(200)
    let e = 0n
    for (const ch of s) e = (e * 33n + BigInt(ch.charCodeAt(0))) % 2n ** 32n
    expect(hash33(s)).toBe(Number(e % 2n ** 31n))
    expect(hash33('')).toBe(0)
  })
})
