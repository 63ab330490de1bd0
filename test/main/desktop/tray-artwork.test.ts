/**
 * Every image the tray model can ask for exists under resources/tray at the sizes Electron looks
 * for, and the macOS template images are black and alpha only (the menu bar tints them).
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { inflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { desktopTexts } from '../../../src/main/desktop/desktop-texts'
import { badgeView, trayImage, type TrayState } from '../../../src/main/desktop/tray-model'
import { ONLINE_STATUSES } from '../../../src/shared/settings'

const DIR = resolve(import.meta.dirname, '../../../resources/tray')

/** Width, height and RGBA pixels of an 8-bit RGBA PNG (what the generator writes). */
function decodePng(path: string): { width: number; height: number; rgba: Uint8Array } {
  const file = readFileSync(path)
  expect(file.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a')
  let offset = 8
  let width = 0
  let height = 0
  const idat: Buffer[] = []
  while (offset < file.length) {
    const length = file.readUInt32BE(offset)
    const type = file.toString('ascii', offset + 4, offset + 8)
    const data = file.subarray(offset + 8, offset + 8 + length)
    if (type === 'IHDR') {
      width = data.readUInt32BE(0)
      height = data.readUInt32BE(4)
      expect([data[8], data[9]]).toEqual([8, 6]) // 8-bit RGBA
    }
    if (type === 'IDAT') idat.push(data)
    offset += 12 + length
  }
  const raw = inflateSync(Buffer.concat(idat))
  const stride = width * 4
  const rgba = new Uint8Array(height * stride)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!
      const left = x >= 4 ? rgba[y * stride + x - 4]! : 0
      const up = y > 0 ? rgba[(y - 1) * stride + x]! : 0
      const upLeft = x >= 4 && y > 0 ? rgba[(y - 1) * stride + x - 4]! : 0
      const p = left + up - upLeft
      const paeth =
        Math.abs(p - left) <= Math.abs(p - up) && Math.abs(p - left) <= Math.abs(p - upLeft)
          ? left
          : Math.abs(p - up) <= Math.abs(p - upLeft)
            ? up
            : upLeft
      const predictor = [0, left, up, (left + up) >> 1, paeth][filter]!
      rgba[y * stride + x] = (value + predictor) & 0xff
    }
  }
  return { width, height, rgba }
}

function state(over: Partial<TrayState>): TrayState {
  return { signedIn: true, unread: 0, status: 'online', doNotDisturb: false, texts: desktopTexts('en'), ...over }
}

const variants = ONLINE_STATUSES.flatMap((status) => [0, 5].flatMap((unread) => [true, false].map((signedIn) => state({ status, unread, signedIn }))))

describe('tray artwork', () => {
  it('has every Windows/Linux tray image at 16, 24, 32 and 48 px', () => {
    for (const s of variants)
      for (const dark of [false, true]) {
        const { image, template } = trayImage(s, 'win32', dark)
        expect(template).toBe(false)
        const base = image.replace(/\.png$/, '')
        for (const [suffix, size] of [
          ['', 16],
          ['@1.5x', 24],
          ['@2x', 32],
          ['@3x', 48]
        ] as const) {
          const png = decodePng(join(DIR, `${base}${suffix}.png`))
          expect([png.width, png.height]).toEqual([size, size])
        }
      }
  })

  it('has every macOS template image (+@2x), black and alpha only', () => {
    for (const s of variants) {
      const { image, template } = trayImage(s, 'darwin', false)
      expect(template).toBe(true)
      expect(image).toMatch(/Template\.png$/)
      for (const [suffix, size] of [
        ['', 16],
        ['@2x', 32]
      ] as const) {
        const png = decodePng(join(DIR, image.replace(/\.png$/, `${suffix}.png`)))
        expect([png.width, png.height]).toEqual([size, size])
        let opaque = 0
        for (let i = 0; i < png.rgba.length; i += 4) {
          if (png.rgba[i + 3] === 0) continue
          opaque++
          expect([png.rgba[i], png.rgba[i + 1], png.rgba[i + 2]]).toEqual([0, 0, 0])
        }
        expect(opaque).toBeGreaterThan(size * 2)
      }
    }
  })

  it('draws the unread dot: the unread image differs from the plain one in its top-right corner', () => {
    const plain = decodePng(join(DIR, 'tray-light-online@2x.png'))
    const unread = decodePng(join(DIR, 'tray-light-online-unread@2x.png'))
    const alphaAt = (png: typeof plain, x: number, y: number) => png.rgba[(y * png.width + x) * 4 + 3]!
    // The dot's centre (51, 13 of the 64-unit mark) is transparent in the plain mark, red with the dot.
    expect(alphaAt(plain, 26, 6)).toBe(0)
    expect(alphaAt(unread, 26, 6)).toBe(255)
    expect(unread.rgba[(6 * unread.width + 26) * 4]!).toBeGreaterThan(200)
  })

  it('has a Windows overlay for every count the badge shows', () => {
    for (let count = 1; count <= 120; count++) {
      const overlay = badgeView(state({ unread: count })).overlay!
      expect(existsSync(join(DIR, overlay))).toBe(true)
      expect(decodePng(join(DIR, overlay.replace(/\.png$/, '@2x.png'))).width).toBe(32)
    }
  })
})
