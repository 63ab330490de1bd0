/** The one QR code currently on the login page (a new ptqrshow replaces it). */
import type { PtLogin } from './sessions'

export interface QrCode {
  qrsig: string
  createdAt: number
  /** 'confirmed' = the phone allowed the login; expiry is computed from createdAt. */
  phase: 'waiting' | 'scanned' | 'confirmed'
  ptlogin: PtLogin | null
  ticket: string | null
}

export function qrExpired(qr: QrCode, now: number, lifetimeMs: number): boolean {
  return qr.phase !== 'confirmed' && now - qr.createdAt >= lifetimeMs
}
