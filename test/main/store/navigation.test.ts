import { describe, expect, it } from 'vitest'
import { openAccountStore, openStoreFile, StoreError, type AccountStore, type StoredMessage } from '../../../src/main/store'
import { msg, tempDir } from './helpers'

const CONV = 'group:code:1'
const OTHER = 'buddy:qq:7'

function open(): AccountStore {
  return openAccountStore(tempDir(), 'qq:42')
}

/** n messages m1..mn one second apart (two per second from 1_700_000_000, so ties are broken by seq). */
function fill(s: AccountStore, n: number, conversation = CONV, prefix = 'm'): void {
  const batch = Array.from({ length: n }, (_, i) =>
    msg(`${prefix}${i + 1}`, { conversation, kind: conversation.startsWith('buddy') ? 'buddy' : 'group', time: 1_700_000_000 + Math.floor(i / 2) })
  )
  s.history.appendBatch(batch)
}

const ids = (messages: StoredMessage[]): string[] => messages.map((m) => m.id)

describe('around: a page centred on one message (search jump)', () => {
  it('returns N older, the message and N newer, newest first, with cursors both ways', () => {
    const s = open()
    fill(s, 200)
    const around = s.history.around(CONV, 'm100', { limit: 3 })
    expect(ids(around.messages)).toEqual(['m103', 'm102', 'm101', 'm100', 'm99', 'm98', 'm97'])
    expect(around.anchor).toBe('m100')
    // Continuing both ways walks the whole conversation, each message once.
    const seen = new Set(ids(around.messages))
    let older = around.older
    while (older) {
      const page = s.history.page(CONV, { before: older, limit: 50 })
      for (const m of page.messages) {
        expect(seen.has(m.id)).toBe(false)
        seen.add(m.id)
      }
      older = page.next
    }
    let newer = around.newer
    const newerIds: string[] = []
    while (newer) {
      const page = s.history.page(CONV, { after: newer, limit: 40 })
      newerIds.push(...ids(page.messages).reverse())
      newer = page.next
    }
    for (const id of newerIds) {
      expect(seen.has(id)).toBe(false)
      seen.add(id)
    }
    expect(newerIds[0]).toBe('m104')
    expect(newerIds[newerIds.length - 1]).toBe('m200')
    expect(seen.size).toBe(200)
    s.close()
  })

  it('says where each direction ends', () => {
    const s = open()
    fill(s, 10)
    const first = s.history.around(CONV, 'm2', { limit: 5 })
    expect(ids(first.messages)).toEqual(['m7', 'm6', 'm5', 'm4', 'm3', 'm2', 'm1'])
    expect(first.older).toBeNull()
    expect(first.newer).not.toBeNull()
    const last = s.history.around(CONV, 'm10', { limit: 5 })
    expect(last.newer).toBeNull()
    expect(ids(last.messages)[0]).toBe('m10')
    expect(last.older).not.toBeNull()
    s.close()
  })

  it('keeps to the conversation and refuses a message of another one', () => {
    const s = open()
    fill(s, 10)
    fill(s, 10, OTHER, 'b')
    expect(ids(s.history.around(CONV, 'm5', { limit: 100 }).messages)).toHaveLength(10)
    expect(() => s.history.around(CONV, 'b5')).toThrow(StoreError)
    expect(() => s.history.around(CONV, 'nope')).toThrow(/no message nope/)
    expect(() => s.history.around(CONV, 'm5', { limit: 0 })).toThrow(/positive integer/)
    s.close()
  })
})

describe('gaps: "messages may be missing here"', () => {
  it('marks the first message after a global gap, in every conversation that has one before it', () => {
    const s = open()
    fill(s, 5)
    fill(s, 3, OTHER, 'b')
    expect(s.history.recordGap('session-ended', null, 1234)).toEqual({ reason: 'session-ended', recordedAt: 1234 })
    s.history.appendBatch([
      msg('m6', { time: 1_700_000_100 }),
      msg('m7', { time: 1_700_000_101 }),
      msg('b4', { conversation: OTHER, kind: 'buddy', time: 1_700_000_100 })
    ])
    const page = s.history.page(CONV)
    expect(page.messages.filter((m) => m.gapBefore).map((m) => [m.id, m.gapBefore])).toEqual([['m6', { reason: 'session-ended', recordedAt: 1234 }]])
    expect(s.history.page(OTHER).messages.find((m) => m.gapBefore)?.id).toBe('b4')
    s.close()
  })

  it('shows a conversation-only gap in that conversation alone, and none above a first message', () => {
    const s = open()
    fill(s, 2)
    s.history.recordGap('relink', CONV, 1)
    s.history.appendBatch([msg('m3', { time: 1_700_000_050 }), msg('first', { conversation: OTHER, kind: 'buddy', time: 1_700_000_060 })])
    expect(s.history.page(CONV).messages.find((m) => m.gapBefore)?.id).toBe('m3')
    expect(s.history.page(OTHER).messages.some((m) => m.gapBefore)).toBe(false)
    s.close()
  })

  it('finds the gap when it falls between two pages, and in around and newer pages', () => {
    const s = open()
    fill(s, 30)
    s.history.recordGap('outage', null, 5)
    s.history.appendBatch(Array.from({ length: 30 }, (_, i) => msg(`n${i + 1}`, { time: 1_700_001_000 + i })))
    // Newest page of 30 ends exactly at n1: its predecessor (m30) is on the next page.
    const newest = s.history.page(CONV, { limit: 30 })
    expect(ids(newest.messages).at(-1)).toBe('n1')
    expect(newest.messages.at(-1)!.gapBefore?.reason).toBe('outage')
    expect(newest.messages.filter((m) => m.gapBefore)).toHaveLength(1)
    expect(s.history.page(CONV, { before: newest.next, limit: 30 }).messages.some((m) => m.gapBefore)).toBe(false)
    const around = s.history.around(CONV, 'm29', { limit: 3 })
    expect(around.messages.find((m) => m.gapBefore)?.id).toBe('n1')
    const newer = s.history.page(CONV, { after: s.history.getMessage('m30')!.cursor, limit: 2 })
    expect(ids(newer.messages)).toEqual(['n2', 'n1'])
    expect(newer.messages[1]!.gapBefore?.reason).toBe('outage')
    s.close()
  })

  it('records nothing on an empty store or twice at the same place, and survives reopening', () => {
    const dir = tempDir()
    const s = openAccountStore(dir, 'qq:42')
    expect(s.history.recordGap('relink')).toBeNull()
    fill(s, 2)
    expect(s.history.recordGap('relink', null, 10)).not.toBeNull()
    expect(s.history.recordGap('session-ended', null, 11)).toBeNull()
    s.history.appendBatch([msg('m3', { time: 1_700_000_009 })])
    const path = s.path
    s.close()
    const again = openStoreFile(path)
    expect(again.history.page(CONV).messages.map((m) => [m.id, m.gapBefore?.reason ?? null])).toEqual([
      ['m3', 'relink'],
      ['m2', null],
      ['m1', null]
    ])
    again.close()
  })
})
