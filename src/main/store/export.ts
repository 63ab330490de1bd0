/**
 * Conversation export formats, produced as chunks so a long history can be streamed to a file.
 * TXT is for people (one line per message, local time); JSON keeps segments for programs.
 */
import type { ConversationInfo, ExportFormat, ExportOptions, StoredMessage } from './types'

export const EXPORT_FORMAT_ID = 'qq-desktop-history'
export const EXPORT_FORMAT_VERSION = 1

export function* exportChunks(
  conversation: ConversationInfo,
  messages: Iterable<StoredMessage>,
  format: ExportFormat,
  options: ExportOptions = {}
): Generator<string> {
  if (format === 'json') yield* jsonChunks(conversation, messages)
  else yield* txtChunks(conversation, messages, options)
}

function* txtChunks(conversation: ConversationInfo, messages: Iterable<StoredMessage>, options: ExportOptions): Generator<string> {
  // sv-SE formats as "2024-01-02 03:04:05", an unambiguous sortable form.
  const clock = new Intl.DateTimeFormat('sv-SE', {
    timeZone: options.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false
  })
  yield `# ${conversation.title || conversation.key} (${conversation.kind}, ${conversation.key})\n`
  for (const m of messages) {
    const state = m.state !== null && m.state !== 'sent' ? ` [${m.state}]` : ''
    // Continuation lines are indented so every message still starts with its timestamp.
    const body = m.text.replace(/\r?\n/g, '\n    ')
    yield `[${stamp(clock, m.time)}] ${m.senderName}${state}: ${body}\n`
  }
}

/** Date holds ±8.64e15 ms; format() throws RangeError beyond (a time stored by an old version, e.g. 1e20 s). */
const MAX_DATE_MS = 8.64e15

function stamp(clock: Intl.DateTimeFormat, unixSeconds: number): string {
  const ms = unixSeconds * 1000
  return Number.isFinite(ms) && Math.abs(ms) <= MAX_DATE_MS ? clock.format(ms) : `time ${unixSeconds}`
}

function* jsonChunks(conversation: ConversationInfo, messages: Iterable<StoredMessage>): Generator<string> {
  const head = {
    format: EXPORT_FORMAT_ID,
    version: EXPORT_FORMAT_VERSION,
    conversation: { key: conversation.key, kind: conversation.kind, title: conversation.title }
  }
  yield JSON.stringify(head).slice(0, -1) + ',"messages":['
  let first = true
  for (const m of messages) {
    const item = {
      id: m.id,
      time: m.time,
      sender: m.sender,
      senderName: m.senderName,
      self: m.self,
      text: m.text,
      segments: m.segments,
      ...(m.state !== null ? { state: m.state } : {})
    }
    yield (first ? '\n' : ',\n') + JSON.stringify(item)
    first = false
  }
  yield '\n]}\n'
}
