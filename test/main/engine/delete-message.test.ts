/** "Delete from this computer" through the engine: the stored message goes, other conversations' ids are refused. */
import { describe, expect, it } from 'vitest'
import { useEngineSuite } from './harness'

const suite = useEngineSuite()

describe('deleting a message from this computer', () => {
  it('removes a received message from the history and refuses an id of another conversation', async () => {
    const { sim, engine, rec } = await suite.online()
    const acc = await sim.account()
    const [a, b] = acc.buddies
    sim.pushMessage({ kind: 'buddy', from: a!.qq, text: 'keep me' })
    sim.pushMessage({ kind: 'buddy', from: a!.qq, text: 'delete me' })
    sim.pushMessage({ kind: 'buddy', from: b!.qq, text: 'elsewhere' })
    await rec.next('message', (m) => m.text === 'keep me')
    const gone = await rec.next('message', (m) => m.text === 'delete me')
    const other = await rec.next('message', (m) => m.text === 'elsewhere')
    engine.deleteMessage('buddy', a!.uin!, gone.id)
    expect(engine.history('buddy', a!.uin!, { limit: 10 }).messages.map((m) => m.text)).toEqual(['keep me'])
    expect(() => engine.deleteMessage('buddy', a!.uin!, other.id)).toThrow(/no message/)
    expect(engine.history('buddy', b!.uin!, { limit: 10 }).messages.map((m) => m.text)).toEqual(['elsewhere'])
  })
})
