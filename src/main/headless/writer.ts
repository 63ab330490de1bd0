/**
 * stdout is the machine channel: NOTHING but JSON objects, one per line. Everything for people goes
 * to stderr through `log`. Field names here are the headless contract (docs in the task, tests in
 * test/headless); extra fields may be added, existing ones never renamed.
 */
import type { Writable } from 'node:stream'
import type { MessageDto } from '../engine/types'
import { redact } from '../protocol/redact'

export interface HeadlessMessage {
  id: string
  kind: MessageDto['kind']
  /** The conversation's stable key (survives a new login, unlike the uin/gid/did). */
  key: string
  from: { uin: number; name: string }
  to: { uin: number; name: string }
  text: string
  segments: MessageDto['segments']
  time: number
  self?: true
  /** Our own sends only. */
  state?: string
  /** Messages may be missing just before this one (history and around answers). */
  gapBefore?: { reason: string; recordedAt: number }
  /** Shown but not saved yet (a full disk); saved by itself once the history accepts writes. */
  unsaved?: true
}

export function toHeadlessMessage(m: MessageDto): HeadlessMessage {
  const out: HeadlessMessage = {
    id: m.id,
    kind: m.kind,
    key: m.conversationKey,
    from: m.from,
    to: m.to,
    text: m.text,
    segments: m.segments,
    time: m.time
  }
  if (m.self) out.self = true
  if (m.state) out.state = m.state
  if (m.gapBefore) out.gapBefore = m.gapBefore
  if (m.unsaved) out.unsaved = true
  return out
}

export function createJsonWriter(stdout: Writable): { write(obj: Record<string, unknown> & { type: string }): void; flush(): Promise<void> } {
  return {
    write(obj) {
      stdout.write(JSON.stringify(obj) + '\n')
    },
    flush: () => new Promise<void>((resolve) => stdout.write('', () => resolve()))
  }
}

export function createLogger(stderr: Writable): (message: string) => void {
  return (message) => {
    // Every human log line passes the same redaction as error excerpts (tokens never; message text only with QQ_DEBUG).
    stderr.write(`[${new Date().toISOString()}] ${redact(message)}\n`)
  }
}
