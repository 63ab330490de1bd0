import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { readLines } from '../../src/main/headless/line-reader'

function collect(max: number, feed: (s: PassThrough) => void): Promise<{ lines: string[]; tooLong: number[] }> {
  const input = new PassThrough()
  const lines: string[] = []
  const tooLong: number[] = []
  return new Promise((resolve) => {
    readLines(input, { line: (l) => lines.push(l), tooLong: (n) => tooLong.push(n), end: () => resolve({ lines, tooLong }) }, max)
    feed(input)
  })
}

describe('readLines', () => {
  it('splits lines across chunks, keeps multi-byte characters split between chunks, drops CR of CRLF', async () => {
    const bytes = Buffer.from('{"a":"你好"}\r\nsecond\nlast without newline', 'utf8')
    const r = await collect(1024, (s) => {
      for (let i = 0; i < bytes.length; i += 3) s.write(bytes.subarray(i, i + 3))
      s.end()
    })
    expect(r.lines).toEqual(['{"a":"你好"}', 'second', 'last without newline'])
    expect(r.tooLong).toEqual([])
  })

  it('skips an over-long line as it streams in, reports it once with its size, and goes on', async () => {
    const r = await collect(10, (s) => {
      s.write('short\n')
      s.write('x'.repeat(8))
      s.write('y'.repeat(8))
      s.write('z'.repeat(8) + '\nafter\n')
      s.end('0123456789ABC')
    })
    expect(r.lines).toEqual(['short', 'after'])
    expect(r.tooLong).toEqual([24, 13])
  })
})
