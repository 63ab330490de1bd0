#!/usr/bin/env node
/**
 * Renders the tray artwork (an original mark: a round speech bubble with three knocked-out dots)
 * into every PNG the shell loads, under resources/tray/. Run by hand after changing the mark:
 *   node scripts/make-tray-icons.mjs
 * The PNGs are committed, so neither the build nor CI needs this script or its renderer.
 *
 * - Windows/Linux: tray-<light|dark>-<status>[-unread].png at 16 px, with @1.5x (24), @2x (32) and
 *   @3x (48) beside it; Electron's nativeImage picks the one for the display's scale factor.
 *   "light" is drawn for light taskbars (a deep blue bubble), "dark" for dark ones (a pale bubble).
 * - macOS: tray-<status>[-unread]Template.png (+@2x): black and alpha only, so the menu bar tints it.
 * - Windows taskbar overlay: overlay-<1..9|9plus>.png (+@2x), a red disc with the unread count.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { Resvg } from '@resvg/resvg-js'

const OUT = resolve(import.meta.dirname, '../resources/tray')
const STATUSES = ['online', 'away', 'busy', 'invisible']
const SCALES = [
  ['', 1],
  ['@1.5x', 1.5],
  ['@2x', 2],
  ['@3x', 3]
]
const THEMES = {
  light: { bubble: '#1769c2', unread: '#e53935', away: '#f59e0b', busy: '#e53935' },
  dark: { bubble: '#7cc8ff', unread: '#ff5a52', away: '#fbbf24', busy: '#ff5a52' },
  template: { bubble: '#000000', unread: '#000000', away: '#000000', busy: '#000000' }
}

/** The mark on a 64-unit canvas; knock-outs (dots, rings around the corner marks) are real alpha. */
function markSvg(size, theme, status, unread) {
  const c = THEMES[theme]
  const bubble = 'M31 6a25 24 0 1 1-13.6 44.2L6 56l3.2-11.4A25 24 0 0 1 31 6z'
  const knockouts = [
    '<circle cx="19" cy="30" r="4.6"/>',
    '<circle cx="31" cy="30" r="4.6"/>',
    '<circle cx="43" cy="30" r="4.6"/>',
    unread ? '<circle cx="51" cy="13" r="15"/>' : '',
    status === 'away' || status === 'busy' ? '<circle cx="51" cy="51" r="15"/>' : ''
  ].join('')
  const corner = []
  if (unread) corner.push(`<circle cx="51" cy="13" r="11" fill="${c.unread}"/>`)
  if (status === 'away') {
    // A ring reads as "away" in the template too, where colour is not available.
    corner.push(`<circle cx="51" cy="51" r="8.5" fill="none" stroke="${c.away}" stroke-width="5"/>`)
  }
  if (status === 'busy') {
    corner.push(
      `<mask id="minus"><rect width="64" height="64" fill="#fff"/><rect x="44" y="48.5" width="14" height="5" fill="#000"/></mask>`,
      `<circle cx="51" cy="51" r="11" fill="${c.busy}" mask="url(#minus)"/>`
    )
  }
  // Invisible: the same mark, faded, as desktop messengers show an invisible self.
  const opacity = status === 'invisible' ? 0.42 : 1
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 64 64">
<mask id="cut"><rect width="64" height="64" fill="#fff"/><g fill="#000">${knockouts}</g></mask>
<path d="${bubble}" fill="${c.bubble}" mask="url(#cut)" opacity="${opacity}"/>
${corner.join('\n')}
</svg>`
}

function overlaySvg(size, label) {
  const fontSize = label.length > 1 ? 30 : 40
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 64 64">
<circle cx="32" cy="32" r="31" fill="#e53935"/>
<text x="32" y="${label.length > 1 ? 43 : 46}" font-family="DejaVu Sans" font-weight="bold" font-size="${fontSize}" fill="#ffffff" text-anchor="middle">${label}</text>
</svg>`
}

function render(svg, size) {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: size },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' }
  })
  return resvg.render().asPng()
}

mkdirSync(OUT, { recursive: true })
let count = 0
const write = (name, png) => {
  writeFileSync(join(OUT, name), png)
  count++
}

for (const status of STATUSES) {
  for (const unread of [false, true]) {
    const base = `tray-${status}${unread ? '-unread' : ''}`
    for (const theme of ['light', 'dark']) {
      for (const [suffix, scale] of SCALES) {
        const size = Math.round(16 * scale)
        write(`tray-${theme}-${status}${unread ? '-unread' : ''}${suffix}.png`, render(markSvg(size, theme, status, unread), size))
      }
    }
    write(`${base}Template.png`, render(markSvg(16, 'template', status, unread), 16))
    write(`${base}Template@2x.png`, render(markSvg(32, 'template', status, unread), 32))
  }
}
for (const label of ['1', '2', '3', '4', '5', '6', '7', '8', '9', '9+']) {
  const name = `overlay-${label === '9+' ? '9plus' : label}`
  write(`${name}.png`, render(overlaySvg(16, label), 16))
  write(`${name}@2x.png`, render(overlaySvg(32, label), 32))
}
// The source mark, for people who want to see or reuse it.
writeFileSync(join(OUT, 'mark.svg'), markSvg(64, 'light', 'online', false))
console.log(`wrote ${count} PNGs to ${OUT}`)
