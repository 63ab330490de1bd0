/**
 * The words the main process shows a person (tray tooltip and menu, notifications, the Windows
 * overlay description, the app menu), in both UI languages. The renderer has vue-i18n; main has
 * only these few strings, so a table beats a second i18n runtime.
 */
import type { Locale, OnlineStatusSetting } from '../../shared/settings'

export interface DesktopTexts {
  appName: string
  /** Tooltip line for a number of unread messages (n > 0). */
  unread(n: number): string
  noUnread: string
  signedOut: string
  /** The connection dropped and the engine is getting it back (sends are queued meanwhile). */
  reconnecting: string
  /** The server cannot be reached at all; the engine keeps retrying (the account stays). */
  unreachable: string
  status: Record<OnlineStatusSetting, string>
  doNotDisturb: string
  /** Notification body when several messages wait in one conversation. */
  newMessages(n: number): string
  /** Notification body when message text is hidden (privacy) and one message waits. */
  newMessage: string
  /** The picture placeholder inside a notification. */
  picture: string
  open: string
  quit: string
  statusMenu: string
  /** App menu labels (the rest use Electron's standard roles, which the OS translates). */
  menu: {
    edit: string
    view: string
    window: string
    conversation: string
    search: string
    quickSwitcher: string
    closeConversation: string
    nextConversation: string
    previousConversation: string
    settings: string
    help: string
    about: string
  }
}

const zhCN: DesktopTexts = {
  appName: 'QQ 桌面版',
  unread: (n) => `${n} 条未读消息`,
  noUnread: '没有未读消息',
  signedOut: '未登录',
  reconnecting: '正在重新连接…',
  unreachable: '无法连接服务器，正在重试…',
  status: { online: '在线', away: '离开', busy: '忙碌', invisible: '隐身' },
  doNotDisturb: '免打扰',
  newMessages: (n) => `${n} 条新消息`,
  newMessage: '1 条新消息',
  picture: '[图片]',
  open: '打开 QQ',
  quit: '退出',
  statusMenu: '状态',
  menu: {
    edit: '编辑',
    view: '视图',
    window: '窗口',
    conversation: '会话',
    search: '搜索',
    quickSwitcher: '快速切换会话',
    closeConversation: '关闭会话',
    nextConversation: '下一个会话',
    previousConversation: '上一个会话',
    settings: '设置…',
    help: '帮助',
    about: '关于 QQ 桌面版'
  }
}

const en: DesktopTexts = {
  appName: 'QQ Desktop',
  unread: (n) => (n === 1 ? '1 unread message' : `${n} unread messages`),
  noUnread: 'No unread messages',
  signedOut: 'Signed out',
  reconnecting: 'Reconnecting…',
  unreachable: 'Can’t reach the server, retrying…',
  status: { online: 'Online', away: 'Away', busy: 'Busy', invisible: 'Invisible' },
  doNotDisturb: 'Do not disturb',
  newMessages: (n) => (n === 1 ? '1 new message' : `${n} new messages`),
  newMessage: '1 new message',
  picture: '[Picture]',
  open: 'Open QQ',
  quit: 'Quit',
  statusMenu: 'Status',
  menu: {
    edit: 'Edit',
    view: 'View',
    window: 'Window',
    conversation: 'Conversation',
    search: 'Search',
    quickSwitcher: 'Quick switcher',
    closeConversation: 'Close conversation',
    nextConversation: 'Next conversation',
    previousConversation: 'Previous conversation',
    settings: 'Settings…',
    help: 'Help',
    about: 'About QQ Desktop'
  }
}

export function desktopTexts(locale: Locale): DesktopTexts {
  return locale === 'en' ? en : zhCN
}
