import { defineStore } from 'pinia'
import { ref } from 'vue'

/** Which overlays are open (settings, About, quick switcher): one place, so Esc closes the topmost. */
export const useUiStore = defineStore('ui', () => {
  const settingsOpen = ref(false)
  const quickSwitcherOpen = ref(false)
  /** The settings section to bring into view and focus when the settings open ('server' from the sign-in screen). */
  const settingsSection = ref<'server' | null>(null)
  const aboutOpen = ref(false)

  function openSettings(section: 'server' | null = null): void {
    quickSwitcherOpen.value = false
    settingsSection.value = section
    settingsOpen.value = true
  }
  /** About opens over the settings (its button is there) or on its own (the menus). */
  function openAbout(): void {
    quickSwitcherOpen.value = false
    aboutOpen.value = true
  }
  function openQuickSwitcher(): void {
    if (settingsOpen.value || aboutOpen.value) return
    quickSwitcherOpen.value = true
  }
  /** Closes the topmost overlay; false when none was open. */
  function closeTopmost(): boolean {
    if (quickSwitcherOpen.value) quickSwitcherOpen.value = false
    else if (aboutOpen.value) aboutOpen.value = false
    else if (settingsOpen.value) settingsOpen.value = false
    else return false
    return true
  }

  return { settingsOpen, quickSwitcherOpen, settingsSection, aboutOpen, openSettings, openAbout, openQuickSwitcher, closeTopmost }
})
