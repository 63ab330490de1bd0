/**
 * What "the server cannot be reached" was, classified from real failures on loopback: a port
 * nobody listens on, a server that never answers, an HTML page, an error page, a TLS server with an
 * untrusted (self-signed) certificate, a TLS port that speaks plain HTTP, and a name that cannot
 * resolve (.invalid is reserved, so it never reaches a real host).
 */
import { createServer as createHttpServer, type Server } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createProtocolClient } from '../../../src/main/protocol'
import { ProtocolError } from '../../../src/main/protocol/errors'
import { classifyUnreachable } from '../../../src/main/protocol/unreachable'

const fixtures = join(import.meta.dirname, 'fixtures')
const servers: Array<{ close(cb?: () => void): unknown }> = []
/** Every connection made to a test server, destroyed at the end (a hanging one keeps close() waiting). */
const sockets = new Set<Socket>()

afterEach(async () => {
  for (const socket of sockets) socket.destroy()
  sockets.clear()
  for (const s of servers.splice(0)) await new Promise<void>((resolve) => s.close(() => resolve()))
})

async function listen<T extends Server | ReturnType<typeof createTcpServer>>(server: T): Promise<number> {
  servers.push(server)
  server.on('connection', (socket: Socket) => sockets.add(socket))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as AddressInfo).port
}

/** The first sign-in request (the QR image) against `serverUrl`, and how its failure is classified. */
async function signInFailure(serverUrl: string): Promise<ReturnType<typeof classifyUnreachable>> {
  const client = createProtocolClient({ serverUrl, requestTimeoutMs: 700, retry: { limit: 0 } })
  const error = await client.fetchQrCode().then(
    () => null,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(ProtocolError)
  return classifyUnreachable(error)
}

describe('classifying a server that cannot be reached', () => {
  it('refused: nothing listens on the port', async () => {
    const probe = createTcpServer()
    const port = await listen(probe)
    servers.pop()
    await new Promise<void>((resolve) => probe.close(() => resolve()))
    expect(await signInFailure(`http://127.0.0.1:${port}`)).toEqual({ reason: 'refused', httpStatus: null })
  })

  it('refused: the connection is accepted and cut at once', async () => {
    const port = await listen(createTcpServer((socket) => socket.destroy()))
    expect(await signInFailure(`http://127.0.0.1:${port}`)).toEqual({ reason: 'refused', httpStatus: null })
  })

  it('timeout: the server accepts and never answers', async () => {
    const port = await listen(createTcpServer(() => {}))
    expect(await signInFailure(`http://127.0.0.1:${port}`)).toEqual({ reason: 'timeout', httpStatus: null })
  })

  it('not-smartqq: a web page answers 200 with HTML instead of the QR image', async () => {
    const port = await listen(
      createHttpServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Hello</body></html>'))
    )
    expect(await signInFailure(`http://127.0.0.1:${port}`)).toEqual({ reason: 'not-smartqq', httpStatus: null })
  })

  it('http-status: an error page (404, 502) with its status', async () => {
    let status = 404
    const port = await listen(createHttpServer((_req, res) => res.writeHead(status, { 'content-type': 'text/html' }).end('<h1>error</h1>')))
    expect(await signInFailure(`http://127.0.0.1:${port}`)).toEqual({ reason: 'http-status', httpStatus: 404 })
    status = 502
    expect(await signInFailure(`http://127.0.0.1:${port}`)).toEqual({ reason: 'http-status', httpStatus: 502 })
  })

  it('tls: a certificate nobody vouches for (self-signed)', async () => {
    const key = readFileSync(join(fixtures, 'self-signed.key'))
    const cert = readFileSync(join(fixtures, 'self-signed.crt'))
    const port = await listen(createHttpsServer({ key, cert }, (_req, res) => res.end('never reached')))
    expect(await signInFailure(`https://127.0.0.1:${port}`)).toEqual({ reason: 'tls', httpStatus: null })
  })

  it('tls: the handshake fails (the port speaks plain HTTP)', async () => {
    const port = await listen(createHttpServer((_req, res) => res.end('plain')))
    expect(await signInFailure(`https://127.0.0.1:${port}`)).toEqual({ reason: 'tls', httpStatus: null })
  })

  it('dns: a host name that does not resolve', async () => {
    expect(await signInFailure('http://smartqq-server.invalid')).toEqual({ reason: 'dns', httpStatus: null })
  })

  it('a server verdict or a local problem is not "unreachable"', () => {
    expect(classifyUnreachable(new ProtocolError({ code: 'retcode', endpoint: 'login2', retcode: 103, detail: 'refused' }))).toBeNull()
    expect(classifyUnreachable(new ProtocolError({ code: 'aborted', endpoint: 'ptqrshow', detail: 'aborted' }))).toBeNull()
    expect(classifyUnreachable(new Error('boom'))).toBeNull()
  })
})
