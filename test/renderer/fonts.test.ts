import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ComposerFontButton from '../../src/renderer/src/components/ComposerFontButton.vue'
import MessageItem from '../../src/renderer/src/components/MessageItem.vue'
import { createAppI18n } from '../../src/renderer/src/i18n'
import { MIN_CONTRAST, contrastRatio, familyOf, messageFontStyle, parseColor, readableColor } from '../../src/renderer/src/lib/message-font'
import { useSettingsStore } from '../../src/renderer/src/stores/settings'
import { DEFAULT_FONT, type MessageFont } from '../../src/shared/fonts'
import type { PeerFontMode } from '../../src/shared/fonts'
import { fakeMessage, installFakeApi } from './fake-api'

const LIGHT_BUBBLE = '#ffffff'
const DARK_BUBBLE = '#2c333c'
const fancy: MessageFont = { name: '楷体', size: 22, bold: true, italic: true, underline: true, color: '0066cc' }

const ratio = (a: string, b: string): number => contrastRatio(parseColor(a)!, parseColor(b)!)

describe('message fonts: legibility', () => {
  it('keeps a colour that reads well as it is', () => {
    expect(readableColor('0066cc', LIGHT_BUBBLE)).toBe('#0066cc')
  })
  it.each([
    ['ffcc00', LIGHT_BUBBLE],
    ['000000', DARK_BUBBLE],
    ['003366', DARK_BUBBLE],
    ['ffffff', LIGHT_BUBBLE],
    ['000000', '#2f6fb8'],
    ['777777', 'rgb(207, 230, 253)']
  ])('corrects %s on %s to at least 4.5:1', (fg, bg) => {
    const shown = readableColor(fg, bg)
    expect(shown).not.toBe(`#${fg}`)
    expect(ratio(shown, bg)).toBeGreaterThanOrEqual(MIN_CONTRAST)
  })
  it('keeps the hue: a corrected yellow is a dark yellow, not black', () => {
    const [r, g, b] = parseColor(readableColor('ffcc00', LIGHT_BUBBLE))!
    expect(r).toBeGreaterThan(b)
    expect(g).toBeGreaterThan(b)
    expect(r + g).toBeGreaterThan(0)
  })
})

describe('message fonts: the setting', () => {
  const style = (mode: PeerFontMode, font: MessageFont | null = fancy) => messageFontStyle(font, mode, LIGHT_BUBBLE)
  it('off shows nothing, colours only the colour, full also style and a clamped size', () => {
    expect(style('off')).toEqual({})
    expect(style('colors')).toEqual({ color: '#0066cc' })
    const full = style('full')
    expect(full).toMatchObject({ color: '#0066cc', fontWeight: '600', fontStyle: 'italic', textDecoration: 'underline', fontSize: '1.20em' })
    expect(full['fontFamily']).toContain('"楷体"')
    expect(messageFontStyle({ ...fancy, size: 8 }, 'full', LIGHT_BUBBLE)['fontSize']).toBe('0.92em')
    expect(messageFontStyle(DEFAULT_FONT, 'full', LIGHT_BUBBLE)['fontSize']).toBeUndefined()
    expect(style('full', null)).toEqual({})
  })
  it("never lets a sender's family name out of its quotes", () => {
    expect(familyOf('x"; color: red; font-family: "y')).toBe('"x color red font-family y", system-ui, sans-serif')
    expect(familyOf('";{}')).toBeNull()
  })
})

async function setup(peerFonts: PeerFontMode = 'colors') {
  const api = installFakeApi({ state: 'online', self: { uin: 1, nick: '我' } })
  const pinia = createPinia()
  setActivePinia(pinia)
  document.documentElement.style.setProperty('--bubble-other', DARK_BUBBLE)
  document.documentElement.style.setProperty('--bubble-self', '#2f6fb8')
  const settings = useSettingsStore()
  await settings.load()
  await settings.update({ peerFonts })
  return { api, pinia, settings }
}

describe('a received message in its sender font', () => {
  it('shows the colour, corrected for the dark bubble, with colours only', async () => {
    const { pinia } = await setup('colors')
    const w = mount(MessageItem, {
      props: { message: fakeMessage('buddy', 5, 1, { font: { ...fancy, color: '003366' } }), showSender: false },
      global: { plugins: [pinia, createAppI18n()] }
    })
    await flushPromises()
    const bubble = w.get('[data-test="message-text"]').element as HTMLElement
    const shown = parseColor(bubble.style.color)
    expect(shown).not.toBeNull()
    expect(contrastRatio(shown!, parseColor(DARK_BUBBLE)!)).toBeGreaterThanOrEqual(MIN_CONTRAST)
    expect(bubble.style.fontWeight).toBe('')
    expect(bubble.style.fontStyle).toBe('')
  })
  it('shows style and size in full, nothing when off', async () => {
    const { pinia, settings } = await setup('full')
    const w = mount(MessageItem, {
      props: { message: fakeMessage('buddy', 5, 1, { font: fancy }), showSender: false },
      global: { plugins: [pinia, createAppI18n()] }
    })
    await flushPromises()
    const bubble = (): HTMLElement => w.get('[data-test="message-text"]').element as HTMLElement
    expect(bubble().style.fontStyle).toBe('italic')
    expect(bubble().style.fontSize).toBe('1.2em')
    await settings.update({ peerFonts: 'off' })
    await flushPromises()
    expect(bubble().style.color).toBe('')
    expect(bubble().style.fontStyle).toBe('')
  })
})

describe('the composer font button', () => {
  it('changes my font in the settings: style toggles, colour, family, size, reset', async () => {
    const { api: fake, pinia, settings } = await setup()
    const api = fake.api
    const w = mount(ComposerFontButton, { global: { plugins: [pinia, createAppI18n()] }, attachTo: document.body })
    await w.get('[data-test="font-button"]').trigger('click')
    await flushPromises()
    const panel = (sel: string): HTMLElement => document.querySelector(`[data-test="${sel}"]`) as HTMLElement
    expect(panel('font-panel')).not.toBeNull()
    expect(panel('font-bold').getAttribute('aria-pressed')).toBe('false')
    panel('font-bold').click()
    await flushPromises()
    expect(settings.settings.myFont.bold).toBe(true)
    panel('font-color-c0392b').click()
    await flushPromises()
    panel('font-family-楷体').click()
    await flushPromises()
    panel('font-larger').click()
    await flushPromises()
    expect(settings.settings.myFont).toEqual({ ...DEFAULT_FONT, name: '楷体', bold: true, color: 'c0392b', size: 11 })
    expect(api.updateSettings).toHaveBeenLastCalledWith({ myFont: settings.settings.myFont })
    expect(panel('font-colors').getAttribute('role')).toBe('radiogroup')
    expect(panel('font-color-c0392b').getAttribute('aria-checked')).toBe('true')
    panel('font-reset').click()
    await flushPromises()
    expect(settings.settings.myFont).toEqual(DEFAULT_FONT)
    w.unmount()
  })
})
