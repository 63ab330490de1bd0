/**
 * The one `{"type":"error","cmd",…}` answer for a command that failed in a way the command itself
 * did not anticipate (a server answer that could not be used, a broken store, a bug): a script
 * waiting for an answer must always get exactly one line. The message is a sentence; `detail` is
 * the underlying error, with tokens and message text redacted.
 */
import { ProtocolError } from '../protocol'
import { redact } from '../protocol/redact'

export interface ErrorLine extends Record<string, unknown> {
  type: 'error'
  cmd: string
  message: string
  detail: string
}

function sentence(cmd: string, e: unknown): string {
  if (e instanceof ProtocolError) {
    switch (e.code) {
      case 'network':
      case 'timeout':
      case 'aborted':
        return `${cmd}: the server could not be reached; try again`
      case 'no-session':
        return `${cmd}: not signed in`
      case 'too-large':
        return `${cmd}: the server's answer was too large to accept`
      default:
        return `${cmd}: the server's answer could not be used`
    }
  }
  return `${cmd} failed unexpectedly`
}

export function unexpectedErrorLine(cmd: { cmd: string; ref?: unknown }, e: unknown): ErrorLine {
  const line: ErrorLine = {
    type: 'error',
    cmd: cmd.cmd,
    message: sentence(cmd.cmd, e),
    detail: redact(e instanceof Error ? e.message : String(e)).slice(0, 500)
  }
  if (typeof cmd.ref === 'string') line.ref = cmd.ref
  return line
}
