/**
 * About: the diagnostics report (what a bug report needs, nothing that unlocks the account), the
 * app:about / app:diagnostics handlers, and the app menu's About entry on every platform.
 */
import { describe, expect, it, vi } from 'vitest'
import { DEFAULT_SETTINGS } from '../../../src/shared/settings'
import { diagnosticsReport, withoutCredentials } from '../../../src/main/desktop/diagnostics'
import { createAboutHandlers } from '../../../src/main/ipc/about-handlers'
import { appMenuTemplate } from '../../../src/main/shell/app-menu'
import { desktopTexts } from '../../../src/main/desktop/desktop-texts'
import type { AppInfo } from '../../../src/shared/ipc'

vi.mock('electron', () => {
  const electron = { Menu: {} }
  return { ...electron, default: electron }
})

const appInfo: AppInfo = { name: 'QQ Desktop', version: '1.2.3', platform: 'linux', secretStorage: 'encrypted' }

describe('diagnostics', () => {
  it('says the versions, the OS and every setting, with a server address stripped of credentials', () => {
    const report = diagnosticsReport({
      app: appInfo,
      versions: { electron: '45.5.0', chrome: '140.0', node: '22.20.0', v8: '14.0', uv: '1.0' },
      os: { type: 'Linux', release: '6.8.0', arch: 'x64', locale: 'zh-CN' },
      settings: { ...DEFAULT_SETTINGS, serverMode: 'custom', serverUrl: 'http://bob:hunter2@10.0.0.5:8080/' },
      session: 'online'
    })
    expect(report.split('\n').slice(0, 5)).toEqual([
      'QQ Desktop 1.2.3',
      'Runtime: electron 45.5.0, chrome 140.0, node 22.20.0, v8 14.0',
      'OS: Linux 6.8.0 (x64, linux), locale zh-CN',
      'Secret storage: encrypted',
      'Session: online'
    ])
    for (const key of Object.keys(DEFAULT_SETTINGS)) expect(report).toContain(`  ${key}: `)
    expect(report).toContain('serverUrl: "http://10.0.0.5:8080/ (credentials removed)"')
    expect(report).not.toContain('hunter2')
    expect(report).not.toContain('bob')
  })

  it('keeps an address without credentials as it is, and never echoes one it cannot read', () => {
    expect(withoutCredentials('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080')
    expect(withoutCredentials('not a url :pass@')).toBe('(not a valid URL)')
  })

  it('the handlers answer About from the generated licences file, with the running version', async () => {
    const handlers = createAboutHandlers({
      appInfo,
      settings: { get: () => DEFAULT_SETTINGS },
      session: { snapshot: () => ({ state: 'signed-out', reason: null, qrDataUrl: null, self: null, demo: false }) }
    })
    const about = await handlers['app:about'](undefined)
    expect(about.app).toMatchObject({ name: 'QQ Desktop', version: '1.2.3', license: 'MIT' })
    expect(about.packages.find((p) => p.name === 'reka-ui')).toMatchObject({ license: 'MIT' })
    const report = await handlers['app:diagnostics'](undefined)
    expect(report).toMatch(/^QQ Desktop 1\.2\.3\nRuntime: .*node \d+/)
    expect(report).toContain('Session: signed-out')
  })
})

describe('app menu: About', () => {
  const labels = (items: Electron.MenuItemConstructorOptions[]): string[] => items.map((i) => i.label ?? i.role ?? '—')

  it('is in Help on Windows and Linux and in the app menu on macOS, and opens our About page', () => {
    const send = vi.fn()
    const linux = appMenuTemplate(desktopTexts('en'), 'linux', send)
    expect(labels(linux).at(-1)).toBe('Help')
    const help = linux.at(-1)!.submenu as Electron.MenuItemConstructorOptions[]
    expect(labels(help)).toEqual(['About QQ Desktop'])
    ;(help[0]!.click as () => void)()
    expect(send).toHaveBeenCalledWith('about')

    const mac = appMenuTemplate(desktopTexts('zh-CN'), 'darwin', send)
    const appMenu = mac[0]!.submenu as Electron.MenuItemConstructorOptions[]
    expect(labels(appMenu)[0]).toBe('关于 QQ 桌面版')
    expect(appMenu.some((i) => i.role === 'about')).toBe(false)
    expect(labels(mac)).not.toContain('帮助')
  })
})
