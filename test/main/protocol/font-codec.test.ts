import { describe, expect, it } from 'vitest'
import { decodeFont, encodeContent } from '../../../src/main/protocol'
import { fontFromWire } from '../../../src/main/protocol/codec'
import { DEFAULT_FONT, type MessageFont } from '../../../src/shared/fonts'
import { decodeFont as readStoredFont, encodeFont as storeFont } from '../../../src/main/store/font-codec'

const kaiRed: MessageFont = { name: '楷体', size: 12, bold: true, italic: false, underline: true, color: 'c0392b' }

describe('the font element on send', () => {
  it('sends the chosen font last, style as [bold, italic, underline]', () => {
    const s = encodeContent([{ type: 'text', text: 'hi' }], kaiRed)
    expect(JSON.parse(s)).toEqual(['hi', ['font', { name: '楷体', size: 12, style: [1, 0, 1], color: 'c0392b' }]])
  })
  it('sends the seed font byte for byte when none is chosen', () => {
    expect(encodeContent([{ type: 'text', text: 'x' }])).toBe('["x",["font",{"name":"宋体","size":10,"style":[0,0,0],"color":"000000"}]]')
  })
})

describe('the font element on receive', () => {
  it('reads the font first in received content', () => {
    const font = decodeFont([['font', { name: '微软雅黑', size: 10, style: [0, 1, 0], color: '0066CC' }], 'hi'])
    expect(font).toEqual({ name: '微软雅黑', size: 10, bold: false, italic: true, underline: false, color: '0066cc' })
  })
  it('is null when the content has no font', () => {
    expect(decodeFont(['hi', ['face', 14]])).toBeNull()
  })
  it('is lenient with what old clients sent, and clamps what would break a layout', () => {
    expect(fontFromWire({ name: 'Arial', size: '10', style: ['1', 0, 0], color: '#F00' })).toEqual({
      name: 'Arial',
      size: 10,
      bold: true,
      italic: false,
      underline: false,
      color: 'ff0000'
    })
    expect(fontFromWire({ size: 400, color: 'not a colour' })).toEqual({ ...DEFAULT_FONT, size: 22 })
    expect(fontFromWire({ size: -3, color: 0xff })).toEqual({ ...DEFAULT_FONT, size: 8, color: '0000ff' })
    expect(fontFromWire({ name: 'x'.repeat(100) })?.name).toHaveLength(40)
    expect(fontFromWire({ name: '宋\u0000体\u202e' })?.name).toBe('宋体')
    expect(fontFromWire({ name: '\u0000' })?.name).toBe('宋体')
    expect(fontFromWire('font')).toBeNull()
    expect(fontFromWire([1, 2])).toBeNull()
  })
})

describe('the stored font', () => {
  it('round-trips, names with commas included', () => {
    for (const f of [kaiRed, DEFAULT_FONT, { ...kaiRed, name: 'Times, serif', italic: true }]) expect(readStoredFont(storeFont(f))).toEqual(f)
    expect(storeFont(null)).toBeNull()
    expect(readStoredFont(null)).toBeNull()
  })
  it('reads a damaged column as no font, never as a damaged message', () => {
    for (const bad of ['', '10,9,000000,x', '99,0,000000,x', '10,0,zzzzzz,x', '10,0,000000,']) expect(readStoredFont(bad)).toBeNull()
  })
})
