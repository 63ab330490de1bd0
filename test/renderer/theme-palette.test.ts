/**
 * The palette contract: components colour themselves only through CSS variables, and every
 * variable a component uses has a value in BOTH themes (a missing dark value would silently fall
 * back to the light one and make text unreadable).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const RENDERER = join(__dirname, '../../src/renderer/src')
const BASE_CSS = readFileSync(join(RENDERER, 'assets/base.css'), 'utf8')

function vueFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? vueFiles(join(dir, entry.name)) : entry.name.endsWith('.vue') ? [join(dir, entry.name)] : []
  )
}

/** The declarations inside the first rule whose selector list contains `selector`. */
function themeBlock(selector: string): Map<string, string> {
  const start = BASE_CSS.indexOf(selector)
  expect(start, `${selector} in base.css`).toBeGreaterThanOrEqual(0)
  const body = BASE_CSS.slice(BASE_CSS.indexOf('{', start) + 1, BASE_CSS.indexOf('}', start))
  return new Map([...body.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]))
}

const COLOUR_LITERAL = /#[0-9a-fA-F]{3,8}\b|\b(?:rgba?|hsla?)\(|(?<![\w-])(?:white|black|red|blue|green|gray|grey)(?![\w-])/

// The agreed names every engineer codes against.
const AGREED = `--bg --bg-elevated --bg-sunken --bg-hover --bg-active --fg --fg-muted --fg-subtle --border
  --border-strong --accent --accent-fg --accent-soft --danger --danger-soft --warning --success --bubble-self
  --bubble-self-fg --bubble-other --bubble-other-fg --badge --badge-fg --badge-muted --focus-ring --shadow
  --highlight --highlight-fg --link --presence-online --presence-away --presence-busy --presence-silent
  --presence-offline --avatar-fg`.split(/\s+/)

describe('theme palette', () => {
  const light = themeBlock(":root[data-theme='light']")
  const dark = themeBlock(":root[data-theme='dark']")

  it('defines every agreed variable in the light and the dark theme, with different values', () => {
    for (const name of AGREED) {
      expect(light.get(name), `${name} (light)`).toBeTruthy()
      expect(dark.get(name), `${name} (dark)`).toBeTruthy()
    }
    expect(light.get('--bg')).not.toBe(dark.get('--bg'))
    expect(light.get('--fg')).not.toBe(dark.get('--fg'))
  })

  it('keeps text readable: WCAG AA contrast (4.5:1) for every text colour on the background it is used on', () => {
    const hex = (value: string | undefined): [number, number, number] => {
      const m = /^#([0-9a-f]{6})$/i.exec(value ?? '')
      if (!m) throw new Error(`not a #rrggbb colour: ${value}`)
      return [0, 2, 4].map((i) => parseInt(m[1]!.slice(i, i + 2), 16) / 255) as [number, number, number]
    }
    const luminance = (rgb: [number, number, number]) => {
      const [r, g, b] = rgb.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
    }
    const contrast = (a: string | undefined, b: string | undefined) => {
      const [x, y] = [luminance(hex(a)), luminance(hex(b))].sort((p, q) => q - p)
      return (x! + 0.05) / (y! + 0.05)
    }
    const PAIRS: Array<[string, string]> = [
      ['--fg', '--bg'],
      ['--fg', '--bg-sunken'],
      ['--fg', '--bg-elevated'],
      ['--fg-muted', '--bg'],
      ['--fg-muted', '--bg-sunken'],
      ['--fg-subtle', '--bg'],
      // Hints, counts, times and status text also sit on sunken, hovered and selected rows.
      ['--fg-subtle', '--bg-sunken'],
      ['--fg-subtle', '--bg-hover'],
      ['--fg-subtle', '--bg-active'],
      ['--fg-subtle', '--bg-elevated'],
      ['--fg-muted', '--bg-active'],
      ['--badge-fg', '--badge-muted'],
      ['--accent-fg', '--accent'],
      ['--accent', '--bg'],
      ['--link', '--bg'],
      ['--danger', '--bg'],
      ['--warning', '--bg'],
      ['--bubble-self-fg', '--bubble-self'],
      ['--bubble-other-fg', '--bubble-other'],
      ['--badge-fg', '--badge'],
      ['--fg', '--bg-active']
    ]
    const weak: string[] = []
    for (const [name, palette] of [
      ['light', light],
      ['dark', dark]
    ] as const) {
      for (const [text, background] of PAIRS) {
        const ratio = contrast(palette.get(text), palette.get(background))
        if (ratio < 4.5) weak.push(`${name}: ${text} on ${background} = ${ratio.toFixed(2)}`)
      }
    }
    expect(weak).toEqual([])
  })

  it('has no colour literal in any component style and no variable missing from a theme', () => {
    const files = vueFiles(RENDERER)
    expect(files.length).toBeGreaterThan(10)
    const problems: string[] = []
    for (const file of files) {
      const source = readFileSync(file, 'utf8')
      for (const style of source.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) {
        style[1].split('\n').forEach((line, index) => {
          if (COLOUR_LITERAL.test(line)) problems.push(`${file}:${index + 1} literal: ${line.trim()}`)
          for (const used of line.matchAll(/var\((--[\w-]+)\)/g)) {
            if (!light.has(used[1]) || !dark.has(used[1])) problems.push(`${file}: ${used[1]} not in both themes`)
          }
        })
      }
    }
    expect(problems).toEqual([])
  })
})
