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
    welcome: 'Welcome, {nick}',
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
  errors: {
    generic: 'Something went wrong: {message}'
  }
}

export default en
