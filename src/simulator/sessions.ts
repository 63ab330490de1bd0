/**
 * Who is logged in: ptlogin identities (QR confirmed), web2 auths (check_sig cookies, bound to one
 * cookie jar) and login2 sessions (psessionid + per-session ids). Lifetimes are checked lazily.
 */
import type { PresenceStatus } from '../shared/domain'
import type { Account } from './account'
import { randHex, randToken, type Rng } from './prng'
import { SessionIds } from './session-ids'

export interface PtLogin {
  qq: number
  skey: string
  supertoken: string
  createdAt: number
}

export type AuthStatus = 'alive' | 'expired' | 'kicked' | 'logged-out'

/** What check_sig created: the cookie jar's identity on web2. */
export interface WebAuth {
  ptlogin: PtLogin
  /** Current ptwebqq; a 116 rotation replaces it and the old value stops working. */
  ptwebqq: string
  pskey: string
  pt4token: string
  /** The one useful vfwebqq (getvfwebqq); login2's is a decoy. */
  vfwebqq: string
  createdAt: number
  status: AuthStatus
  session: Session | null
}

export type SessionEnd = 'expired' | 'kicked' | 'replaced' | 'logged-out'

export interface Session {
  psessionid: string
  auth: WebAuth
  clientid: string
  /** login2's vfwebqq: using it on contact APIs fails. */
  decoyVfwebqq: string
  ids: SessionIds
  createdAt: number
  /** From era 2017: poll2 answers 103 until get_online_buddies2 was called once. */
  registered: boolean
  /** 120/121 injected: poll keeps answering it until a relink. */
  needsRelink: number | null
  ended: SessionEnd | null
  status: PresenceStatus
}

export class Registry {
  private readonly tickets = new Map<string, { ptlogin: PtLogin; used: boolean }>()
  private readonly authsByPskey = new Map<string, WebAuth>()
  private readonly sessionsById = new Map<string, Session>()
  private readonly ptloginsByToken = new Map<string, PtLogin>()
  readonly sessions: Session[] = []

  constructor(
    private readonly rng: Rng,
    private readonly account: Account,
    private readonly lifetimeMs: number,
    private readonly now: () => number
  ) {}

  newPtLogin(qq: number): PtLogin {
    const p = {
      qq,
      skey: '@' + randToken(this.rng, 9),
      supertoken: String(Math.floor(this.rng() * 2 ** 31)),
      createdAt: this.now()
    }
    this.ptloginsByToken.set(p.supertoken, p)
    return p
  }

  ptloginBySupertoken(supertoken: string): PtLogin | undefined {
    return this.ptloginsByToken.get(supertoken)
  }

  /** A single-use check_sig ticket (ptsigx). */
  issueTicket(ptlogin: PtLogin): string {
    const ptsigx = randHex(this.rng, 128)
    this.tickets.set(ptsigx, { ptlogin, used: false })
    return ptsigx
  }

  redeemTicket(ptsigx: string): WebAuth | null {
    const t = this.tickets.get(ptsigx)
    if (!t || t.used) return null
    t.used = true
    const auth: WebAuth = {
      ptlogin: t.ptlogin,
      ptwebqq: randHex(this.rng, 64),
      pskey: randToken(this.rng, 44),
      pt4token: randToken(this.rng, 44),
      vfwebqq: randHex(this.rng, 80),
      createdAt: this.now(),
      status: 'alive',
      session: null
    }
    this.authsByPskey.set(auth.pskey, auth)
    return auth
  }

  authByPskey(pskey: string): WebAuth | undefined {
    const auth = this.authsByPskey.get(pskey)
    if (auth) this.refresh(auth)
    return auth
  }

  sessionById(psessionid: string): Session | undefined {
    const s = this.sessionsById.get(psessionid)
    if (s) this.refresh(s.auth)
    return s
  }

  /** login2 with psessionid "": a new session with fresh ids. Returns sessions that must be told they were kicked. */
  createSession(auth: WebAuth, clientid: string, status: PresenceStatus): { session: Session; kicked: Session[]; replaced: Session | null } {
    const replaced = auth.session && !auth.session.ended ? auth.session : null
    if (replaced) replaced.ended = 'replaced'
    const kicked: Session[] = []
    for (const other of this.authsByPskey.values()) {
      if (other === auth || other.status !== 'alive' || other.ptlogin.qq !== auth.ptlogin.qq) continue
      other.status = 'kicked'
      if (other.session && !other.session.ended) {
        other.session.ended = 'kicked'
        kicked.push(other.session)
      }
    }
    const session: Session = {
      psessionid: '8368046764001d636f6e6e7365727665725f77656271714031302e3133332e34312e383400001ad00000066b026e0400' + randHex(this.rng, 96),
      auth,
      clientid,
      decoyVfwebqq: randHex(this.rng, 80),
      ids: new SessionIds(this.rng, this.account),
      createdAt: this.now(),
      registered: false,
      needsRelink: null,
      ended: null,
      status
    }
    auth.session = session
    this.sessionsById.set(session.psessionid, session)
    this.sessions.push(session)
    return { session, kicked, replaced }
  }

  /** The session of the newest alive auth (what admin pushes target). */
  current(): Session | null {
    for (let i = this.sessions.length - 1; i >= 0; i--) {
      const s = this.sessions[i]!
      this.refresh(s.auth)
      if (!s.ended) return s
    }
    return null
  }

  end(auth: WebAuth, status: Exclude<AuthStatus, 'alive'>): Session | null {
    if (auth.status === 'alive') auth.status = status
    const s = auth.session
    if (s && !s.ended) {
      s.ended = status === 'expired' ? 'expired' : status === 'kicked' ? 'kicked' : 'logged-out'
      return s
    }
    return null
  }

  private refresh(auth: WebAuth): void {
    if (auth.status === 'alive' && this.now() - auth.createdAt >= this.lifetimeMs) this.end(auth, 'expired')
  }
}
