/**
 * What the "phone" and the test harness can do to the simulator: scan, push messages, presence,
 * faults, kicks, expiry, and read-outs (sent messages, state, account map). Shared by the in-process
 * API and the admin routes; inputs are validated here because both take untrusted-ish JSON.
 */
import * as v from 'valibot'
import type { PresenceStatus } from '../shared/domain'
import { faceName } from '../shared/faces'
import type { SimCore } from './core'
import { InvalidInput } from './errors'
import { events, renderPush } from './events'
import { refuse, retcode } from './http-io'
import { expireQr, scanQr } from './qr-login'
import { qrExpired } from './qr-state'
import type { RefusalLogView } from './refusals'
import { randomPush } from './scenarios'
import type { AccountView, Fault, PushMessage, SentRecord, SimState } from './types'

/** The one segment shape (domain Segment); a face's name is optional and comes from the face table. */
const SegmentSchema = v.union([
  v.object({ type: v.literal('text'), text: v.string() }),
  v.pipe(
    v.object({
      type: v.literal('face'),
      id: v.pipe(v.number(), v.integer(), v.minValue(0)),
      name: v.optional(v.string())
    }),
    v.transform((f) => ({ type: f.type, id: f.id, name: f.name ?? faceName(f.id) }))
  ),
  v.object({ type: v.literal('image') })
])
/** A font to deliver the push with: the wire object's fields, loosely (a test may want an odd one). */
const FontSchema = v.looseObject({
  name: v.optional(v.string()),
  size: v.optional(v.union([v.number(), v.string()])),
  style: v.optional(v.array(v.unknown())),
  color: v.optional(v.union([v.string(), v.number()]))
})
const Content = { text: v.optional(v.string()), segments: v.optional(v.array(SegmentSchema)), font: v.optional(FontSchema) }
const Int = v.pipe(v.number(), v.integer())
export const PushSchema = v.union([
  v.object({ kind: v.literal('buddy'), self: v.literal(true), to: Int, ...Content }),
  v.object({ kind: v.literal('buddy'), from: Int, self: v.optional(v.literal(false)), ...Content }),
  v.object({
    kind: v.literal('group'),
    group: Int,
    from: v.optional(Int),
    self: v.optional(v.boolean()),
    ...Content
  }),
  v.object({
    kind: v.literal('discuss'),
    discuss: Int,
    from: v.optional(Int),
    self: v.optional(v.boolean()),
    ...Content
  })
])
const Count = { count: v.optional(Int) }
const Endpoint = v.string()
const Form = v.picklist(['102', '504', '100012', '2018'])
export const FaultSchema = v.variant('type', [
  v.object({ type: v.literal('reset'), endpoint: Endpoint, ...Count }),
  v.object({ type: v.literal('http'), endpoint: Endpoint, status: Int, ...Count }),
  v.object({ type: v.literal('retcode'), endpoint: Endpoint, retcode: Int, ...Count }),
  v.object({ type: v.literal('empty'), endpoint: Endpoint, form: Form, ...Count }),
  v.object({
    type: v.literal('slow'),
    endpoint: Endpoint,
    // 0 bytes a tick never finishes the body: a request that hangs for ever tests nothing.
    bytesPerTick: v.optional(v.pipe(Int, v.minValue(1, 'bytesPerTick must be at least 1 byte (0 or less would never finish the body).'))),
    tickMs: v.optional(v.pipe(Int, v.minValue(0, 'tickMs must be 0 or more milliseconds.'))),
    ...Count
  }),
  v.object({
    type: v.literal('malformed'),
    endpoint: Endpoint,
    variant: v.picklist(['truncated', 'empty', 'html']),
    ...Count
  }),
  v.object({ type: v.literal('duplicate'), ...Count }),
  v.object({ type: v.literal('send'), retcode: Int, endpoint: v.optional(Endpoint), ...Count }),
  v.object({ type: v.literal('echo'), enabled: v.boolean() }),
  v.object({ type: v.literal('block'), ms: Int }),
  v.object({ type: v.literal('clear') })
])
const Statuses = ['online', 'away', 'busy', 'silent', 'hidden', 'callme', 'offline'] as const

function parse<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
  const r = v.safeParse(schema, input)
  if (!r.success) throw new InvalidInput(sentences(r.issues) ?? v.summarize(r.issues))
  return r.output
}

/** The issues' own messages when every one is a sentence written for people (ends with a period). */
function sentences(issues: readonly v.BaseIssue<unknown>[]): string | null {
  return issues.every((i) => i.message.endsWith('.')) ? issues.map((i) => i.message).join(' ') : null
}

export class Actions {
  constructor(private readonly core: SimCore) {}

  scan(confirm = true): void {
    scanQr(this.core, confirm)
  }

  expireQr(): void {
    expireQr(this.core)
  }

