/**
 * A settings store that says when it changed, whoever changed it (the settings view, the title
 * bar's do-not-disturb, the tray's status menu), so the desktop layer and every window follow at once.
 */
import type { Settings, SettingsPatch } from '../../shared/settings'

export interface SettingsLike {
  get(): Settings
  update(patch: SettingsPatch): Settings
}

export function observeSettings<S extends SettingsLike>(store: S, changed: (settings: Settings) => void): S {
  return Object.create(store, {
    update: {
      value(patch: SettingsPatch): Settings {
        const next = store.update(patch)
        changed(next)
        return next
      }
    }
  }) as S
}
