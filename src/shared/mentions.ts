/**
 * @-mentions as SmartQQ carried them: plain text, `@<card or nick>` followed by a space (the official
 * clients inserted one) or the end of the message. The one place that decides whether a message mentions
 * me; the engine marks incoming messages with it and the desktop model and the renderer read that mark.
 */

/** Mentions that address everyone in a group (QQ's own, and what English clients typed). */
export const EVERYONE_MENTIONS: readonly string[] = ['全体成员', 'all']

/** What may follow a mentioned name: the end, white space, punctuation, or the next mention. */
const AFTER_NAME = /^(?:$|[\s@,.!?;:，。！？；：、…])/u

/**
 * Whether `text` mentions one of `names` (my group card and my nick), or everyone. A longer name that
 * merely starts with mine (`@张三丰` when I am 张三) does not count.
 */
export function mentionsAny(text: string, names: readonly string[]): boolean {
  if (!text.includes('@')) return false
  const wanted = [...names.filter((n) => n.trim() !== ''), ...EVERYONE_MENTIONS]
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    // An address (`a@ming.example`) is not a mention.
    if (at > 0 && /[\w.+-]/.test(text[at - 1]!)) continue
    const rest = text.slice(at + 1)
    for (const name of wanted) {
      if (!rest.toLowerCase().startsWith(name.toLowerCase())) continue
      if (AFTER_NAME.test(rest.slice(name.length))) return true
    }
  }
  return false
}

/** The text the composer inserts for a chosen member: `@name ` (the trailing space ends the mention). */
export function mentionToken(name: string): string {
  return `@${name} `
}
