import QRCode from 'qrcode'
import { describe, expect, it } from 'vitest'
import { decodePng, PngError } from '../../src/main/headless/png'
import { qrToTerminal, renderGrid, sampleQr } from '../../src/main/headless/qr-terminal'

function modules(text: string): boolean[][] {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const n = qr.modules.size
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.modules.get(r, c) === 1))
}

describe('QR PNG to terminal text', () => {
  for (const [scale, margin] of [
    [3, 2],
    [5, 4],
    [8, 1]
  ] as const) {
    it(`recovers the exact module grid from a qrcode PNG (scale ${scale}, margin ${margin})`, async () => {
      const text = 'https://ssl.ptlogin2.qq.com/ptqrshow?appid=501004106&t=0.5'
      const png = await QRCode.toBuffer(text, { errorCorrectionLevel: 'M', scale, margin })
      const grid = sampleQr(decodePng(png))
      expect(grid.dark).toEqual(modules(text))
    })
  }

  it('prints two module rows per line with half blocks and a quiet zone', async () => {
    const png = await QRCode.toBuffer('x', { errorCorrectionLevel: 'M', scale: 4 })
    const art = qrToTerminal(png)!
    const lines = art.trimEnd().split('\n')
    const size = modules('x').length + 4
    expect(lines).toHaveLength(Math.ceil(size / 2))
    expect(lines.every((l) => [...l].length === size)).toBe(true)
    expect(lines[0]).toBe('█'.repeat(size))
    expect(art).toMatch(/[▀▄ ]/)
    expect(renderGrid({ size: 1, dark: [[true]] }, 0)).toBe(' \n')
  })

  it('returns null (never throws) for bytes that are not a QR PNG', async () => {
    expect(qrToTerminal(new Uint8Array([1, 2, 3]))).toBeNull()
    expect(() => decodePng(new Uint8Array([1, 2, 3]))).toThrow(PngError)
    const blank = await QRCode.toBuffer('x', { scale: 2, color: { dark: '#ffffffff', light: '#ffffffff' } })
    expect(qrToTerminal(blank)).toBeNull()
  })
})
