/**
 * History store at scale: builds a 1,000,000-message store (200 conversations, Chinese text 5-60 chars,
 * some faces/images, ~10% English), then times the reads the UI does and the poll write path.
 * Full-text indexing runs in the store's background worker (search-index.ts): the build and the write
 * path store rows only; the figures say how fast the worker catches up, and searches are timed both on
 * a fully indexed store and right after a 20k write (the unindexed tail scanned directly).
 * Run: node scripts/bench.mjs history   (takes about two minutes; the store lives in a temp dir).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Segment } from '../src/shared/domain'
import { FACE_ENTRIES } from '../src/shared/faces'
import { openStoreFile, type NewMessage } from '../src/main/store'

type Figure = { name: string; value: number; unit: string; target?: string }

const TOTAL = 1_000_000
const BUILD_BATCH = 50_000
const CONVERSATIONS = 200
const WORDS = (
  '我们 你们 他们 今天 明天 昨天 晚上 早上 中午 周末 时间 地方 朋友 同学 老师 公司 项目 会议 问题 办法 ' +
  '知道 觉得 可以 应该 需要 喜欢 开始 结束 准备 考虑 讨论 决定 吃饭 睡觉 上班 下班 回家 出去 旅游 电影 ' +
  '音乐 游戏 手机 电脑 网络 天气 下雨 太阳 温度 衣服 价格 便宜 好吃 好看 有意思 没问题 不知道 怎么办 ' +
  '为什么 什么时候 哈哈哈 真的吗 好的 收到 谢谢 辛苦了 没关系 对不起 加油 厉害 牛逼 恭喜 生日快乐 ' +
  '群主 红包 图片 文件 链接 视频 语音 地址 电话 号码 北京 上海 广州 深圳 杭州 成都 火车 飞机 地铁 ' +
  '外卖 咖啡 奶茶 火锅 烧烤 面条 米饭 水果 超市 快递 学习 考试 作业 论文 工作 加班 工资 老板 同事 ' +
  '周一 周五 下午 三点 开会 记得 提醒 一下 已经 还是 或者 但是 因为 所以 如果 虽然 然后 其实 特别'
).split(' ')
const ENGLISH = [
  'ok',
  'lol',
  'see you tomorrow',
  'Thanks!',
  'meeting at 3pm',
  'GitHub link pls',
  'release v2 is out',
  'brb',
  'good night',
  'Happy birthday!'
]
const QUERIES = ['有意思', '怎么办', '为什么', '生日快', '不知道', '辛苦了', '哈哈哈', '没问题', '什么时', '加油厉']
/** 4+ characters: an AND of trigrams in the index plus an exact check of each candidate's text. */
const LONG_QUERIES = ['生日快乐', '什么时候', '有意思的', 'see you tomorrow', 'Happy birthday']

/** Deterministic PRNG so every run builds the same store. */
function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

function makeSegments(r: () => number): Segment[] {
  if (r() < 0.1) return [{ type: 'text', text: ENGLISH[Math.floor(r() * ENGLISH.length)]! }]
  const target = 5 + Math.floor(r() * 56)
  let text = ''
  while (text.length < target) text += WORDS[Math.floor(r() * r() * WORDS.length)]!
  const segs: Segment[] = [{ type: 'text', text: text.slice(0, target) }]
  const roll = r()
  if (roll < 0.15) {
    const [id, name] = FACE_ENTRIES[Math.floor(r() * 40)]!
    segs.push({ type: 'face', id, name })
  } else if (roll < 0.18) segs.push({ type: 'image' })
  return segs
}

