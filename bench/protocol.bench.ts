/**
 * Protocol client hot paths, measured on bodies built here:
 * - poll2: parse + validate + decode of a realistic multi-message body (messages/s);
 * - get_user_friends2 with 5,000 buddies: parse + validate + index (ms);
 * - get_group_info_ext2 with 3,000 members: parse + validate + index (ms).
 */
import * as v from 'valibot'
import { buildFriendList, buildGroupInfo } from '../src/main/protocol/contacts'
import { classifyPoll } from '../src/main/protocol/poll'
import { FriendsResultSchema, GroupInfoResultSchema } from '../src/main/protocol/schemas/contacts'
import { EnvelopeSchema } from '../src/main/protocol/schemas/common'
import type { HttpResponse } from '../src/main/protocol/http'

type Row = { name: string; value: number; unit: string; target?: string }

const FONT = ['font', { size: 10, color: '000000', style: [0, 0, 0], name: '微软雅黑' }]
const TEXTS = ['好啊', 'hello &lt;world&gt;', '晚上一起吃饭吗？\r\n我请客', '哈哈哈😀', 'ok', '&quot;引用&quot; &amp; 更多']

function pollBody(n: number): string {
  const result = []
  for (let i = 0; i < n; i++) {
    const content = [FONT, TEXTS[i % TEXTS.length], ['face', i % 200], TEXTS[(i * 7) % TEXTS.length]]
    const base = { content, from_uin: 3785096088 + (i % 50), msg_id: 25477 + i, msg_type: 0, time: 1450686775 + i, to_uin: 931996776 }
    if (i % 3 === 0) result.push({ poll_type: 'message', value: base })
    else if (i % 3 === 1) result.push({ poll_type: 'group_message', value: { ...base, group_code: 2323421101, send_uin: 3680220215 + i } })
    else result.push({ poll_type: 'discu_message', value: { ...base, did: 2322423201, send_uin: 3680220215 + i } })
  }
  return JSON.stringify({ retcode: 0, result })
}

function friendsBody(n: number): string {
  const friends = [],
    marknames = [],
    vipinfo = [],
    info = []
  for (let i = 0; i < n; i++) {
    const uin = 41837138855 + i
    friends.push({ flag: 4, uin, categories: i % 8 })
    if (i % 4 === 0) marknames.push({ uin, markname: `备注&nbsp;${i}`, type: 0 })
    vipinfo.push({ vip_level: i % 7, u: uin, is_vip: i % 2 })
    info.push({ face: 603, flag: 4751942, nick: `昵称&amp;${i}`, uin })
  }
  const categories = Array.from({ length: 7 }, (_, k) => ({ index: k + 1, sort: k + 1, name: `分组${k + 1}` }))
  return JSON.stringify({ retcode: 0, result: { friends, marknames, categories, vipinfo, info } })
}

function groupBody(n: number): string {
  const minfo = [],
    stats = [],
    cards = [],
    members = [],
    vipinfo = []
  for (let i = 0; i < n; i++) {
    const uin = 3623536468 + i
    minfo.push({ nick: `成员${i}`, province: '北京', gender: 'male', uin, country: '中国', city: '' })
    stats.push({ client_type: 1, uin, stat: 10 })
    if (i % 3 === 0) cards.push({ muin: uin, card: `名片&lt;${i}&gt;` })
    members.push({ muin: uin, mflag: 192 })
    vipinfo.push({ vip_level: 0, u: uin, is_vip: 0 })
  }
  const ginfo = {
    face: 0,
    memo: '群公告！',
    class: 25,
    fingermemo: '',
    code: 591539174,
    createtime: 1231435199,
    flag: 721421329,
    level: 4,
    name: '群名称',
    gid: 2419762790,
    owner: 3509557797,
    members,
    option: 2
  }
  return JSON.stringify({ retcode: 0, result: { stats, minfo, ginfo, cards, vipinfo } })
}

const response = (text: string): HttpResponse => ({ status: 200, body: new Uint8Array(), text, url: 'bench' })

/** Median of `runs` timings of `fn`, in ms. */
function medianMs(runs: number, fn: () => void): number {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    fn()
    times.push(performance.now() - t0)
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]
}

function parseResult<S extends v.GenericSchema>(text: string, schema: S): v.InferOutput<S> {
  const env = v.parse(EnvelopeSchema, JSON.parse(text))
  return v.parse(schema, env.result)
}

export async function run(): Promise<Row[]> {
  const perBody = 50
  const poll = response(pollBody(perBody))
  let count = 0
  for (let i = 0; i < 200; i++) classifyPoll(poll) // warm-up
  const t0 = performance.now()
  const bodies = 4000
  for (let i = 0; i < bodies; i++) {
    const { outcome } = classifyPoll(poll)
    if (outcome.kind === 'events') count += outcome.events.length
  }
  const pollMs = performance.now() - t0
  if (count !== bodies * perBody) throw new Error(`decoded ${count} messages`)

  const friends = friendsBody(5000)
  const friendsMs = medianMs(15, () => {
    const list = buildFriendList(parseResult(friends, FriendsResultSchema))
    if (list.friends.length !== 5000) throw new Error('friends lost')
  })
  const group = groupBody(3000)
  const groupMs = medianMs(15, () => {
    const info = buildGroupInfo(parseResult(group, GroupInfoResultSchema))
    if (info.members.length !== 3000) throw new Error('members lost')
  })

  return [
    { name: 'poll2 parse+validate+decode', value: (count / pollMs) * 1000, unit: 'msg/s', target: '>= 100000 msg/s' },
    { name: 'get_user_friends2 5,000 buddies', value: friendsMs, unit: 'ms', target: '<= 50 ms' },
    { name: 'get_group_info_ext2 3,000 members', value: groupMs, unit: 'ms', target: '<= 30 ms' }
  ]
}
