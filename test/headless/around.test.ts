import { describe, expect, it } from 'vitest'
import { useHeadlessSuite } from './child'

const suite = useHeadlessSuite()

describe('headless around (a page centred on one message) and history after', () => {
  it('answers N older + the message + N newer with cursors both ways, pages forward with after, and errors for an unknown id', async () => {
    const { sim, child } = await suite.online()
    const buddy = (await sim.account()).buddies[0]!
    for (let i = 1; i <= 9; i++) {
      await sim.pushMessage({ kind: 'buddy', from: buddy.qq, text: `n${i}` })
      await child.next((l) => l.type === 'message' && l.text === `n${i}`)
    }
    child.send({ cmd: 'history', kind: 'buddy', id: buddy.uin, limit: 50 })
    const all = (await child.next((l) => l.type === 'history')).messages as Array<{ id: string; text: string }>
    const fifth = all.find((m) => m.text === 'n5')!

    child.send({ cmd: 'around', kind: 'buddy', id: buddy.uin, message: fifth.id, limit: 2 })
    const around = await child.next((l) => l.type === 'around')
    expect(around.anchor).toBe(fifth.id)
    expect((around.messages as Array<{ text: string }>).map((m) => m.text)).toEqual(['n7', 'n6', 'n5', 'n4', 'n3'])
    expect(typeof around.older).toBe('string')
    expect(typeof around.newer).toBe('string')

    child.send({ cmd: 'history', kind: 'buddy', id: buddy.uin, after: around.newer, limit: 50 })
    const newer = await child.next((l) => l.type === 'history' && (l.messages as unknown[]).length === 2)
    expect((newer.messages as Array<{ text: string }>).map((m) => m.text)).toEqual(['n9', 'n8'])
    expect(newer.next).toBeNull()

    child.send({ cmd: 'around', kind: 'buddy', id: buddy.uin, message: 'no-such-message' })
    expect((await child.next((l) => l.type === 'error')).message).toMatch(/no message no-such-message/)
    child.send({ cmd: 'quit' })
    expect(await child.exit()).toBe(0)
  }, 40_000)
})
