import { describe, expect, it } from 'vitest'
import type { Engine } from '../../../src/main/engine'
import { createContactsHandlers } from '../../../src/main/ipc/contacts-handlers'
import { createDispatcher, type InvokeHandlers } from '../../../src/main/ipc/dispatcher'
import type { ConversationPrefsDto } from '../../../src/shared/messenger'

const PAGE = 'file:///app/out/renderer/index.html'
const trusted = { senderFrame: { url: PAGE } }

/** An engine that records prefs changes (the real one is covered over loopback in test/main/engine). */
function fakeEngine(signedIn = true): { engine: Engine; calls: unknown[] } {
  const calls: unknown[] = []
  const prefs: ConversationPrefsDto = { key: 'buddy:qq:1', kind: 'buddy', id: 5, pinned: true, muted: false, draft: null, draftTime: null }
  const engine = {
    self: signedIn ? { uin: 1, qq: 1, nick: 'me' } : null,
    conversationPrefs: () => [prefs],
    setConversationPrefs: (input: unknown) => {
      calls.push(input)
      return { ...prefs, ...(input as object) }
    }
  } as unknown as Engine
  return { engine, calls }
}

function dispatcher(engine: Engine | null) {
  const handlers = createContactsHandlers({ engine: () => engine }) as InvokeHandlers
  return createDispatcher(handlers, (url) => url === PAGE)
}

describe('prefs IPC channels', () => {
  it('lists and sets prefs through the engine', async () => {
    const { engine, calls } = fakeEngine()
    const dispatch = dispatcher(engine)
    expect(await dispatch('prefs:get', trusted, undefined)).toEqual({ ok: true, value: [expect.objectContaining({ key: 'buddy:qq:1' })] })
    const set = await dispatch('prefs:set', trusted, { kind: 'group', id: 7, muted: true, draft: null })
    expect(set).toMatchObject({ ok: true, value: { muted: true } })
    expect(calls).toEqual([{ kind: 'group', id: 7, muted: true, draft: null }])
  })

  it('answers bad payloads with invalid-payload and never reaches the engine', async () => {
    const { engine, calls } = fakeEngine()
    const dispatch = dispatcher(engine)
    for (const bad of [
      { kind: 'buddy', id: 5 },
      { kind: 'buddy', id: 5, draft: 'x'.repeat(4001) },
      { kind: 'buddy', id: 0, pinned: true },
      { kind: 'channel', id: 5, pinned: true },
      { kind: 'buddy', id: 5, pinned: 'yes' },
      { kind: 'buddy', id: 5, pinned: true, extra: 1 }
    ]) {
      const r = await dispatch('prefs:set', trusted, bad)
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid-payload' } })
    }
    expect(calls).toEqual([])
  })

  it('says "not signed in" before any account was online', async () => {
    const dispatch = dispatcher(fakeEngine(false).engine)
    expect(await dispatch('prefs:get', trusted, undefined)).toMatchObject({ ok: false, error: { code: 'failed', reason: 'not-signed-in' } })
    expect(await dispatcher(null)('prefs:set', trusted, { kind: 'buddy', id: 5, pinned: true })).toMatchObject({
      ok: false,
      error: { code: 'failed' }
    })
  })
})
