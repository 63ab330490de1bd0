import { describe, expect, it } from 'vitest'
import { mentionToken, mentionsAny } from '../../src/shared/mentions'

describe('mentionsAny', () => {
  it('finds my card or my nick followed by a space, punctuation or the end', () => {
    expect(mentionsAny('@小明 晚上开会', ['小明', 'ming'])).toBe(true)
    expect(mentionsAny('晚上开会 @ming', ['小明', 'ming'])).toBe(true)
    expect(mentionsAny('@小明，来一下', ['小明'])).toBe(true)
    expect(mentionsAny('@老王 @小明 看看', ['小明'])).toBe(true)
  })

  it('does not take a longer name that starts with mine, or a name without @', () => {
    expect(mentionsAny('@小明明 你好', ['小明'])).toBe(false)
    expect(mentionsAny('小明 你好', ['小明'])).toBe(false)
    expect(mentionsAny('mail me at a@ming.example', ['ming'])).toBe(false)
    expect(mentionsAny('no at sign', ['ming'])).toBe(false)
  })

  it('counts @全体成员 and @all (any case) as mentioning everyone', () => {
    expect(mentionsAny('@全体成员 明天放假', ['小明'])).toBe(true)
    expect(mentionsAny('@All meeting at 3', [])).toBe(true)
    expect(mentionsAny('@allison hi', [])).toBe(false)
  })

  it('ignores blank names (a member without a card)', () => {
    expect(mentionsAny('@ hello', ['', '  '])).toBe(false)
  })

  it('makes the token the composer inserts, which it then recognises', () => {
    expect(mentionToken('小明')).toBe('@小明 ')
    expect(mentionsAny(`${mentionToken('小明')}你好`, ['小明'])).toBe(true)
  })
})
