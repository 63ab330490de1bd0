/** The simulator's own small seeded PRNG (mulberry32) and helpers: same seed, same account, same 1202 luck. */
export type Rng = () => number

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** An independent stream per purpose, so e.g. extra logins never shift the send-luck sequence. */
export function streamFor(seed: number, label: string): Rng {
  let h = (0x811c9dc5 ^ seed) >>> 0
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0
  return mulberry32(h)
}

/** Uniform integer in [min, max] (both inclusive; safe up to 2^53). */
export function randInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1))
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T
}

export function chance(rng: Rng, p: number): boolean {
  return rng() < p
}

const HEX = '0123456789abcdef'
export function randHex(rng: Rng, length: number): string {
  let s = ''
  for (let i = 0; i < length; i++) s += HEX[Math.floor(rng() * 16)]
  return s
}

const TOKEN = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-*_'
export function randToken(rng: Rng, length: number, alphabet = TOKEN): string {
  let s = ''
  for (let i = 0; i < length; i++) s += alphabet[Math.floor(rng() * alphabet.length)]
  return s
}
