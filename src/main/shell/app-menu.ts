/**
 * The application menu: standard roles (macOS app menu, Edit, View, Window) so the OS shortcuts
 * (copy, paste, zoom, minimise, full screen) work, plus the messenger's own commands with their
 * accelerators. A command goes to the focused window as `menu:command`; the renderer's
 * useShortcuts maps it to the action (the same one its in-page keydown handler uses).
 */
import { Menu, type MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../../shared/desktop'
import type { DesktopTexts } from '../desktop/desktop-texts'

/**
 * Accelerators of the messenger commands ('escape' stays in-page: a menu accelerator would steal Esc
 * from every field; 'about' has none, as in every app).
 */
export const MENU_ACCELERATORS: Readonly<Record<Exclude<MenuCommand, 'escape' | 'about'>, string>> = {
  search: 'CmdOrCtrl+F',
  'quick-switcher': 'CmdOrCtrl+K',
  'close-conversation': 'CmdOrCtrl+W',
  'next-conversation': 'Ctrl+Tab',
  'previous-conversation': 'Ctrl+Shift+Tab',
  settings: 'CmdOrCtrl+,'
}

export function appMenuTemplate(texts: DesktopTexts, platform: string, send: (command: MenuCommand) => void): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin'
  const item = (command: Exclude<MenuCommand, 'escape' | 'about'>, label: string): MenuItemConstructorOptions => ({
    label,
    accelerator: MENU_ACCELERATORS[command],
    click: () => send(command)
  })
  const settings = item('settings', texts.menu.settings)
  // Our own About (licences, diagnostics) rather than the OS panel, which knows only name and version.
  const about: MenuItemConstructorOptions = { label: texts.menu.about, click: () => send('about') }
  const menu: MenuItemConstructorOptions[] = []
  if (mac) {
    menu.push({
      label: texts.appName,
      submenu: [
        about,
        { type: 'separator' },
        settings,
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' }
      ]
    })
  }
  menu.push(
    {
      label: texts.menu.conversation,
      submenu: [
        item('search', texts.menu.search),
        item('quick-switcher', texts.menu.quickSwitcher),
        { type: 'separator' },
        item('next-conversation', texts.menu.nextConversation),
        item('previous-conversation', texts.menu.previousConversation),
        item('close-conversation', texts.menu.closeConversation),
        // Windows and Linux have no app menu: settings and quit live here.
        ...(mac ? [] : [{ type: 'separator' } as const, settings, { type: 'separator' } as const, { role: 'quit', label: texts.quit } as const])
      ]
    },
    {
      label: texts.menu.edit,
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        ...(mac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
        { role: 'delete' },
        { role: 'selectAll' }
      ]
    },
    {
      label: texts.menu.view,
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }]
    },
    {
      label: texts.menu.window,
      // Spelled out rather than role 'windowMenu': on Windows and Linux that role adds Close with
      // Ctrl+W, which here closes the conversation instead.
      submenu: mac
        ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }, { type: 'separator' }, { role: 'window' }]
        : [{ role: 'minimize' }]
    },
    // Windows and Linux have no app menu: About lives in Help, where those platforms put it.
    ...(mac ? [] : [{ label: texts.menu.help, submenu: [about] }])
  )
  return menu
}

export function installAppMenu(texts: DesktopTexts, platform: string, send: (command: MenuCommand) => void): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(texts, platform, send)))
}
