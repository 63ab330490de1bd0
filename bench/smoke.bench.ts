import { segmentsToText } from '../src/shared/domain'

/** A trivial figure so `npm run bench` always has something to show; real benches sit beside it. */
export async function run(): Promise<Array<{ name: string; value: number; unit: string; target?: string }>> {
  const segs = [{ type: 'text' as const, text: '你好' }, { type: 'face' as const, id: 14, name: '微笑' }]
  const n = 200_000
  const t0 = performance.now()
  let len = 0
  for (let i = 0; i < n; i++) len += segmentsToText(segs).length
  const ms = performance.now() - t0
  if (len === 0) throw new Error('unreachable')
  return [{ name: 'segmentsToText', value: (n / ms) * 1000, unit: 'ops/s' }]
}
