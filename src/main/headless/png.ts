/**
 * A minimal PNG decoder to a luminance grid, enough for QR images (the `qrcode` package's output and
 * the real ptqrshow PNGs): non-interlaced, colour types 0/2/3/4/6, bit depth 8 (1/2/4 for palette and
 * grey). Anything else is a typed error; the caller then prints the file path instead.
 */
import { inflateSync } from 'node:zlib'

export class PngError extends Error {
  override name = 'PngError'
}

export interface LumaImage {
  width: number
  height: number
  /** 0 (black) .. 255 (white), row-major; transparent pixels count as white. */
  luma: Uint8Array
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c
  const pa = Math.abs(p - a)
  const pb = Math.abs(p - b)
  const pc = Math.abs(p - c)
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c
}

export function decodePng(bytes: Uint8Array): LumaImage {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (buf.length < 8 || SIGNATURE.some((b, i) => buf[i] !== b)) throw new PngError('not a PNG')
  let width = 0
  let height = 0
  let depth = 0
  let colorType = -1
  let palette: Buffer | null = null
  const idat: Buffer[] = []
  for (let off = 8; off + 8 <= buf.length;) {
    const len = buf.readUInt32BE(off)
    const type = buf.toString('latin1', off + 4, off + 8)
    const data = buf.subarray(off + 8, off + 8 + len)
    if (data.length !== len) throw new PngError('truncated chunk')
    if (type === 'IHDR') {
      width = data.readUInt32BE(0)
      height = data.readUInt32BE(4)
      depth = data[8]!
      colorType = data[9]!
      if (data[12] !== 0) throw new PngError('interlaced PNGs are not supported')
    } else if (type === 'PLTE') palette = data
    else if (type === 'IDAT') idat.push(data)
    else if (type === 'IEND') break
    off += 12 + len
  }
  const channels = CHANNELS[colorType]
  if (!width || !height || channels === undefined) throw new PngError('missing or unsupported IHDR')
  if (depth !== 8 && !(depth < 8 && (colorType === 0 || colorType === 3))) throw new PngError(`bit depth ${depth} unsupported`)
  if (colorType === 3 && !palette) throw new PngError('palette image without PLTE')
  if (width * height > 16_000_000) throw new PngError('image too large')

  const raw = inflateSync(Buffer.concat(idat))
  const bpp = Math.max(1, (channels * depth) >> 3)
  const stride = Math.ceil((width * channels * depth) / 8)
  if (raw.length < height * (stride + 1)) throw new PngError('image data too short')
  const prev = new Uint8Array(stride)
  const cur = new Uint8Array(stride)
  const luma = new Uint8Array(width * height)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!
    if (filter > 4) throw new PngError(`bad filter type ${filter}`)
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1))
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? cur[i - bpp]! : 0
      const b = prev[i]!
      const c = i >= bpp ? prev[i - bpp]! : 0
      const x = line[i]!
      cur[i] = (filter === 0 ? x : filter === 1 ? x + a : filter === 2 ? x + b : filter === 3 ? x + ((a + b) >> 1) : x + paeth(a, b, c)) & 0xff
    }
    for (let x = 0; x < width; x++) luma[y * width + x] = pixelLuma(cur, x, colorType, depth, palette)
    prev.set(cur)
  }
  return { width, height, luma }
}

function pixelLuma(row: Uint8Array, x: number, colorType: number, depth: number, palette: Buffer | null): number {
  if (depth < 8) {
    const perByte = 8 / depth
    const v = (row[Math.floor(x / perByte)]! >> ((perByte - 1 - (x % perByte)) * depth)) & ((1 << depth) - 1)
    if (colorType === 3) return rgbLuma(palette![v * 3]!, palette![v * 3 + 1]!, palette![v * 3 + 2]!)
    return Math.round((v * 255) / ((1 << depth) - 1))
  }
  switch (colorType) {
    case 0:
      return row[x]!
    case 3: {
      const i = row[x]! * 3
      return rgbLuma(palette![i]!, palette![i + 1]!, palette![i + 2]!)
    }
    case 4:
      return blendWhite(row[x * 2]!, row[x * 2 + 1]!)
    case 2:
      return rgbLuma(row[x * 3]!, row[x * 3 + 1]!, row[x * 3 + 2]!)
    default:
      return blendWhite(rgbLuma(row[x * 4]!, row[x * 4 + 1]!, row[x * 4 + 2]!), row[x * 4 + 3]!)
  }
}

function rgbLuma(r: number, g: number, b: number): number {
  return Math.round(0.299 * r + 0.587 * g + 0.114 * b)
}

function blendWhite(l: number, alpha: number): number {
  return Math.round((l * alpha + 255 * (255 - alpha)) / 255)
}
