/**
 * `npm run demo` = the app started with `--demo`: this run signs in against the built-in demo server
 * (the login view then offers "simulate the phone scan"), and the serverMode setting is left alone.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { demoRequested } from '../../../src/main/demo-launch'

vi.mock('electron', () => {
  const electron = { app: undefined, ipcMain: undefined, shell: {} }
  return { ...electron, default: electron }
})

const { createSettingsStore } = await import('../../../src/main/shell/settings-store')
const { createAppServices } = await import('../../../src/main/app-services')
const { createFileSecretStore } = await import('../../../src/main/engine')

const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function services(forceDemo: boolean) {
  const profile = mkdtempSync(join(tmpdir(), 'qq-demo-launch-'))
  const settings = createSettingsStore({ cwd: profile })
  const app = createAppServices({
    appInfo: { name: 'qq-desktop', version: '0.0.0-test', platform: 'linux', secretStorage: 'encrypted' },
    settings,
    userDataDir: profile,
    secrets: createFileSecretStore(join(profile, 'sessions')),
    emit: () => {},
    openExternal: () => {},
    pickExportPath: async () => null,
    log: () => {},
    forceDemo
  })
  cleanups.push(
    () => rmSync(profile, { recursive: true, force: true }),
    () => app.stop()
  )
  return { app, settings }
}

describe('npm run demo (--demo)', () => {
  it('is asked for by --demo or QQ_DEMO=1 only', () => {
    expect(demoRequested(['/usr/bin/electron', '.', '--demo'], {})).toBe(true)
    expect(demoRequested(['/usr/bin/electron', '.'], { QQ_DEMO: '1' })).toBe(true)
    expect(demoRequested(['/usr/bin/electron', '.'], {})).toBe(false)
    expect(demoRequested(['/usr/bin/electron', '.', '--demonstrate'], { QQ_DEMO: '0' })).toBe(false)
  })

  it('with forceDemo, signing in starts the demo server and the session is a demo one; the setting is untouched', async () => {
    const { app, settings } = await services(true)
    expect(settings.get().serverMode).toBe('smartqq')
    const started = await app.handlers['session:start']!(undefined as never)
    expect(app.demo.url()).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(JSON.stringify(started)).toContain('"demo":true')
    expect(settings.get().serverMode).toBe('smartqq')
  })

  it('without it, signing in does not start the demo server', async () => {
    const { app, settings } = await services(false)
    // A closed loopback port instead of the real (long gone) SmartQQ hosts: no traffic leaves the machine.
    settings.update({ serverMode: 'custom', serverUrl: 'http://127.0.0.1:9' })
    const started = await app.handlers['session:start']!(undefined as never)
    expect(JSON.stringify(started)).toContain('"demo":false')
    expect(app.demo.url()).toBeNull()
  })
})
