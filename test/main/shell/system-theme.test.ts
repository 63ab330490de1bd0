import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'

const native = Object.assign(new EventEmitter(), { shouldUseDarkColors: false })
vi.mock('electron', () => ({ nativeTheme: native, default: { nativeTheme: native } }))

const { nativeSystemTheme, windowBackground } = await import('../../../src/main/shell/system-theme')
const { createThemeService } = await import('../../../src/main/desktop/theme')

describe('system theme adapter (electron mocked)', () => {
  it('follows nativeTheme: what main pushes after the OS switches, and nothing once disposed', () => {
    const pushed: unknown[] = []
    const service = createThemeService({ setting: () => 'system', system: nativeSystemTheme(), emit: (_c, p) => pushed.push(p) })
    expect(service.current()).toBe('light')
    native.shouldUseDarkColors = true
    native.emit('updated')
    expect(service.current()).toBe('dark')
    expect(pushed).toEqual([{ effective: 'dark' }])
    service.dispose()
    expect(native.listenerCount('updated')).toBe(0)
    native.shouldUseDarkColors = false
    native.emit('updated')
    expect(pushed).toHaveLength(1)
  })

  it('paints windows with the theme background before the page loads', () => {
    expect(windowBackground('dark')).toBe('#1e2228')
    expect(windowBackground('light')).toBe('#f4f6f9')
  })
})