function makeBatch(r: () => number, from: number, count: number, baseTime: number): NewMessage[] {
  const out: NewMessage[] = []
  for (let i = from; i < from + count; i++) {
    const c = Math.floor(r() * r() * CONVERSATIONS)
    const kind = c < 120 ? 'group' : c < 190 ? 'buddy' : 'discuss'
    const sender = Math.floor(r() * 40)
    out.push({
      // Shaped like the ids the engine derives from poll events (kind, conversation, msg_id).
      id: `${kind[0]}:${c}:${1_000_000 + i}`,
      conversation: `${kind}:code:${100_000 + c}`,
      kind,
      sender: `qq:${10_000 + c * 50 + sender}`,
      senderName: `群友${c}-${sender}`,
      self: sender === 0,
      // A message every ~3 seconds on average, several per second at times (equal timestamps happen).
      time: baseTime + Math.floor(i / 3),
      segments: makeSegments(r)
    })
  }
  return out
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

function timed(fn: () => void): number {
  const t0 = performance.now()
  fn()
  return performance.now() - t0
}

export async function run(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'qq-history-bench-'))
  const path = join(dir, 'history-bench.sqlite')
  try {
    const r = rng(42)
    const baseTime = 1_600_000_000
    let store = openStoreFile(path)
    let genMs = 0
    let writeMs = 0
    for (let from = 0; from < TOTAL; from += BUILD_BATCH) {
      const t0 = performance.now()
      const batch = makeBatch(r, from, BUILD_BATCH, baseTime)
      genMs += performance.now() - t0
      writeMs += timed(() => store.history.appendBatch(batch))
    }
    const buildEnd = performance.now()
    const pendingAtEnd = store.searchIndex.pending()
    if (!(await store.searchIndex.caughtUp(600_000))) throw new Error('the search index did not catch up in 10 minutes')
    const catchUpMs = performance.now() - buildEnd
    store.close()
    const bytes = statSync(path).size
    process.stderr.write(`built ${TOTAL} messages: write ${(writeMs / 1000).toFixed(1)} s, generate ${(genMs / 1000).toFixed(1)} s\n`)

    store = openStoreFile(path)
    const h = store.history
    const convs = h.listConversations().map((c) => c.key)
    const pageMs = convs.map((key) => timed(() => h.page(key, { limit: 50 })))
    // Deep paging: the 20th page of the busiest conversation (keyset: as cheap as the first).
    let before: string | null = null
    const deepMs: number[] = []
    for (let i = 0; i < 20; i++) deepMs.push(timed(() => (before = h.page(convs[0]!, { limit: 50, before }).next)))

    let hits = 0
    const searchMs = QUERIES.map((text) =>
      timed(() => {
        hits += h.search({ text, limit: 50 }).messages.length
      })
    )
    const convSearchMs = QUERIES.map((text, i) => timed(() => h.search({ text, conversation: convs[i * 7]!, limit: 50 })))
    const longMs = LONG_QUERIES.map((text) => timed(() => h.search({ text, limit: 50 })))
    const likeMs = ['好', '加班', 'ok'].map((text) => timed(() => h.search({ text, limit: 50 })))
    if (hits === 0) throw new Error('search found nothing: the generator and QUERIES disagree')

    // The poll write path on the full store: 3 batches of 20k new messages (median rate), each followed at
    // once by a search (its 20k+ rows are not indexed yet: scanned directly), then the worker's catch-up.
    const rates: number[] = []
    const tailSearchMs: number[] = []
    const tailCatchUpMs: number[] = []
    for (let k = 0; k < 3; k++) {
      const batch = makeBatch(r, TOTAL + k * 20_000, 20_000, baseTime)
      rates.push(20_000 / (timed(() => store.history.appendBatch(batch)) / 1000))
      tailSearchMs.push(timed(() => h.search({ text: QUERIES[k]!, limit: 50 })))
      const t0 = performance.now()
      await store.searchIndex.caughtUp(60_000)
      tailCatchUpMs.push(performance.now() - t0)
    }
    store.close()

    return [
      { name: 'build 1M (50k batches)', value: TOTAL / (writeMs / 1000), unit: 'msg/s' },
      { name: 'search index: rows left to index when the build ended', value: pendingAtEnd, unit: 'rows' },
      { name: 'search index: catch-up after the build', value: catchUpMs / 1000, unit: 's' },
      { name: 'db size (1M, after checkpoint)', value: bytes / 1e6, unit: 'MB' },
      { name: 'bytes per message (incl. FTS)', value: bytes / TOTAL, unit: 'B', target: '<= 400' },
      { name: 'newest 50 of a conversation (median of 200)', value: median(pageMs), unit: 'ms', target: '<= 10' },
      { name: 'newest 50, worst of 200 conversations', value: Math.max(...pageMs), unit: 'ms' },
      { name: '20th page of 50, busiest conversation (median)', value: median(deepMs), unit: 'ms' },
      { name: '3-char CJK search, global newest 50 (median)', value: median(searchMs), unit: 'ms', target: '<= 150' },
      { name: '3-char CJK search, worst', value: Math.max(...searchMs), unit: 'ms' },
      { name: '3-char CJK search, one conversation (median)', value: median(convSearchMs), unit: 'ms' },
      { name: '4+ char search, global newest 50 (median)', value: median(longMs), unit: 'ms' },
      { name: '1-2 char LIKE search, global (median)', value: median(likeMs), unit: 'ms' },
      { name: 'appendBatch 20k on 1M store (median of 3)', value: median(rates), unit: 'msg/s', target: '>= 80000' },
      { name: '3-char search right after a 20k write (unindexed tail, median)', value: median(tailSearchMs), unit: 'ms', target: '<= 150' },
      { name: 'search index: 20k rows indexed in the background (median)', value: median(tailCatchUpMs), unit: 'ms' }
    ]
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
