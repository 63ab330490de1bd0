import type zhCN from './zh-CN'

const en: typeof zhCN = {
  app: {
    name: 'QQ',
    tagline: 'A lightweight desktop QQ'
  },
  language: {
    label: 'Language',
    'zh-CN': '简体中文',
    en: 'English'
  },
  login: {
    title: 'Sign in with QR code',
    start: 'Sign in',
    demo: 'Try the demo server',
    demoScan: 'Simulate the phone scan',
    hint: 'Scan the QR code with QQ on your phone',
    qrAlt: 'Sign-in QR code',
    state: {
      'signed-out': 'Signed out',
      waiting: 'Waiting for scan',
      scanned: 'Scanned: confirm the sign-in on your phone',
      expired: 'QR code expired, refreshing',
      'signing-in': 'Signing in…',
      online: 'Signed in',
      reconnecting: 'Reconnecting…'
    },
    reason: {
      expired: 'Your session expired: scan again',
      kicked: 'Your account signed in elsewhere, so this session was closed',
      logout: 'Signed out'
    },
    noKeyring:
      'This computer has no system keyring, so for safety your session is not remembered: scan again after each start.',
    serviceNote:
      'SmartQQ was shut down on 1 January 2019; connect to a compatible server or the built-in simulator.'
  },
  titleBar: {
    logout: 'Sign out'
  },
  messenger: {
    tabs: {
      buddies: 'Friends',
      groups: 'Groups',
      discussions: 'Discussions',
      recent: 'Recent'
    },
    tabsLabel: 'Contact lists',
    filter: 'Find a contact (pinyin works)',
    categoryCount: '{online}/{total}',
    kind: {
      buddy: 'Friend',
      group: 'Group',
      discuss: 'Discussion'
    },
    online: 'Online',
    offline: 'Offline',
    unread: '{count} unread',
    empty: {
      buddies: 'No friends yet',
      groups: 'You are in no group yet',
      discussions: 'No discussions yet',
      recent: 'No recent conversations yet',
      filter: 'No contact matches'
    },
    loading: 'Loading contacts…',
    pick: 'Pick a friend or a group to start chatting',
    reconnecting:
      'Connection lost, reconnecting… Messages you send meanwhile are queued and go out once it is back.'
  },
  conversation: {
    memberCount: '{count} members',
    showMembers: 'Members',
    hideMembers: 'Hide members',
    membersTitle: 'Members ({count})',
    membersLoading: 'Loading members…',
    loadingOlder: 'Loading older messages…',
    historyStart: 'This is the start of the history',
    empty: 'No messages yet: say hello',
    export: 'Export chat',
    exportFormat: 'Export format',
    formats: {
      txt: 'TXT text',
      json: 'JSON'
    },
    exported: 'Exported to {path}',
    exportFailed: 'Export failed: {message}',
    dismiss: 'Dismiss'
  },
  message: {
    image: '[Picture]',
    state: {
      queued: 'Queued',
      sending: 'Sending…',
      sent: 'Sent',
      unconfirmed: 'Unconfirmed',
      failed: 'Failed'
    },
    queuedHint: 'Not connected: the message goes out once the connection is back',
    unconfirmedHint:
      'The server answered 1202: the message may or may not have arrived. It is not resent automatically, to avoid duplicates; retry if the other side did not get it.',
    failedHint: 'Sending failed: {error}',
    retry: 'Retry'
  },
  composer: {
    label: 'Message',
    placeholder: 'Type a message: Enter sends, Shift+Enter adds a line',
    send: 'Send'
  },
  search: {
    label: 'Search the history',
    placeholder: 'Search the history',
    results: 'Results for “{query}”: {count}',
    none: 'No message contains “{query}”',
    close: 'Close search'
  },
  errors: {
    generic: 'Something went wrong: {message}'
  }
}

export default en
