/**
 * Desktop layer figures (printed, never asserted):
 *  1. a catch-up burst of 20,000 messages over 200 conversations handed to the desktop controller in
 *     one tick, then one flush: messages/s through the model (unread tally, notification and
 *     attention decisions), and how many notifications and tray renders reach the OS (target: at
 *     most one per conversation, one render);
 *  2. a steady stream: one message per tick for 2,000 ticks, time per message including the flush
 *     (p50 / p99), which is what a person waits between the poll answer and the notification.
 * Run: node scripts/bench.mjs desktop
 */
import { createDesktopController, type DesktopEngine, type DesktopShellPort } from '../src/main/desktop/desktop-controller'
import type { MessageDto } from '../src/shared/messenger'
import { DEFAULT_SETTINGS, type Settings } from '../src/shared/settings'

type Figure = { name: string; value: number; unit: string; target?: string }

function message(i: number, conversations: number): MessageDto {
  const c = i % conversations
  const group = c % 2 === 0
  return {
    id: `m${i}`,
    kind: group ? 'group' : 'buddy',
    conversationKey: `${group ? 'group' : 'buddy'}:k${c}`,
    conversationId: 1000 + c,
    from: { uin: 5000 + (i % 37), name: `发送者${i % 37}` },
    to: { uin: 1000 + c, name: `会话${c}` },
    text: `第 ${i} 条消息，内容不长也不短`,
    segments: [{ type: 'text', text: `第 ${i} 条消息，内容不长也不短` }],
    time: 1_700_000_000 + i,
    self: false,
    state: null
  }
}

function harness() {
  const listeners: Array<(m: MessageDto) => void> = []
  let ready = (): void => {}
  const engine = {
    on: (event: string, cb: (m: MessageDto) => void) => {
      if (event === 'message') listeners.push(cb)
      if (event === 'ready') ready = cb as () => void
      return () => {}
    },
    state: 'online',
    unread: () => [],
    conversationPrefs: () => [],
    setStatus: async () => {}
  } as unknown as DesktopEngine
  const counts = { shows: 0, closes: 0, renders: 0 }
  const shell: DesktopShellPort = {
    render: () => void counts.renders++,
    notify: (a) => void (a.type === 'show' ? counts.shows++ : counts.closes++),
    requestAttention: () => {},
    isAppFocused: () => false,
    isDarkTaskbar: () => false
  }
  let settings: Settings = { ...DEFAULT_SETTINGS }
  const controller = createDesktopController({
    settings: { get: () => settings, update: (p) => (settings = { ...settings, ...p }) },
    emit: () => {},
    platform: 'linux',
    schedule: () => {}
  })
  controller.attachShell(shell)
  controller.attachEngine(engine)
  ready()
  controller.flush()
  counts.renders = 0
  return { controller, counts, deliver: (m: MessageDto) => listeners.forEach((l) => l(m)) }
}

export async function run(): Promise<Figure[]> {
  const figures: Figure[] = []

  const burst = harness()
  const messages = Array.from({ length: 20_000 }, (_, i) => message(i, 200))
  const start = performance.now()
  for (const m of messages) burst.deliver(m)
  burst.controller.flush()
  const seconds = (performance.now() - start) / 1000
  figures.push({ name: 'burst: messages through the model', value: messages.length / seconds, unit: 'msg/s', target: '>= 100,000/s' })
  figures.push({ name: 'burst: notifications shown', value: burst.counts.shows, unit: '', target: '<= 200 (one per conversation)' })
  figures.push({ name: 'burst: tray/badge renders', value: burst.counts.renders, unit: '', target: '1' })

  const steady = harness()
  const times: number[] = []
  for (let i = 0; i < 2_000; i++) {
    const m = message(i, 50)
    const t = performance.now()
    steady.deliver(m)
    steady.controller.flush()
    times.push(performance.now() - t)
  }
  times.sort((a, b) => a - b)
  figures.push({
    name: 'steady: message to notification, p50',
    value: times[Math.floor(times.length * 0.5)]! * 1000,
    unit: 'µs',
    target: '<= 1,000 µs'
  })
  figures.push({
    name: 'steady: message to notification, p99',
    value: times[Math.floor(times.length * 0.99)]! * 1000,
    unit: 'µs',
    target: '<= 5,000 µs'
  })
  return figures
}
