/**
 * The effective theme: the setting, with 'system' resolved through the OS preference. Electron-free;
 * the shell feeds the OS preference (nativeTheme) through `SystemTheme`, the e2e bridge a fake one.
 */
import type { EmitEvent } from '../../shared/ipc'
import type { EffectiveTheme, ThemeSetting } from '../../shared/settings'

/** The operating system's light/dark preference. */
export interface SystemTheme {
  isDark(): boolean
  /** Called whenever the OS preference may have changed; returns an unsubscribe. */
  onChange(listener: () => void): () => void
}

export function effectiveTheme(setting: ThemeSetting, systemDark: boolean): EffectiveTheme {
  if (setting === 'system') return systemDark ? 'dark' : 'light'
  return setting
}

export interface ThemeService {
  current(): EffectiveTheme
  /** Re-evaluates (after a settings change); pushes theme:changed when the result differs. */
  refresh(): void
  dispose(): void
}

export function createThemeService(deps: {
  setting(): ThemeSetting
  system?: SystemTheme
  emit: EmitEvent
  /** Told about every change (the shell recolours window backgrounds). */
  onChange?(theme: EffectiveTheme): void
}): ThemeService {
  const compute = (): EffectiveTheme => effectiveTheme(deps.setting(), deps.system?.isDark() ?? false)
  let last = compute()
  const refresh = (): void => {
    const next = compute()
    if (next === last) return
    last = next
    deps.emit('theme:changed', { effective: next })
    deps.onChange?.(next)
  }
  const unsubscribe = deps.system?.onChange(refresh) ?? (() => {})
  return { current: () => last, refresh, dispose: unsubscribe }
}
