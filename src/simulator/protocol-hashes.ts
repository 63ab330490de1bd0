/**
 * The protocol's hash functions, written here from the spec on purpose (the client has its own copy;
 * a misreading on either side then fails a test instead of hiding in shared code).
 */

/** ptqrtoken = hash33(qrsig): e = 33e + c with 32-bit wrap, masked to 31 bits (reference §1.4). */
export function hash33(text: string): number {
  let e = 0
  for (let i = 0; i < text.length; i++) e = (e + (e << 5) + text.charCodeAt(i)) | 0
  return e & 0x7fffffff
}

/** time33: e = (33e + c) mod 2^32, unmasked (pt4_auth auth_token, reference §1.9). */
export function time33(text: string): number {
  let e = 0
  for (let i = 0; i < text.length; i++) e = (Math.imul(e, 33) + text.charCodeAt(i)) >>> 0
  return e
}

/** The SmartQQ contact-list hash of (self uin, ptwebqq) with the "ECOK" salt (seed §四, reference §1.10). */
export function contactHash(uin: number, ptwebqq: string): string {
  const n = [0, 0, 0, 0]
  for (let i = 0; i < ptwebqq.length; i++) n[i % 4]! ^= ptwebqq.charCodeAt(i)
  // Java/Perl shift a 64-bit value, JS an int32: both pick the bytes of the low 32 bits.
  const low = uin % 2 ** 32
  const salt = 'ECOK'
  const v = [24, 16, 8, 0].map((shift, i) => ((low >>> shift) & 255) ^ salt.charCodeAt(i))
  let out = ''
  for (let i = 0; i < 4; i++) out += byteHex(n[i]!) + byteHex(v[i]!)
  return out
}

function byteHex(b: number): string {
  return (b & 255).toString(16).toUpperCase().padStart(2, '0')
}
