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
  storage: {
    title: {
      'disk-full': 'The disk is full: chat history cannot be saved for now',
      'read-only': 'The chat history file cannot be written',
      damaged: 'The chat history file is damaged',
      unavailable: 'The chat history file cannot be opened',
      'no-full-text-search': 'Chat history is saved as usual, but search is slower'
    },
    memoryOnly: 'Messages are still sent, received and shown, but for now they are kept in memory only.',
    unsaved: '{count} message(s) are not saved yet; they are saved by themselves once this is fixed.',
    advice: {
      'disk-full': 'Free some disk space: saving resumes by itself, no restart needed.',
      'read-only': 'Check that this file and its folder can be written, then restart the app.',
      damaged: 'Quit the app and back this file up; on the next start a new history file is created.',
      unavailable: 'Make sure this path is a writable file (not a folder), then restart the app.',
      'no-full-text-search':
        'The SQLite built into this runtime has no full-text index (FTS5), so search reads every message. On a newer runtime (Node 22.16 or later) the index is rebuilt by itself.'
    },
    movedAside: 'The previous chat history file was damaged and has been kept, unchanged, at: {path}. New messages go to a new file.',
    path: 'File: {path}',
    dismiss: 'Got it'
  },
  settingsFile: {
    newerVersion:
      'Your settings were saved by a newer version of QQ Desktop (settings format {version}). They are used as they are; changes you make now last until you quit and are not saved, so that version keeps its settings intact.',
    movedAside: 'The settings file could not be read, so the default settings are used. The old file was kept, unchanged, at: {path}'
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
      reconnecting: 'Reconnecting…',
      unreachable: 'Can’t reach the server, retrying…'
    },
    reason: {
      expired: 'Your session expired: scan again',
      kicked: 'Your account signed in elsewhere, so this session was closed',
      logout: 'Signed out',
      'remembered-refused': 'Your remembered session is no longer valid: scan again',
      'login-failed': 'Signing in did not work: scan again'
    },
    remembered: {
      signingIn: 'Signing in as {nick}…',
      signInAs: 'Sign in as {nick}',
      account: 'Last signed-in account',
      useAnother: 'Use another account'
    },
    signIn: {
      firstRunTitle: 'SmartQQ’s own servers are gone',
      firstRunBody:
        'Tencent shut SmartQQ down on 1 January 2019, so its servers no longer answer and signing in there cannot work. Try the built-in demo server, or connect to a compatible server of your own.',
      chooseServer: 'Choose a server',
      chooseAnotherServer: 'Choose another server',
      trySmartqqAnyway: 'Try SmartQQ’s servers anyway',
      connecting: 'Connecting to the server…',
      failedTitle: 'Can’t sign in',
      retry: 'Retry'
    },
    sheet: {
      title: 'Sign in again to continue',
      keep: 'Your conversations, drafts and windows stay as they are: scan the code and you continue where you left off.'
    },
    noKeyring: 'This computer has no system keyring, so for safety your session is not remembered: scan again after each start.',
    serviceNote: 'SmartQQ was shut down on 1 January 2019; connect to a compatible server or the built-in simulator.'
  },
  titleBar: {
    logout: 'Sign out'
  },
  selfMenu: {
    open: 'Me: {nick}, {status}. Open the menu',
    profile: 'My profile'
  },
  about: {
    open: 'About',
    title: 'About {name}',
    description: 'Version, licence, the third-party software shipped with the app and its licences, and diagnostics.',
    version: 'Version {version}',
    licence: 'This software is released under the {license} licence.',
    home: 'Project home',
    thirdParty: 'Third-party licences ({count} packages shipped with the app)',
    noLicenceFile: 'This package ships no licence file; its licence is {license}',
    copyDiagnostics: 'Copy diagnostics',
    copied: 'Diagnostics copied: versions, system and settings, without account or keys.',
    copyFailed: 'The diagnostics could not be copied. Please try again.',
    loadFailed: 'The About information could not be read. Please try again.',
    close: 'Close'
  },
  desktop: {
    status: { label: 'My status', online: 'Online', away: 'Away', busy: 'Busy', invisible: 'Invisible' },
    dnd: {
      label: 'Do not disturb',
      onHint: 'Do not disturb is on: no notifications, no sounds. Click to turn it off.',
      offHint: 'Turn on do not disturb: no notifications, no sounds'
    },
    mute: {
      mute: 'Mute',
      muted: 'Muted',
      onHint: 'Mute this conversation: no notifications, not counted in the badge',
      offHint: 'This conversation is muted. Click to unmute.'
    },
    errors: { status: 'Your status could not be changed. Please try again.', dnd: 'Do not disturb could not be changed. Please try again.' }
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
    reconnecting: 'Connection lost, reconnecting… Messages you send meanwhile are queued and go out once it is back.'
  },
  /** The connection banner (ConnectionBanner.vue): why the server cannot be reached, and the next attempt. */
  connection: {
    cause: {
      refused: 'Can’t reach the server: it refused the connection',
      dns: 'Can’t reach the server: its address was not found',
      timeout: 'Can’t reach the server: it did not answer in time',
      tls: 'Can’t reach the server: the secure connection failed (certificate)',
      'http-status': 'Can’t reach the server: it answered with an error page',
      'not-smartqq': 'Can’t reach the server: what answered is not a SmartQQ server',
      reset: 'Can’t reach the server: the connection was cut'
    },
    relinking: 'Re-establishing the connection…',
    retryIn: 'retrying in {seconds} s | retrying in {seconds} s',
    retryingNow: 'trying again now…',
    retryNow: 'Retry now',
    readOnly: 'You stay signed in. Contacts and messages are shown from this computer; what you send is queued and goes out once the server answers.',
    queued: 'You stay signed in. What you send meanwhile is queued and goes out once the connection is back.',
    titleOffline: 'Offline'
  },
  conversation: {
    memberCount: '{count} members',
    announce: '{name}: {text}',
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
    unsaved: {
      label: 'Not saved',
      hint: 'Shown, but not saved to the chat history yet (the disk is full). It is saved by itself once space is free.'
    },
    state: {
      queued: 'Queued',
      sending: 'Sending…',
      sent: 'Sent',
      unconfirmed: 'Unconfirmed',
      failed: 'Failed'
    },
    queuedHint: 'Queued: not sent yet, because there is no connection. It goes out by itself, in order, once the connection is back.',
    sentHint: 'Sent: the server accepted the message',
    unconfirmed: {
      '1202':
        'The server answered 1202: the message may or may not have arrived. It is not resent automatically, to avoid duplicates; retry if the other side did not get it.',
      'no-answer':
        'The connection broke after the message was sent, before the server answered: it may or may not have arrived. It is not resent automatically; retry if the other side did not get it.',
      interrupted:
        'The app stopped while this message was being sent: it may or may not have arrived. It is not resent automatically; retry if the other side did not get it.',
      unknown: 'It is not known whether this message arrived. It is not resent automatically; retry if the other side did not get it.'
    },
    failedHint: 'Sending failed: {error}',
    retry: 'Retry'
  },
  composer: {
    label: 'Message',
    placeholder: 'Type a message: Enter sends, Shift+Enter adds a line',
    placeholderCtrlEnter: 'Type a message: Ctrl+Enter sends, Enter adds a line',
    send: 'Send'
  },
  fonts: {
    open: 'Font',
    title: 'My font',
    family: 'Font family',
    size: 'Font size',
    smaller: 'Smaller',
    larger: 'Larger',
    points: '{size} pt',
    style: 'Style',
    bold: 'Bold',
    italic: 'Italic',
    underline: 'Underline',
    boldShort: 'B',
    italicShort: 'I',
    underlineShort: 'U',
    color: 'Colour',
    colors: {
      black: 'Black',
      red: 'Red',
      orange: 'Orange',
      olive: 'Olive',
      green: 'Green',
      teal: 'Teal',
      blue: 'Blue',
      purple: 'Purple',
      pink: 'Pink'
    },
    sample: 'This is how my messages look',
    note: 'Sent with every message; the others see it if their client shows fonts.',
    reset: 'Back to the default font'
  },
  search: {
    label: 'Search the history',
    placeholder: 'Search the history',
    results: 'Results for “{query}”: {count}',
    none: 'No message contains “{query}”',
    close: 'Close search'
  },
  chat: {
    today: 'Today',
    yesterday: 'Yesterday',
    gap: 'Messages may be missing here',
    gapReason: {
      relink: 'The connection was re-established; messages sent meanwhile may not have arrived',
      'session-ended': 'You were signed out for a while; messages sent before you signed in again may not have arrived',
      outage: 'The connection was lost for a while; messages sent meanwhile may not have arrived',
      'broken-answer': 'The server’s answer arrived damaged; the messages it carried could not be read'
    },
    gapAt: 'noticed at {time}',
    latest: 'Jump to the latest messages',
    loadingNewer: 'Loading newer messages…',
    openLink: 'Open {url} in your browser',
    avatarOf: 'Avatar of {name}',
    faces: {
      open: 'Insert a face',
      title: 'Faces',
      recent: 'Recently used',
      all: 'All faces',
      close: 'Close the faces',
      search: 'Search faces',
      searchPlaceholder: 'Search: 微笑, weixiao, wx or smile',
      results: '{count} found',
      none: 'No face matches “{query}”'
    },
    scope: {
      label: 'Search in',
      all: 'All conversations',
      here: 'This conversation'
    },
    more: 'Load more results',
    loadingMore: 'Loading…',
    allShown: 'All {count} results are shown',
    resultsSoFar: 'Results for “{query}”: {count} shown, more available'
  },
  settings: {
    title: 'Settings',
    open: 'Settings',
    close: 'Close settings',
    description: 'Every change is saved at once.',
    sections: {
      appearance: 'Appearance',
      chat: 'Chat',
      notifications: 'Notifications',
      windows: 'Windows',
      account: 'Account and server',
      about: 'About'
    },
    theme: {
      label: 'Theme',
      system: 'Follow the system',
      light: 'Light',
      dark: 'Dark'
    },
    language: 'Language',
    sendKey: {
      label: 'Sending',
      enter: 'Enter sends, Shift+Enter adds a line',
      'ctrl-enter': 'Ctrl+Enter sends, Enter adds a line'
    },
    peerFonts: {
      label: 'Fonts in messages',
      off: 'Ignore them: every message in the usual font',
      colors: 'Colours only (always kept readable)',
      full: 'Colour, style and size (size within a small range)'
    },
    sendInterval: 'Minimum gap between two sends (ms)',
    sendIntervalHint: 'The server limits rapid bursts of sends.',
    notifications: 'Show a desktop notification for new messages',
    notificationSound: 'Play a sound with notifications',
    notificationPreview: 'Show the message text in notifications',
    doNotDisturb: 'Do not disturb (no notifications, no flashing)',
    windowMode: {
      label: 'Conversations',
      pane: 'In the main window, beside the contacts',
      windows: 'Each in its own window (classic QQ)'
    },
    closeToTray: 'Closing the main window keeps the app in the tray',
    server: {
      label: 'Server',
      smartqq: 'The real SmartQQ servers',
      custom: 'A compatible server of your own',
      demo: 'The built-in demo server',
      url: 'Server address',
      nextSignIn: 'Server changes take effect the next time you sign in.'
    },
    rememberSession: 'Remember my session (stored encrypted)',
    saved: 'Saved'
  },
  quickSwitcher: {
    title: 'Jump to a conversation',
    placeholder: 'Type a name or its pinyin, Enter opens',
    none: 'No conversation matches',
    hint: '↑↓ to choose, Enter to open, Esc to close'
  },
  window: {
    popOut: 'Open in a new window',
    dock: 'Back to the main window',
    poppedOut: 'Open in its own window',
    focusWindow: 'Go to that window',
    notFound: 'This conversation cannot be found; it may no longer be in your contacts.'
  },
  layout: {
    resizeSidebar: 'Drag to resize the contact list'
  },
  contacts: {
    list: 'Contacts',
    presence: {
      online: 'Online',
      away: 'Away',
      busy: 'Busy',
      silent: 'Silent',
      offline: 'Offline'
    },
    vip: 'VIP{level}',
    vipLabel: 'QQ VIP level {level}',
    pinned: 'Pinned',
    muted: 'Muted',
    draft: '[Draft]',
    yesterday: 'Yesterday',
    twin: '{members} members · owner {owner}',
    twinMembers: '{members} members',
    twinLoading: 'Same name as another group: loading its details…',
    actions: 'More actions for {name}',
    pin: 'Pin to top',
    unpin: 'Unpin',
    mute: 'Mute',
    unmute: 'Unmute',
    viewProfile: 'View profile',
    profile: {
      title: 'Profile',
      close: 'Close the profile',
      loading: 'Loading the profile…',
      failed: 'Could not load the profile: {message}',
      sendMessage: 'Send message',
      qq: 'QQ number',
      qqLookup: {
        lookUp: 'Look up',
        lookUpLabel: 'Look up the QQ number',
        looking: 'Looking up…',
        unavailable: 'Not available: the server no longer gives QQ numbers out',
        failed: 'Could not look it up: {message}',
        retry: 'Try again'
      },
      nick: 'Nickname',
      markname: 'Remark',
      category: 'Group of friends',
      signature: 'Signature',
      gender: 'Gender',
      male: 'Male',
      female: 'Female',
      birthday: 'Birthday',
      location: 'Location',
      occupation: 'Occupation',
      college: 'School',
      phone: 'Phone',
      mobile: 'Mobile',
      email: 'Email',
      homepage: 'Home page',
      personal: 'About',
      announcement: 'Announcement',
      noAnnouncement: 'No announcement',
      owner: 'Owner',
      memberCount: 'Members',
      members: 'Members',
      created: 'Created',
      card: 'Group card',
      role: 'Role',
      status: 'Status',
      notBuddy: 'Not a friend: SmartQQ only gives details of friends'
    },
    role: {
      owner: 'Owner',
      admin: 'Admin'
    },
    members: {
      search: 'Find a member',
      none: 'No member matches',
      online: '{online} online',
      announcement: 'Announcement'
    }
  },
  errors: {
    generic: 'Something went wrong: {message}',
    ipc: {
      'invalid-payload': 'The app sent itself a malformed request, so nothing was done. Try again; if it keeps happening, please report it.',
      'forbidden-sender': 'This page is not allowed to do that.',
      'unknown-channel': 'The app asked for something it does not know; please update to the latest version.',
      failed: 'That did not work. Please try again.'
    },
    failure: {
      'not-signed-in': 'You are not signed in. Sign in and try again.',
      'command-refused': 'That could not be done: the conversation may no longer be in your contacts, or the content is not supported.',
      'window-limit': 'At most 8 conversations can have their own window. Close one of them first.',
      network: 'The server cannot be reached. Check your connection and try again.',
      timeout: 'The server took too long to answer. Try again in a moment.',
      server: 'The server answered with something the app cannot use. Try again later.',
      'store-corrupt': 'The local chat history file is damaged, so this part of it cannot be read.',
      'store-too-new': 'The local chat history was written by a newer version of the app. Update the app to open it.',
      'store-not-found': 'There is no local record of that conversation or message.',
      'store-bad-cursor': 'The position in the history is no longer valid. Open the conversation again.',
      'store-io': 'The local chat history could not be read or written. Check the free disk space and permissions.',
      'export-failed': 'The export could not be written there. Pick another folder and try again.',
      'export-no-history': 'This conversation has no stored messages yet, so there is nothing to export.',
      'settings-invalid': 'That setting value is not valid, so it was not saved.',
      'server-url-invalid':
        'The saved address of your compatible server cannot be used (it is not a valid http:// or https:// address with a port from 1 to 65535 and no user name or password). Fix it in Settings → Account and server, then sign in again.',
      'profile-in-use': 'Another program is using this profile (a headless QQ client started on the same folder). Quit it, then sign in again.',
      unknown: 'Something went wrong and it was not done. Please try again.'
    },
    unreachable: {
      refused: 'The server refused the connection: nothing is answering at that address. Check the address and that the server is running.',
      dns: 'That server’s name could not be found. Check the address for typos, and your internet connection.',
      timeout: 'The server did not answer in time. It may be down, or the connection is blocked.',
      tls: 'The secure connection failed: the server’s certificate is not trusted, or it does not speak HTTPS. Check whether the address should start with http:// or https://.',
      'http-status': 'The server answered with an error page (HTTP {status}), so it is not a working SmartQQ server.',
      'not-smartqq': 'Something answered at that address, but it is not a SmartQQ server.',
      official: 'SmartQQ’s own servers were shut down on 1 January 2019 and no longer answer, so signing in there cannot work.'
    },
    outbox: {
      'not-in-contacts': 'Not sent: the recipient is no longer in your contacts.',
      refused: 'Not sent: the server refused this message.',
      'session-dead': 'Not sent: your session ended. Sign in again and retry.',
      'send-failed': 'Not sent. Please try again.'
    },
    link: {
      scheme: 'This link was not opened: only web pages (http, https) and plain email addresses are opened from messages.',
      'mailto-query': 'This email link was not opened: it asks your mail app to do more than write to an address (attachments or prefilled fields).',
      credentials: 'This link was not opened: it carries a user name or password, a common trick to disguise where a link really goes.',
      'too-long': 'This link was not opened: it is too long to open safely (at most 2,048 characters).',
      invalid: 'This link was not opened: it is not a valid web or email address.'
    },
    local: {
      'server-url-invalid': 'Enter a full address starting with http:// or https://, for example http://127.0.0.1:8080.',
      'preload-missing': 'The app did not start correctly (its preload script is missing). Restart the app.'
    }
  }
}

export default en
