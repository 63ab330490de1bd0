import { describe, expect, it } from 'vitest'
import { createWindowHandlers, withReadBroadcast } from '../../../src/main/ipc/window-handlers'
import { createWindowRegistry } from '../../../src/main/desktop/window-registry'
import { createThemeService } from '../../../src/main/desktop/theme'
import type { InvokeHandlers } from '../../../src/main/ipc/dispatcher'
import { PopOutRefusedError } from '../../../src/main/desktop/window-registry'
import { failureReason } from '../../../src/main/ipc/failure-reason'
import type { Engine } from '../../../src/main/engine'

/** A messenger whose signed-in engine knows exactly these groups (gids). */
function signedInWith(gids: number[]): { engine(): Engine } {
  const contacts = { buddies: [], discussions: [], recent: [], loadedAt: 0, groups: gids.map((gid) => ({ gid, key: `group:name:${gid}` })) }
  const engine = { self: { uin: 1, qq: 1, nick: 'me' }, contacts: async () => contacts } as unknown as Engine
  return { engine: () => engine }
}

describe('window and theme handlers', () => {
  it('answers the effective theme and drives the registry', async () => {
    const opened: string[] = []
    const registry = createWindowRegistry({ openConversation: (k) => opened.push(k), focus() {}, close() {}, showInMain() {} }, () => {})
    const theme = createThemeService({ setting: () => 'dark', emit: () => {} })
    const handlers = createWindowHandlers({ theme, windows: registry, messenger: signedInWith([7]) })
    expect(await handlers['theme:get'](undefined)).toEqual({ effective: 'dark' })
    expect(await handlers['window:pop-out']({ kind: 'group', id: 7 })).toBe(true)
    expect(await handlers['window:pop-out']({ kind: 'group', id: 7 })).toBe(false)
    expect(await handlers['window:list'](undefined)).toEqual([{ kind: 'group', id: 7 }])
    expect(await handlers['window:dock']({ kind: 'group', id: 7 })).toBe(true)
    expect(await handlers['window:list'](undefined)).toEqual([])
    expect(opened).toEqual(['conversation:group:7'])
    // Without a shell (tests, headless): light, and nothing opens.
    expect(await createWindowHandlers({})['theme:get'](undefined)).toEqual({ effective: 'light' })
  })

  it('opens a window only for a conversation of the signed-in session (hostile 10)', async () => {
    const opened: string[] = []
    const registry = createWindowRegistry({ openConversation: (k) => opened.push(k), focus() {}, close() {}, showInMain() {} }, () => {})
    const handlers = createWindowHandlers({ windows: registry, messenger: signedInWith([7]) })
    // Ids the session does not know, of every kind, and the right id with the wrong kind.
    for (const target of [
      { kind: 'group', id: 999_999 },
      { kind: 'buddy', id: 7 },
      { kind: 'discuss', id: 7 }
    ] as const) {
      await expect(handlers['window:pop-out'](target)).rejects.toBeInstanceOf(PopOutRefusedError)
    }
    // Nobody signed in: nothing is known.
    const signedOut = createWindowHandlers({ windows: registry, messenger: { engine: () => null } })
    await expect(signedOut['window:pop-out']({ kind: 'group', id: 7 })).rejects.toBeInstanceOf(PopOutRefusedError)
    expect(opened).toEqual([])
    expect(failureReason(new PopOutRefusedError('unknown-conversation'), 'window:pop-out')).toBe('command-refused')
    expect(failureReason(new PopOutRefusedError('window-limit'), 'window:pop-out')).toBe('window-limit')
    expect(await handlers['window:pop-out']({ kind: 'group', id: 7 })).toBe(true)
    expect(opened).toEqual(['conversation:group:7'])
  })

  it('tells every window when a conversation was read, after the read succeeded', async () => {
    const events: Array<[string, unknown]> = []
    let fail = false
    const base = {
      'conversation:read': async () => {
        if (fail) throw new Error('store closed')
        return true
      }
    } as unknown as InvokeHandlers
    const handlers = withReadBroadcast(base, (channel, payload) => events.push([channel, payload]))
    expect(await handlers['conversation:read']({ kind: 'buddy', id: 3 })).toBe(true)
    expect(events).toEqual([['unread:cleared', { kind: 'buddy', id: 3 }]])
    fail = true
    await expect(handlers['conversation:read']({ kind: 'buddy', id: 4 })).rejects.toThrow()
    expect(events).toHaveLength(1)
  })
})
