/**
 * The character shown in a round avatar: the first letter or digit of the name, skipping decorations
 * such as 【管理】 brackets or quotes (SmartQQ can no longer fetch face images).
 */
export function avatarText(name: string): string {
  return /[\p{L}\p{N}]/u.exec(name)?.[0] ?? ([...name][0] || '?')
}
