/**
 * stdin as lines, with a cap on the length of one line. readline buffers a line however long it is
 * (a 512 MB line crashed with `Invalid string length`); here a line over `maxBytes` is dropped as it
 * streams in (never held whole), reported once through `onTooLong`, and the lines after it work.
 */
import type { Readable } from 'node:stream'
import { StringDecoder } from 'node:string_decoder'

export const MAX_LINE_BYTES = 1024 * 1024

export interface LineReaderHandlers {
  line(text: string): void
  /** A line longer than the cap was skipped; `bytes` is how much of it arrived. */
  tooLong(bytes: number): void
  end(): void
}

export function readLines(input: Readable, handlers: LineReaderHandlers, maxBytes = MAX_LINE_BYTES): void {
  let parts: Buffer[] = []
  let size = 0
  /** Bytes of the current over-long line, or -1 while the line is within the cap. */
  let skipping = -1

  const finishLine = (): void => {
    if (skipping >= 0) {
      handlers.tooLong(skipping)
      skipping = -1
    } else {
      const decoder = new StringDecoder('utf8')
      let text = parts.map((p) => decoder.write(p)).join('') + decoder.end()
      if (text.endsWith('\r')) text = text.slice(0, -1)
      handlers.line(text)
    }
    parts = []
    size = 0
  }

  const take = (chunk: Buffer): void => {
    if (skipping >= 0) skipping += chunk.length
    else if (size + chunk.length > maxBytes) {
      skipping = size + chunk.length
      parts = []
      size = 0
    } else {
      parts.push(chunk)
      size += chunk.length
    }
  }

  input.on('data', (data: Buffer | string) => {
    let chunk = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
    for (let nl = chunk.indexOf(0x0a); nl >= 0; nl = chunk.indexOf(0x0a)) {
      take(chunk.subarray(0, nl))
      finishLine()
      chunk = chunk.subarray(nl + 1)
    }
    if (chunk.length > 0) take(chunk)
  })
  input.once('end', () => {
    if (size > 0 || skipping >= 0) finishLine()
    handlers.end()
  })
}