  /** Deliver to the current session; messages for nobody are lost, as offline messages were for SmartQQ. */
  push(input: PushMessage): void {
    const p = parse(PushSchema, input) as PushMessage
    const session = this.core.registry.current()
    if (!session) throw new InvalidInput('nobody is logged in')
    const element = renderPush(this.core, session, p)
    this.core.hub.enqueue(session, element, this.core.faults.take('*', 'duplicate') !== null)
  }

  pushStatus(qq: number, status: string): void {
    const s = parse(v.picklist(Statuses), status) as PresenceStatus
    const buddy = this.core.account.buddy(qq)
    if (!buddy) throw new InvalidInput(`no buddy with QQ ${qq}`)
    buddy.status = s
    const session = this.core.registry.current()
    if (session) this.core.hub.enqueue(session, events.status(session.ids.uin(qq), s, buddy.clientType))
  }

  burst(count: number): void {
    for (let i = 0; i < count; i++) {
      const p = randomPush(this.core)
      if (p) this.push(p)
    }
  }

  injectFault(input: Fault): void {
    const f = parse(FaultSchema, input) as Fault
    if (f.type === 'echo') this.core.echo = f.enabled
    else if (f.type === 'block') this.core.limiter.block(f.ms, this.core.now())
    else if (f.type === 'clear') this.core.faults.clear()
    else this.core.faults.arm(f)
  }

  /** Another login elsewhere: kick_message on the next (or held) poll, then 100001; cookies refused. */
  kick(): void {
    const session = this.core.registry.current()
    if (!session) throw new InvalidInput('nobody is logged in')
    this.core.registry.end(session.auth, 'kicked')
    this.core.hub.enqueue(session, events.kick())
  }

  expireSession(): void {
    const session = this.core.registry.current()
    if (!session) throw new InvalidInput('nobody is logged in')
    this.core.registry.end(session.auth, 'expired')
    this.core.hub.interrupt(session, refuse(retcode(100_001, 'login error'), 'session-ended', 'the session lifetime ended'))
  }

  refusals(): RefusalLogView {
    return this.core.refusals.view()
  }

  sent(): SentRecord[] {
    return this.core.sent.map((r) => ({ ...r }))
  }

  state(): SimState {
    const c = this.core
    const qr = c.qr
    return {
      era: c.opts.era,
      behaviour: {
        ptuiForm: c.opts.ptuiForm,
        ptqrtoken: c.opts.ptqrtoken,
        registerOnOnlineBuddies: c.opts.registerOnOnlineBuddies,
        emptyPoll: c.opts.emptyPoll,
        sendAnswer: c.opts.sendAnswer,
        friendUin: c.opts.friendUin
      },
      url: c.baseUrl,
      qr: qr && {
        state: qrExpired(qr, c.now(), c.opts.qrLifetimeMs) ? 'expired' : qr.phase,
        qrsig: qr.qrsig,
        createdAt: qr.createdAt
      },
      loggedIn: c.registry.current() !== null,
      sessions: c.registry.sessions.map((s) => ({
        psessionid: s.psessionid,
        qq: s.auth.ptlogin.qq,
        ended: s.ended,
        registered: s.registered,
        needsRelink: s.needsRelink,
        pendingEvents: c.hub.pending(s),
        createdAt: s.createdAt
      })),
      pollsInFlight: c.hub.inFlight,
      concurrentPolls: c.hub.concurrentPolls,
      requests: { ...c.requests },
      methodMismatches: { ...c.methodMismatches },
      faultsPending: c.faults.pending,
      sendBlockedUntil: c.limiter.blockedUntil
    }
  }

  /** Real QQ numbers next to the current session's ids, so tests can map both ways. */
  account(opts: { members?: boolean } = {}): AccountView {
    const a = this.core.account
    const ids = this.core.registry.current()?.ids ?? null
    const person = (qq: number, nick: string): { qq: number; uin: number | null; nick: string } => ({
      qq,
      uin: ids ? ids.uin(qq) : null,
      nick
    })
    return {
      self: person(a.self.qq, a.self.nick),
      categories: a.categories.map((c) => ({ ...c })),
      buddies: a.buddies.map((b) => ({
        ...person(b.qq, b.nick),
        markname: b.markname,
        category: b.category,
        status: b.status
      })),
      groups: a.groups.map((g) => ({
        number: g.number,
        gid: ids ? ids.gid(g.index) : null,
        code: ids ? ids.code(g.index) : null,
        name: g.name,
        memberCount: g.memberCount,
        ...(opts.members === false ? {} : { members: a.members(g).map((m) => ({ ...person(m.qq, m.nick), card: m.card })) })
      })),
      discussions: a.discussions.map((d) => ({
        index: d.index,
        did: ids ? ids.did(d.index) : null,
        name: d.name,
        members: a.discussMembers(d).map((p) => person(p.qq, p.nick))
      }))
    }
  }
}
