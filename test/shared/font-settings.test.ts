import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { DEFAULT_FONT, isMessageFont, messageFontSchema } from '../../src/shared/fonts'
import { DEFAULT_SETTINGS, parseStoredSettings, settingsPatchSchema } from '../../src/shared/settings'

const kai = { name: '楷体', size: 12, bold: true, italic: false, underline: false, color: 'c0392b' }

describe('font settings', () => {
  it('default to the seed font, shown in colours only', () => {
    expect(DEFAULT_SETTINGS.myFont).toEqual(DEFAULT_FONT)
    expect(DEFAULT_SETTINGS.peerFonts).toBe('colors')
  })
  it('accept a chosen font and mode as a change, and refuse anything else', () => {
    expect(v.safeParse(settingsPatchSchema, { myFont: kai, peerFonts: 'full' }).success).toBe(true)
    for (const bad of [
      { myFont: { ...kai, color: '#c0392b' } },
      { myFont: { ...kai, size: 40 } },
      { myFont: { ...kai, name: '' } },
      { myFont: { ...kai, extra: 1 } },
      { peerFonts: 'rainbow' }
    ])
      expect(v.safeParse(settingsPatchSchema, bad).success, JSON.stringify(bad)).toBe(false)
  })
  it('fall back to their defaults alone when the stored value is damaged', () => {
    const { settings, invalid } = parseStoredSettings({ myFont: { name: 'x' }, peerFonts: 'full', sendKey: 'ctrl-enter' })
    expect(settings.myFont).toEqual(DEFAULT_FONT)
    expect(settings.peerFonts).toBe('full')
    expect(settings.sendKey).toBe('ctrl-enter')
    expect(invalid).toEqual(['myFont'])
  })
  it('the hand check agrees with the schema', () => {
    const samples: unknown[] = [
      kai,
      DEFAULT_FONT,
      { ...kai, size: 7 },
      { ...kai, color: 'C0392B' },
      { ...kai, bold: 1 },
      null,
      'font',
      { ...kai, name: 'n'.repeat(41) }
    ]
    for (const s of samples) expect(isMessageFont(s), JSON.stringify(s)).toBe(v.is(messageFontSchema, s))
  })
})
