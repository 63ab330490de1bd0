#!/usr/bin/env node
/**
 * Synthesises the notification sound (an original two-tone chime) into
 * src/renderer/src/assets/notify.wav: 16-bit mono PCM at 22,050 Hz, about 0.45 s.
 * Run by hand after changing it: node scripts/make-notify-sound.mjs (the WAV is committed).
 *
 * Each tone is a sine with a soft third harmonic, a 4 ms attack (no click) and an exponential
 * decay; the second, higher tone starts 110 ms after the first, like a doorbell.
 */
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'

const RATE = 22050
const SECONDS = 0.45
const samples = new Float64Array(Math.round(RATE * SECONDS))

function tone(freq, startS, decayS, gain) {
  const start = Math.round(startS * RATE)
  for (let i = start; i < samples.length; i++) {
    const t = (i - start) / RATE
    const attack = Math.min(1, t / 0.004)
    const env = attack * Math.exp(-t / decayS)
    samples[i] += gain * env * (Math.sin(2 * Math.PI * freq * t) + 0.18 * Math.sin(2 * Math.PI * 3 * freq * t))
  }
}

tone(880, 0, 0.09, 0.42) // A5
tone(1318.5, 0.11, 0.12, 0.36) // E6

// Fade the last 20 ms to silence so the file ends without a click.
const fade = Math.round(0.02 * RATE)
for (let i = 0; i < fade; i++) samples[samples.length - 1 - i] *= i / fade

const data = Buffer.alloc(samples.length * 2)
samples.forEach((s, i) => data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, s)) * 32767), i * 2))
const header = Buffer.alloc(44)
header.write('RIFF', 0)
header.writeUInt32LE(36 + data.length, 4)
header.write('WAVE', 8)
header.write('fmt ', 12)
header.writeUInt32LE(16, 16) // PCM chunk size
header.writeUInt16LE(1, 20) // PCM
header.writeUInt16LE(1, 22) // mono
header.writeUInt32LE(RATE, 24)
header.writeUInt32LE(RATE * 2, 28) // byte rate
header.writeUInt16LE(2, 32) // block align
header.writeUInt16LE(16, 34) // bits per sample
header.write('data', 36)
header.writeUInt32LE(data.length, 40)

const out = resolve(import.meta.dirname, '../src/renderer/src/assets/notify.wav')
writeFileSync(out, Buffer.concat([header, data]))
console.log(`wrote ${out} (${44 + data.length} bytes)`)
