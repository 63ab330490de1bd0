/** The OS light/dark preference from Electron's nativeTheme, for the theme model. */
import { nativeTheme } from 'electron'
import type { SystemTheme } from '../desktop/theme'

export function nativeSystemTheme(): SystemTheme {
  return {
    isDark: () => nativeTheme.shouldUseDarkColors,
    onChange(listener) {
      nativeTheme.on('updated', listener)
      return () => nativeTheme.removeListener('updated', listener)
    }
  }
}

/** The window background painted before the page loads (no white flash in the dark theme). */
export function windowBackground(theme: 'light' | 'dark'): string {
  return theme === 'dark' ? '#1e2228' : '#f4f6f9'
}
