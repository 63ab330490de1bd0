/**
 * Simulator figures: account generation at full scale, a 3 000-member group info answer, and
 * end-to-end delivery of a 1 000-message burst through poll2 (as the client's engine will see it).
 */
import { Account } from '../src/simulator/account'
import { contactHash, hash33, startSimulator } from '../src/simulator/index'

const D_REF = 'https://d1.web2.qq.com/proxy.html?v=20151105001&callback=1&id=2'

/** A bare-bones logged-in HTTP session (cookie jar as a Map). */
function jar(base: string): {
  get: (p: string) => Promise<Response>
  post: (p: string, r: unknown) => Promise<Response>
  cookies: Map<string, string>
} {
  const cookies = new Map<string, string>()
  const call = async (path: string, init: RequestInit): Promise<Response> => {
    const headers = new Headers(init.headers)
    headers.set('referer', D_REF)
    headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '))
    const res = await fetch(base + path, { ...init, headers, redirect: 'manual' })
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const eq = pair!.indexOf('=')
      cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1))
    }
    return res
  }
  return {
    cookies,
    get: (p) => call(p, {}),
    post: (p, r) =>
      call(p, {
        method: 'POST',
        body: 'r=' + encodeURIComponent(JSON.stringify(r)),
        headers: { 'content-type': 'application/x-www-form-urlencoded' }
      })
  }
}

export async function run(): Promise<Array<{ name: string; value: number; unit: string; target?: string }>> {
  let t = performance.now()
  const big = new Account(1, {
    buddies: 5000,
    groups: 500,
    discussions: 20,
    groupMembers: 3000,
    categories: 8
  })
  const genMs = performance.now() - t
  t = performance.now()
  big.members(big.groups[0]!)
  const membersMs = performance.now() - t

  const sim = await startSimulator({ pollHoldMs: 2000, account: { groupMembers: 3000 } })
  try {
    const c = jar(sim.url)
    await (await c.get('/ptqrshow')).arrayBuffer()
    sim.scan()
    const cb = await (await c.get(`/ptqrlogin?aid=501004106&ptqrtoken=${hash33(c.cookies.get('qrsig')!)}`)).text()
    const url = new URL(cb.match(/'(http[^']+check_sig[^']+)'/)![1]!)
    await c.get(url.pathname + url.search)
    const ptwebqq = c.cookies.get('ptwebqq')!
    const vf = (
      (await (await c.get(`/api/getvfwebqq?ptwebqq=${ptwebqq}&clientid=53999199&psessionid=&t=0.1`)).json()) as { result: { vfwebqq: string } }
    ).result.vfwebqq
    const l2 = (await (
      await c.post('/channel/login2', {
        ptwebqq,
        clientid: 53999199,
        psessionid: '',
        status: 'online'
      })
    ).json()) as { result: { psessionid: string; uin: number } }
    const psessionid = l2.result.psessionid
    await c.get(`/channel/get_online_buddies2?vfwebqq=${vf}&clientid=53999199&psessionid=${psessionid}&t=0.1`)
    const code = sim.account({ members: false }).groups[0]!.code
    t = performance.now()
    const info = await (await c.get(`/api/get_group_info_ext2?gcode=${code}&vfwebqq=${vf}&t=0.1`)).text()
    const groupInfoMs = performance.now() - t
    await (
      await c.post('/api/get_user_friends2', {
        vfwebqq: vf,
        hash: contactHash(l2.result.uin, ptwebqq)
      })
    ).text()

    const n = 1000
    t = performance.now()
    sim.burst(n)
    let got = 0
    while (got < n) {
      const body = (await (await c.post('/channel/poll2', { ptwebqq, clientid: 53999199, psessionid, key: '' })).json()) as { result?: unknown[] }
      got += body.result?.length ?? 0
    }
    const burstMs = performance.now() - t
    return [
      { name: 'generate 5000 buddies + 500 groups', value: genMs, unit: 'ms' },
      { name: 'generate a 3000-member group', value: membersMs, unit: 'ms' },
      { name: 'get_group_info_ext2, 3000 members (first call)', value: groupInfoMs, unit: 'ms' },
      { name: 'get_group_info_ext2 body, 3000 members', value: info.length / 1024, unit: 'KiB' },
      { name: 'burst of 1000 delivered via poll2', value: (n / burstMs) * 1000, unit: 'msg/s' }
    ]
  } finally {
    await sim.close()
  }
}
