import { describe, expect, it } from 'vitest'
import { createThemeService, effectiveTheme, type SystemTheme } from '../../../src/main/desktop/theme'
import type { ThemeSetting } from '../../../src/shared/settings'

function fakeSystem(dark: boolean) {
  let listener: (() => void) | null = null
  const system: SystemTheme = {
    isDark: () => dark,
    onChange: (l) => {
      listener = l
      return () => (listener = null)
    }
  }
  return {
    system,
    set(next: boolean) {
      dark = next
      listener?.()
    },
    subscribed: () => listener !== null
  }
}

describe('theme', () => {
  it('resolves the setting against the OS preference', () => {
    expect(effectiveTheme('system', true)).toBe('dark')
    expect(effectiveTheme('system', false)).toBe('light')
    expect(effectiveTheme('light', true)).toBe('light')
    expect(effectiveTheme('dark', false)).toBe('dark')
  })

  it('follows the OS while the setting says system, and only then', () => {
    const os = fakeSystem(false)
    let setting: ThemeSetting = 'system'
    const pushed: string[] = []
    const service = createThemeService({
      setting: () => setting,
      system: os.system,
      emit: (_c, p) => pushed.push((p as { effective: string }).effective)
    })
    expect(service.current()).toBe('light')
    os.set(true)
    expect(service.current()).toBe('dark')
    setting = 'light'
    service.refresh()
    os.set(false)
    os.set(true)
    expect(service.current()).toBe('light')
    // dark (OS), light (setting); the OS flips while 'light' is chosen push nothing.
    expect(pushed).toEqual(['dark', 'light'])
    service.dispose()
    expect(os.subscribed()).toBe(false)
  })
})
