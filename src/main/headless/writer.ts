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
  return withFields({}, m)
}

/** One `message` line's object: `type` first, then the same fields as toHeadlessMessage, in one object. */
export function messageLine(m: MessageDto): Record<string, unknown> & { type: 'message' } {
  return withFields({ type: 'message' as const }, m) as Record<string, unknown> & HeadlessMessage & { type: 'message' }
}

/** Writes the contract's fields into `out` (in this order, after what it holds): the one place they are listed. */
function withFields<T extends object>(out: T, m: MessageDto): T & HeadlessMessage {
  const o = out as T & HeadlessMessage
  o.id = m.id
  o.kind = m.kind
  o.key = m.conversationKey
  o.from = m.from
  o.to = m.to
  o.text = m.text
  o.segments = m.segments
  o.time = m.time
  if (m.self) o.self = true
  if (m.state) o.state = m.state
  if (m.gapBefore) o.gapBefore = m.gapBefore
  if (m.unsaved) o.unsaved = true
  return o
}

export interface JsonWriter {
  write(obj: Record<string, unknown> & { type: string }): void
  /** Resolves once every line written so far has been handed to the OS. */
  flush(): Promise<void>
}

/**
 * Lines are gathered and written once per turn of the event loop (a microtask after the first line):
 * the engine handles a whole poll answer synchronously, so a 20,000-message burst becomes one write
 * instead of 20,000 (each with its own callback and writev bookkeeping: a third of the burst's stdout time).
 * Order is kept, and nothing waits longer than the code that produced it.
 */
export function createJsonWriter(stdout: Writable): JsonWriter {
  let pending = ''
  let scheduled = false
  const drain = (): void => {
    scheduled = false
    if (pending === '') return
    const chunk = pending
    pending = ''
    stdout.write(chunk)
  }
  return {
    write(obj) {
      pending += JSON.stringify(obj) + '\n'
      if (!scheduled) {
        scheduled = true
        queueMicrotask(drain)
      }
    },
    flush: () => {
      drain()
      return new Promise<void>((resolve) => stdout.write('', () => resolve()))
    }
  }
}

export function createLogger(stderr: Writable): (message: string) => void {
  return (message) => {
    // Every human log line passes the same redaction as error excerpts (tokens never; message text only with QQ_DEBUG).
    stderr.write(`[${new Date().toISOString()}] ${redact(message)}\n`)
  }
}
