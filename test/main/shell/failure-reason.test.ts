import { describe, expect, it } from 'vitest'
import { failureReason } from '../../../src/main/ipc/failure-reason'
import { NotSignedInError } from '../../../src/main/ipc/not-signed-in'
import { EngineCommandError } from '../../../src/main/engine'
import { ProtocolError } from '../../../src/main/protocol'
import { StoreError } from '../../../src/main/store'
import { IPC_FAILURE_REASONS } from '../../../src/shared/errors'

describe('IPC failure reasons', () => {
  it('classifies what handlers throw into the shared reason list', () => {
    const cases: Array<[unknown, string, string]> = [
      [new NotSignedInError(), 'history:get', 'not-signed-in'],
      [new StoreError('corrupt-db', 'x'), 'history:get', 'store-corrupt'],
      [new StoreError('too-new', 'x'), 'history:get', 'store-too-new'],
      [new StoreError('bad-cursor', 'x'), 'history:get', 'store-bad-cursor'],
      [new ProtocolError({ code: 'network', endpoint: 'poll2', detail: 'x' }), 'session:start', 'network'],
      [new ProtocolError({ code: 'timeout', endpoint: 'poll2', detail: 'x' }), 'session:start', 'timeout'],
      [new ProtocolError({ code: 'retcode', endpoint: 'send_buddy_msg2', detail: 'x' }), 'message:send', 'server'],
      [new EngineCommandError('unknown buddy 3'), 'message:send', 'command-refused'],
      [new EngineCommandError('no stored history with group 22'), 'conversation:export', 'export-no-history'],
      [new EngineCommandError('cannot write /x: EACCES'), 'conversation:export', 'export-failed'],
      [new Error('boom'), 'app:info', 'unknown']
    ]
    for (const [error, channel, reason] of cases) {
      expect(failureReason(error, channel), `${String(error)} on ${channel}`).toBe(reason)
      expect(IPC_FAILURE_REASONS).toContain(reason)
    }
  })
})
