/**
 * msg_id source, as the SmartQQ page made them (reference §3.2): a base of
 * (seconds mod 10000) * 10000, plus a per-message sequence. The server never rejected odd ids.
 */
export function createMsgIdSource(now: () => number = Date.now): () => number {
  const base = (Math.floor(now() / 1000) % 10000) * 10000
  let seq = 0
  return () => base + ++seq
}
