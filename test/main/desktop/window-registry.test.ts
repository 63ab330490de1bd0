import { describe, expect, it } from 'vitest'
import { MAX_POP_OUTS, PopOutRefusedError, createWindowRegistry, conversationQuery, type WindowHost } from '../../../src/main/desktop/window-registry'
import type { EventChannel } from '../../../src/shared/ipc'

/** A host that keeps the set of real windows it would have, plus what main window was asked. */
function fakeHost() {
  const windows = new Set<string>()
  const log: string[] = []
  const host: WindowHost = {
    openConversation: (key) => {
      windows.add(key)
      log.push(`open ${key}`)
    },
    focus: (key) => log.push(`focus ${key}`),
    close: (key) => {
      windows.delete(key)
      log.push(`close ${key}`)
    },
    showInMain: (t) => log.push(`main shows ${t.kind}:${t.id}`)
  }
  return { host, windows, log }
}

describe('window registry', () => {
  it('opens one window per conversation and focuses it when asked again', () => {
    const { host, windows, log } = fakeHost()
    const events: Array<[EventChannel, unknown]> = []
    const registry = createWindowRegistry(host, (c, p) => events.push([c, p]))
    expect(registry.popOut({ kind: 'group', id: 7 })).toBe(true)
    expect(registry.popOut({ kind: 'buddy', id: 3 })).toBe(true)
    expect(registry.popOut({ kind: 'group', id: 7 })).toBe(false)
    expect([...windows]).toEqual(['conversation:group:7', 'conversation:buddy:3'])
    expect(log).toEqual(['open conversation:group:7', 'open conversation:buddy:3', 'focus conversation:group:7'])
    expect(registry.list()).toEqual([
      { kind: 'group', id: 7 },
      { kind: 'buddy', id: 3 }
    ])
    // Every window learns the new list (two opens; the focus changes nothing).
    expect(events.map(([c]) => c)).toEqual(['window:changed', 'window:changed'])
    expect(events[1]![1]).toEqual([
      { kind: 'group', id: 7 },
      { kind: 'buddy', id: 3 }
    ])
  })

  it('docks a conversation back into the main window, and forgets windows the user closed', () => {
    const { host, windows, log } = fakeHost()
    const registry = createWindowRegistry(host, () => {})
    registry.popOut({ kind: 'group', id: 7 })
    registry.popOut({ kind: 'discuss', id: 9 })
    expect(registry.dock({ kind: 'group', id: 7 })).toBe(true)
    expect(registry.dock({ kind: 'group', id: 7 })).toBe(false)
    expect(log.slice(-2)).toEqual(['close conversation:group:7', 'main shows group:7'])
    registry.closed('conversation:discuss:9')
    expect(registry.list()).toEqual([])
    expect(windows.has('conversation:group:7')).toBe(false)
    // Closed by the user, so a new pop-out opens a fresh window.
    expect(registry.popOut({ kind: 'discuss', id: 9 })).toBe(true)
  })

  it('keeps the number of pop-out windows bounded (hostile 10)', () => {
    const { host, windows } = fakeHost()
    const registry = createWindowRegistry(host, () => {})
    for (let id = 1; id <= MAX_POP_OUTS; id++) expect(registry.popOut({ kind: 'buddy', id })).toBe(true)
    expect(() => registry.popOut({ kind: 'buddy', id: 1000 })).toThrow(PopOutRefusedError)
    expect(windows.size).toBe(MAX_POP_OUTS)
    // An open one is still focused, and closing one makes room again.
    expect(registry.popOut({ kind: 'buddy', id: 1 })).toBe(false)
    registry.closed('conversation:buddy:2')
    expect(registry.popOut({ kind: 'buddy', id: 1000 })).toBe(true)
  })

  it('tells its owner when a window is gone, closed or docked, so its entries can go too', () => {
    const { host } = fakeHost()
    const gone: string[] = []
    const registry = createWindowRegistry(
      host,
      () => {},
      (key) => gone.push(key)
    )
    registry.popOut({ kind: 'group', id: 7 })
    registry.popOut({ kind: 'discuss', id: 9 })
    registry.closed('conversation:group:7')
    registry.dock({ kind: 'discuss', id: 9 })
    expect(gone).toEqual(['conversation:group:7', 'conversation:discuss:9'])
  })

  it('follows its conversations into a renewed session (new ids), keeping the windows themselves', () => {
    const { host, log } = fakeHost()
    const events: unknown[] = []
    const registry = createWindowRegistry(host, (_c, p) => events.push(p))
    registry.popOut({ kind: 'group', id: 7 }, 'group:name:Family')
    registry.popOut({ kind: 'buddy', id: 3 }, 'buddy:qq:10001')
    // The new session: the group is now 70, the buddy is gone from the contacts.
    registry.followIds((kind, key) => (kind === 'group' && key === 'group:name:Family' ? 70 : null))
    expect(registry.list()).toEqual([
      { kind: 'group', id: 70 },
      { kind: 'buddy', id: 3 }
    ])
    expect(events.at(-1)).toEqual(registry.list())
    // The window opened as group:7 is the one focused and docked under its new id.
    expect(registry.popOut({ kind: 'group', id: 70 })).toBe(false)
    expect(registry.has({ kind: 'group', id: 7 })).toBe(false)
    expect(registry.dock({ kind: 'group', id: 70 })).toBe(true)
    expect(log.slice(-3)).toEqual(['focus conversation:group:7', 'close conversation:group:7', 'main shows group:70'])
  })

  it('names the conversation in the page query the renderer reads', () => {
    expect(conversationQuery({ kind: 'discuss', id: 42 })).toBe('?conversation=discuss:42')
  })
})
