/**
 * What the message menu puts on the clipboard or into the composer, as plain text: the message itself,
 * the message with its sender and time, and a QQ-style quote (`「name：first 30 characters…」` + a line).
 */
import type { MessageDto } from '../../../shared/messenger'

/** Characters of the quoted message kept in a quote (QQ cut its quotes short like this). */
export const QUOTE_CHARS = 30

/** The message as a person reads it (faces as [name], pictures as the word for them). */
export function messageText(m: Pick<MessageDto, 'segments'>, picture: string): string {
  return m.segments.map((s) => (s.type === 'text' ? s.text : s.type === 'face' ? `[${s.name}]` : picture)).join('')
}

export function withSenderAndTime(m: Pick<MessageDto, 'segments' | 'from'>, time: string, picture: string): string {
  return `${m.from.name} ${time}\n${messageText(m, picture)}`
}

export function quoteOf(m: Pick<MessageDto, 'segments' | 'from'>, picture: string): string {
  const chars = [...messageText(m, picture).replace(/\s+/g, ' ').trim()]
  const excerpt = chars.length > QUOTE_CHARS ? `${chars.slice(0, QUOTE_CHARS).join('')}…` : chars.join('')
  return `「${m.from.name}：${excerpt}」\n`
}

/** Own messages that may be sent again by hand: failed, or unconfirmed (which may have arrived: the person is told). */
export const canResend = (m: Pick<MessageDto, 'self' | 'state'>): boolean => m.self && (m.state === 'failed' || m.state === 'unconfirmed')

/** Own messages still on their way belong to the outbox: they are not deleted under it. */
export const canDelete = (m: Pick<MessageDto, 'self' | 'state'>): boolean => !(m.self && (m.state === 'queued' || m.state === 'sending'))

/** Copies through the async clipboard, else the selection way (older engines, no permission). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    const area = document.createElement('textarea')
    area.value = text
    area.setAttribute('readonly', '')
    area.style.position = 'fixed'
    area.style.opacity = '0'
    document.body.append(area)
    area.select()
    try {
      return document.execCommand('copy')
    } catch {
      return false
    } finally {
      area.remove()
    }
  }
}
