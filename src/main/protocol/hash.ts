/**
 * The two hashes the protocol needs, written from the seed and reference §1.4 / §1.10.
 * uins exceed 2^31 (and friend uins 2^32), so bytes are taken arithmetically, not with JS
 * bit operators, which would wrap through int32.
 */

const HEX = '0123456789ABCDEF'
const SALT = 'ECOK'

/** Byte `k` (0 = lowest) of a non-negative integer, as Ruby/Java `uin >> 8k & 255` give it. */
function byteOf(n: number, k: number): number {
  return Math.floor(n / 2 ** (8 * k)) % 256
}

/** The contact-list hash of (self uin, ptwebqq): 16 uppercase hex digits (seed 四, "hash"). */
export function hash(uin: number, ptwebqq: string): string {
  const n = [0, 0, 0, 0]
  for (let i = 0; i < ptwebqq.length; i++) n[i % 4] ^= ptwebqq.charCodeAt(i)
  const v = [3, 2, 1, 0].map((k, i) => byteOf(uin, k) ^ SALT.charCodeAt(i))
  let out = ''
  for (let i = 0; i < 8; i++) {
    const b = i % 2 === 0 ? n[i >> 1] : v[i >> 1]
    out += HEX[(b >> 4) & 15] + HEX[b & 15]
  }
  return out
}

/** ptqrtoken: e = 33·e + c over the qrsig cookie, 32-bit wrap, masked to 31 bits (reference §1.4). */
export function hash33(qrsig: string): number {
  let e = 0
  for (let i = 0; i < qrsig.length; i++) e = (Math.imul(e, 33) + qrsig.charCodeAt(i)) | 0
  return e & 0x7fffffff
}
