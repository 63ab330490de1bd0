import { describe, expect, it } from 'vitest'
import { EngineCommandError, type ConversationPrefsDto } from '../../../src/main/engine'
import { makeEngine, record, useEngineSuite } from './harness'

const suite = useEngineSuite()

describe('engine conversation prefs', () => {
  it('sets pin, mute and draft by current id, emits prefs, and finds them again under the new ids after a new login', async () => {
    const { sim, engine, profile } = await suite.online()
    const contacts = await engine.contacts()
    const buddy = contacts.buddies[0]!
    const group = contacts.groups[0]!
    const seen: ConversationPrefsDto[] = []
    engine.on('prefs', (p) => seen.push(p))

    expect(engine.conversationPrefs()).toEqual([])
    const pinned = engine.setConversationPrefs({ kind: 'buddy', id: buddy.uin, pinned: true })
    expect(pinned).toMatchObject({ key: buddy.key, kind: 'buddy', id: buddy.uin, pinned: true, muted: false, draft: null })
    engine.setConversationPrefs({ kind: 'group', id: group.gid, muted: true, draft: '明天见' })
    expect(seen.map((p) => [p.key, p.pinned, p.muted, p.draft])).toEqual([
      [buddy.key, true, false, null],
      [group.key, false, true, '明天见']
    ])
    expect(engine.conversationPrefs()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: buddy.key, id: buddy.uin, pinned: true }),
        expect.objectContaining({ key: group.key, id: group.gid, muted: true, draft: '明天见', draftTime: expect.any(Number) })
      ])
    )

    // A second process on the same profile (a restart): a new session gives new ids; the prefs follow the keys.
    await engine.stop()
    const again = makeEngine(sim, profile)
    suite.defer(() => again.stop())
    const rec = record(again)
    again.start()
    // The remembered session signs in without a QR.
    await rec.next('ready')
    const now = await again.contacts()
    const buddyNow = now.buddies.find((b) => b.key === buddy.key)!
    const groupNow = now.groups.find((g) => g.key === group.key)!
    expect(again.conversationPrefs()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: buddy.key, kind: 'buddy', id: buddyNow.uin, pinned: true }),
        expect.objectContaining({ key: group.key, kind: 'group', id: groupNow.gid, muted: true, draft: '明天见' })
      ])
    )
    expect(again.conversationPrefs()).toHaveLength(2)
  })

  it('refuses unknown conversations and empty changes with a clear error, changing nothing', async () => {
    const { engine } = await suite.online()
    expect(() => engine.setConversationPrefs({ kind: 'group', id: 987_654_321, pinned: true })).toThrow(EngineCommandError)
    expect(() => engine.setConversationPrefs({ kind: 'group', id: 987_654_321, pinned: true })).toThrow(/unknown group/)
    const buddy = (await engine.contacts()).buddies[0]!
    expect(() => engine.setConversationPrefs({ kind: 'buddy', id: buddy.uin })).toThrow(/nothing to change/)
    expect(engine.conversationPrefs()).toEqual([])
  })
})
