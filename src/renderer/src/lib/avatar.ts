/**
 * The character shown in a round avatar: the first letter or digit of the name, skipping decorations
 * such as 【管理】 brackets or quotes (SmartQQ can no longer fetch face images).
 */
export function avatarText(name: string): string {
  return /[\p{L}\p{N}]/u.exec(name)?.[0] ?? ([...name][0] || '?')
}

/** How many avatar tones the palette has (--avatar-0 … --avatar-7 in base.css, both themes). */
export const AVATAR_TONES = 8

/**
 * The tone of a generated avatar: stable for one contact key (the same person always gets the same
 * colour, across sessions and windows), spread evenly over the palette (FNV-1a over the key).
 */
export function avatarTone(key: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h % AVATAR_TONES
}
