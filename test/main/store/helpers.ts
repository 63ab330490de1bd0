import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import type { Segment } from '../../../src/shared/domain'
import type { NewMessage } from '../../../src/main/store'

const dirs: string[] = []

/** A fresh temp dir, removed after the current test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qq-store-'))
  dirs.push(dir)
  return dir
}

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

export function msg(id: string, over: Partial<NewMessage> = {}): NewMessage {
  const segments: Segment[] = over.segments ? [...over.segments] : [{ type: 'text', text: `text of ${id}` }]
  return {
    id,
    conversation: 'group:code:1',
    kind: 'group',
    sender: 'qq:100',
    senderName: '张三',
    self: false,
    time: 1_700_000_000,
    ...over,
    segments
  }
}
