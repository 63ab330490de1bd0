#!/usr/bin/env node
/**
 * `npm run icons`: renders the app icon from its one source, build/icon.svg, into every file the
 * packaging targets and the window need. The outputs are committed, so neither the build nor CI runs
 * this script:
 *   build/icon.png          1024 px (electron-builder's default source; macOS dmg/zip, Linux)
 *   build/icons/NxN.png     16..512 px (the Linux AppImage/deb hicolor sizes)
 *   build/icon.ico          16, 24, 32, 48, 64, 128, 256 px (Windows NSIS + portable; PNG-compressed entries)
 *   build/icon.icns         16..1024 px incl. @2x (macOS)
 *   resources/icon.png      512 px (the window icon on Linux, loaded by src/main/shell/window.ts)
 * SVG -> PNG with @resvg/resvg-js; the ICO and ICNS containers are simple enough to write here.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { Resvg } from '@resvg/resvg-js'

const root = resolve(import.meta.dirname, '..')
const source = readFileSync(join(root, 'build', 'icon.svg'), 'utf8')

export function renderPng(svg, size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng()
}

/** ICO with PNG entries (Windows Vista+): ICONDIR, one ICONDIRENTRY per image, then the PNGs. */
export function buildIco(images) {
  const header = Buffer.alloc(6 + 16 * images.length)
  header.writeUInt16LE(0, 0) // reserved
  header.writeUInt16LE(1, 2) // 1 = icon
  header.writeUInt16LE(images.length, 4)
  let offset = header.length
  images.forEach(({ size, png }, i) => {
    const e = 6 + 16 * i
    header.writeUInt8(size >= 256 ? 0 : size, e) // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, e + 1)
    header.writeUInt8(0, e + 2) // palette colours
    header.writeUInt8(0, e + 3)
    header.writeUInt16LE(1, e + 4) // colour planes
    header.writeUInt16LE(32, e + 6) // bits per pixel
    header.writeUInt32LE(png.length, e + 8)
    header.writeUInt32LE(offset, e + 12)
    offset += png.length
  })
  return Buffer.concat([header, ...images.map((i) => i.png)])
}

/** ICNS: 'icns' + total length, then (OSType, length incl. 8-byte header, PNG data) per entry. */
export function buildIcns(entries) {
  const chunks = entries.map(({ type, png }) => {
    const head = Buffer.alloc(8)
    head.write(type, 0, 'ascii')
    head.writeUInt32BE(png.length + 8, 4)
    return Buffer.concat([head, png])
  })
  const body = Buffer.concat(chunks)
  const head = Buffer.alloc(8)
  head.write('icns', 0, 'ascii')
  head.writeUInt32BE(body.length + 8, 4)
  return Buffer.concat([head, body])
}

// PNG-in-ICNS types by pixel size (the @2x variants share a pixel size with a 1x type).
export const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['ic11', 32], // 16@2x
  ['icp6', 64],
  ['ic12', 64], // 32@2x
  ['ic07', 128],
  ['ic08', 256],
  ['ic13', 256], // 128@2x
  ['ic09', 512],
  ['ic14', 512], // 256@2x
  ['ic10', 1024] // 512@2x
]
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512]

function main() {
  const cache = new Map()
  const png = (size) => {
    if (!cache.has(size)) cache.set(size, renderPng(source, size))
    return cache.get(size)
  }
  mkdirSync(join(root, 'build', 'icons'), { recursive: true })
  writeFileSync(join(root, 'build', 'icon.png'), png(1024))
  for (const size of LINUX_SIZES) writeFileSync(join(root, 'build', 'icons', `${size}x${size}.png`), png(size))
  writeFileSync(join(root, 'build', 'icon.ico'), buildIco(ICO_SIZES.map((size) => ({ size, png: png(size) }))))
  writeFileSync(join(root, 'build', 'icon.icns'), buildIcns(ICNS_TYPES.map(([type, size]) => ({ type, png: png(size) }))))
  writeFileSync(join(root, 'resources', 'icon.png'), png(512))
  process.stderr.write(`icons written: build/icon.png, build/icons/*.png, build/icon.ico, build/icon.icns, resources/icon.png\n`)
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main()
