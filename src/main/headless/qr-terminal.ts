/**
 * Renders a QR PNG as text for a terminal: finds the module size from the top-left finder pattern
 * (7 modules wide), samples each module's centre and prints two module rows per line with half blocks.
 * Light modules are drawn (the usual light-on-dark terminal), with a quiet zone around the code.
 */
import { decodePng, type LumaImage } from './png'

export interface ModuleGrid {
  size: number
  dark: boolean[][]
}

const DARK = 128

/** The module grid of a QR image; throws when the image does not look like a QR code. */
export function sampleQr(img: LumaImage): ModuleGrid {
  const dark = (x: number, y: number): boolean => img.luma[y * img.width + x]! < DARK
  // The first dark pixel scanning diagonally is the finder pattern's top-left corner.
  let start = -1
  for (let d = 0; d < Math.min(img.width, img.height); d++)
    if (dark(d, d)) {
      start = d
      break
    }
  if (start < 0) throw new Error('no dark pixel on the diagonal: not a QR image')
  let run = 0
  while (start + run < img.width && dark(start + run, start)) run++
  const module = run / 7
  if (module < 1) throw new Error('finder pattern too small')
  let right = img.width - 1
  while (right > start && !dark(right, start)) right--
  const size = Math.round((right - start + 1) / module)
  if (size < 21 || size > 177 || (size - 17) % 4 !== 0) throw new Error(`implausible QR size ${size}`)
  const grid: boolean[][] = []
  for (let r = 0; r < size; r++) {
    const row: boolean[] = []
    for (let c = 0; c < size; c++) {
      const x = Math.min(img.width - 1, Math.floor(start + (c + 0.5) * module))
      const y = Math.min(img.height - 1, Math.floor(start + (r + 0.5) * module))
      row.push(dark(x, y))
    }
    grid.push(row)
  }
  return { size, dark: grid }
}

export function renderGrid(grid: ModuleGrid, quiet = 2): string {
  const n = grid.size + quiet * 2
  const light = (r: number, c: number): boolean => {
    const rr = r - quiet
    const cc = c - quiet
    return rr < 0 || cc < 0 || rr >= grid.size || cc >= grid.size || !grid.dark[rr]![cc]!
  }
  const lines: string[] = []
  for (let r = 0; r < n; r += 2) {
    let line = ''
    for (let c = 0; c < n; c++) {
      const top = light(r, c)
      const bottom = r + 1 < n ? light(r + 1, c) : false
      line += top && bottom ? '█' : top ? '▀' : bottom ? '▄' : ' '
    }
    lines.push(line)
  }
  return lines.join('\n') + '\n'
}

/** The QR as terminal text, or null when the PNG cannot be read as a QR (the caller prints the path). */
export function qrToTerminal(png: Uint8Array): string | null {
  try {
    return renderGrid(sampleQr(decodePng(png)))
  } catch {
    return null
  }
}
