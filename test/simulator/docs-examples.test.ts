/**
 * Every `curl` example in docs/simulator.md does what the page says: run (as fetch calls, so the test
 * needs no curl) against a simulator with the default account and someone logged in, each answers 200
 * with JSON. (test/scripts/docs-shell-examples.test.ts runs every other shell example of the docs.)
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../src/simulator/index'
import { loggedIn } from './client'

const DOC = readFileSync(resolve(__dirname, '../../docs/simulator.md'), 'utf8')
const EXAMPLES = DOC.split('\n').filter((l) => l.startsWith('curl '))

interface Call {
  method: string
  url: string
  body: string | undefined
}

/** The subset of curl the examples use: -s, -X METHOD, -d 'body', one (maybe quoted) URL. */
function parseCurl(line: string): Call {
  const body = /-d '([^']*)'/.exec(line)?.[1]
  const method = /-X (\w+)/.exec(line)?.[1] ?? (body === undefined ? 'GET' : 'POST')
  const url = /'?(http:\/\/[^\s']+)'?/.exec(line)?.[1]
  if (!url) throw new Error(`no URL in ${line}`)
  return { method, url, body }
}

let sim: Simulator
afterEach(async () => sim?.close())

describe('docs/simulator.md examples', () => {
  it('has one example per admin route', () => {
    const routes = [...DOC.matchAll(/^### `(GET|POST) (\/__sim\/[\w-]+)`$/gm)].map((m) => `${m[1]} ${m[2]}`)
    expect(routes.length).toBe(12)
    const examples = EXAMPLES.map(parseCurl).map((c) => `${c.method} ${new URL(c.url).pathname}`)
    expect(examples).toEqual(routes)
  })

  for (const line of EXAMPLES)
    it(line, async () => {
      // The default demo account (the seed the app's demo server uses): the QQ numbers in the page exist there.
      sim = await startSimulator({ pollHoldMs: 100 })
      await loggedIn(sim)
      const call = parseCurl(line)
      expect(call.url.startsWith('http://127.0.0.1:8080/')).toBe(true)
      const res = await fetch(call.url.replace('http://127.0.0.1:8080', sim.url), {
        method: call.method,
        ...(call.body !== undefined && { body: call.body })
      })
      const text = await res.text()
      expect(res.status, text).toBe(200)
      expect(() => JSON.parse(text)).not.toThrow()
    })
})
