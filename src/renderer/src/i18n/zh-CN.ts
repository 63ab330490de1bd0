export default {
  app: {
    name: 'QQ',
    tagline: '轻量的桌面 QQ'
  },
  language: {
    label: '语言',
    'zh-CN': '简体中文',
    en: 'English'
  },
  storage: {
    title: {
      'disk-full': '磁盘已满，聊天记录暂时无法保存',
      'read-only': '没有权限写入聊天记录文件',
      damaged: '聊天记录文件已损坏',
      unavailable: '无法打开聊天记录文件',
      'no-full-text-search': '聊天记录照常保存，但搜索会慢一些'
    },
    memoryOnly: '消息照常收发和显示，但目前只保存在内存中。',
    unsaved: '有 {count} 条消息还没有保存，问题解决后会自动补存。',
    advice: {
      'disk-full': '请清理出一些磁盘空间，之后会自动继续保存，无需重启。',
      'read-only': '请检查这个文件及其所在文件夹是否可写，然后重新启动应用。',
      damaged: '请退出应用并备份这个文件，重新启动后会新建一个聊天记录文件。',
      unavailable: '请确认这个位置是一个可写的文件（而不是文件夹），然后重新启动应用。',
      'no-full-text-search':
        '当前运行环境自带的 SQLite 没有全文索引（FTS5），搜索会逐条查找所有消息。换用较新的版本（Node 22.16 及以上）后会自动重建索引。'
    },
    movedAside: '原来的聊天记录文件已损坏，已原样保留在：{path}。新消息保存在新的文件中。',
    path: '文件：{path}',
    dismiss: '知道了'
  },
  settingsFile: {
    newerVersion:
      '设置是由更新版本的 QQ 桌面版保存的（设置格式 {version}）。现在按原样使用；此时所做的更改只在退出前有效、不会保存，以免破坏新版本的设置。',
    movedAside: '设置文件无法读取，现在使用默认设置。原来的文件已原样保留在：{path}'
  },
  login: {
    title: '扫码登录',
    start: '开始登录',
    demo: '试用演示服务器',
    demoScan: '模拟手机扫码',
    hint: '请使用手机 QQ 扫描二维码',
    qrAlt: '登录二维码',
    state: {
      'signed-out': '未登录',
      waiting: '等待扫描',
      scanned: '已扫描，请在手机上确认登录',
      expired: '二维码已失效，正在刷新',
      'signing-in': '正在登录…',
      online: '已登录',
      reconnecting: '正在重新连接…',
      unreachable: '无法连接服务器，正在重试…'
    },
    reason: {
      expired: '登录已过期，请重新扫码',
      kicked: '您的账号在另一地点登录，已被迫下线',
      logout: '已退出登录',
      'remembered-refused': '记住的登录已失效，请重新扫码',
      'login-failed': '登录没有成功，请重新扫码'
    },
    remembered: {
      signingIn: '正在以 {nick} 的身份登录…',
      signInAs: '以 {nick} 登录',
      account: '上次登录的账号',
      useAnother: '使用其他账号'
    },
    signIn: {
      firstRunTitle: 'SmartQQ 官方服务器已关闭',
      firstRunBody: '腾讯已于 2019 年 1 月 1 日关闭 SmartQQ，其服务器不再响应，无法在那里登录。可以试用内置的演示服务器，或连接你自己的兼容服务器。',
      chooseServer: '选择服务器',
      chooseAnotherServer: '选择其他服务器',
      trySmartqqAnyway: '仍然尝试 SmartQQ 官方服务器',
      connecting: '正在连接服务器…',
      failedTitle: '无法登录',
      retry: '重试'
    },
    sheet: {
      title: '重新登录以继续',
      keep: '你的会话、草稿和窗口都保持原样：扫码后即可从刚才的地方继续。'
    },
    noKeyring: '本机没有系统钥匙串，为安全起见不会记住登录，每次启动都需要扫码。',
    serviceNote: 'SmartQQ 已于 2019 年 1 月 1 日停止服务；可连接兼容的服务器或内置模拟服务器。'
  },
  titleBar: {
    logout: '退出登录'
  },
  selfMenu: {
    open: '我：{nick}，{status}。打开菜单',
    profile: '我的资料'
  },
  about: {
    open: '关于',
    title: '关于 {name}',
    description: '版本、许可证、随应用发布的第三方软件及其许可，以及诊断信息。',
    version: '版本 {version}',
    licence: '本软件以 {license} 许可证发布。',
    home: '项目主页',
    thirdParty: '第三方软件许可（{count} 个随应用发布的软件包）',
    noLicenceFile: '这个软件包没有附带许可证文件，许可证为：{license}',
    copyDiagnostics: '复制诊断信息',
    copied: '诊断信息已复制：版本、系统和设置，不含账号和密钥。',
    copyFailed: '无法复制诊断信息，请稍后再试。',
    loadFailed: '无法读取关于信息，请稍后再试。',
    close: '关闭'
  },
  desktop: {
    status: { label: '我的状态', online: '在线', away: '离开', busy: '忙碌', invisible: '隐身' },
    dnd: {
      label: '免打扰',
      onHint: '免打扰已开启：不弹通知、不响提示音。点击关闭。',
      offHint: '开启免打扰：不弹通知、不响提示音'
    },
    mute: {
      mute: '静音',
      muted: '已静音',
      onHint: '静音此会话：不弹通知，不计入未读角标',
      offHint: '此会话已静音，点击取消静音'
    },
    errors: { status: '无法更改状态，请稍后再试。', dnd: '无法更改免打扰设置，请稍后再试。' }
  },
  messenger: {
    tabs: {
      buddies: '好友',
      groups: '群',
      discussions: '讨论组',
      recent: '最近'
    },
    tabsLabel: '联系人分类',
    filter: '搜索联系人（支持拼音）',
    categoryCount: '{online}/{total}',
    kind: {
      buddy: '好友',
      group: '群',
      discuss: '讨论组'
    },
    online: '在线',
    offline: '离线',
    unread: '{count} 条未读',
    empty: {
      buddies: '还没有好友',
      groups: '还没有加入群',
      discussions: '还没有讨论组',
      recent: '还没有最近会话',
      filter: '没有找到匹配的联系人'
    },
    loading: '正在加载联系人…',
    pick: '选择一个好友或群，开始聊天',
    reconnecting: '网络连接已中断，正在重新连接…这期间发送的消息会排队，恢复后自动发出。'
  },
  /** 连接横幅（ConnectionBanner.vue）：为什么连不上服务器，以及下一次重试。 */
  connection: {
    cause: {
      refused: '无法连接服务器：连接被拒绝',
      dns: '无法连接服务器：找不到服务器地址',
      timeout: '无法连接服务器：服务器没有及时响应',
      tls: '无法连接服务器：安全连接失败（证书问题）',
      'http-status': '无法连接服务器：服务器返回了错误页面',
      'not-smartqq': '无法连接服务器：应答的不是 SmartQQ 服务器',
      reset: '无法连接服务器：连接被中断'
    },
    relinking: '正在重新建立连接…',
    retryIn: '{seconds} 秒后重试',
    retryingNow: '正在重试…',
    retryNow: '立即重试',
    readOnly: '你仍处于登录状态。联系人和消息来自本机记录；发送的消息会排队，服务器恢复后自动发出。',
    queued: '你仍处于登录状态。这期间发送的消息会排队，连接恢复后自动发出。',
    titleOffline: '离线'
  },
  conversation: {
    memberCount: '{count} 位成员',
    announce: '{name}：{text}',
    showMembers: '成员列表',
    hideMembers: '收起成员',
    membersTitle: '群成员（{count}）',
    membersLoading: '正在加载成员…',
    loadingOlder: '正在加载更早的消息…',
    historyStart: '没有更早的消息了',
    empty: '还没有消息，打个招呼吧',
    export: '导出聊天记录',
    exportFormat: '导出格式',
    formats: {
      txt: 'TXT 文本',
      json: 'JSON'
    },
    exported: '已导出到 {path}',
    exportFailed: '导出失败：{message}',
    dismiss: '关闭提示'
  },
  message: {
    image: '[图片]',
    unsaved: {
      label: '未保存',
      hint: '已显示，但还没有存入聊天记录（磁盘已满）。腾出空间后会自动保存。'
    },
    state: {
      queued: '排队中',
      sending: '发送中…',
      sent: '已发送',
      unconfirmed: '未确认',
      failed: '发送失败'
    },
    queuedHint: '排队中：因为没有连接，消息还没有发出。连接恢复后会按顺序自动发出。',
    sentHint: '已发送：服务器已接收这条消息',
    unconfirmed: {
      '1202': '服务器回复 1202：消息可能已送达，也可能没有。为避免重复不会自动重发；如对方没收到，可点“重试”。',
      'no-answer': '消息发出后、服务器回复前连接中断了：消息可能已送达，也可能没有。不会自动重发；如对方没收到，可点“重试”。',
      interrupted: '发送这条消息时应用被关闭了：消息可能已送达，也可能没有。不会自动重发；如对方没收到，可点“重试”。',
      unknown: '无法确定这条消息是否已送达。不会自动重发；如对方没收到，可点“重试”。'
    },
    failedHint: '发送失败：{error}',
    retry: '重试'
  },
  composer: {
    label: '消息内容',
    placeholder: '输入消息，Enter 发送，Shift+Enter 换行',
    placeholderCtrlEnter: '输入消息，Ctrl+Enter 发送，Enter 换行',
    send: '发送'
  },
  fonts: {
    open: '字体',
    title: '我的字体',
    family: '字体',
    size: '字号',
    smaller: '缩小字号',
    larger: '放大字号',
    points: '{size} 号',
    style: '字形',
    bold: '加粗',
    italic: '斜体',
    underline: '下划线',
    boldShort: 'B',
    italicShort: 'I',
    underlineShort: 'U',
    color: '颜色',
    colors: {
      black: '黑色',
      red: '红色',
      orange: '橙色',
      olive: '橄榄色',
      green: '绿色',
      teal: '青色',
      blue: '蓝色',
      purple: '紫色',
      pink: '粉色'
    },
    sample: '我的消息是这个样子',
    note: '每条消息都会带上这个字体；对方的客户端显示字体时就能看到。',
    reset: '恢复默认字体'
  },
  search: {
    label: '搜索聊天记录',
    placeholder: '搜索聊天记录',
    results: '“{query}”的搜索结果：{count} 条',
    none: '没有找到包含“{query}”的聊天记录',
    close: '关闭搜索'
  },
  chat: {
    today: '今天',
    yesterday: '昨天',
    gap: '此处可能有消息缺失',
    gapReason: {
      relink: '连接曾重新建立，期间的消息可能没有收到',
      'session-ended': '登录曾经失效，重新登录前的消息可能没有收到',
      outage: '网络曾长时间中断，期间的消息可能没有收到',
      'broken-answer': '服务器的应答在传输中损坏，其中的消息无法读取'
    },
    gapAt: '发现于 {time}',
    latest: '回到最新消息',
    loadingNewer: '正在加载更新的消息…',
    openLink: '在浏览器中打开 {url}',
    avatarOf: '{name} 的头像',
    faces: {
      open: '插入表情',
      title: '表情',
      recent: '最近使用',
      all: '全部表情',
      close: '关闭表情面板',
      search: '搜索表情',
      searchPlaceholder: '搜索：微笑、weixiao、wx 或 smile',
      results: '找到 {count} 个',
      none: '没有与“{query}”相符的表情'
    },
    scope: {
      label: '搜索范围',
      all: '全部会话',
      here: '当前会话'
    },
    more: '加载更多结果',
    loadingMore: '正在加载…',
    allShown: '已显示全部 {count} 条结果',
    resultsSoFar: '“{query}”的搜索结果：已显示 {count} 条，还有更多'
  },
  settings: {
    title: '设置',
    open: '设置',
    close: '关闭设置',
    description: '每项更改都会立即保存。',
    sections: {
      appearance: '外观',
      chat: '聊天',
      notifications: '通知',
      windows: '窗口',
      account: '账号与服务器',
      about: '关于'
    },
    theme: {
      label: '主题',
      system: '跟随系统',
      light: '浅色',
      dark: '深色'
    },
    language: '语言',
    sendKey: {
      label: '发送消息',
      enter: '按 Enter 发送，Shift+Enter 换行',
      'ctrl-enter': '按 Ctrl+Enter 发送，Enter 换行'
    },
    peerFonts: {
      label: '消息字体',
      off: '不显示：所有消息都用常规字体',
      colors: '只显示颜色（始终保证清晰可读）',
      full: '显示颜色、字形和字号（字号只在小范围内变化）'
    },
    sendInterval: '两次发送的最短间隔（毫秒）',
    sendIntervalHint: '服务器会限制过快的连续发送。',
    notifications: '新消息时显示桌面通知',
    notificationSound: '通知时播放提示音',
    notificationPreview: '在通知中显示消息内容',
    doNotDisturb: '免打扰（不通知、不闪烁）',
    windowMode: {
      label: '会话窗口',
      pane: '在主窗口右侧显示会话',
      windows: '每个会话单独一个窗口（经典 QQ）'
    },
    closeToTray: '关闭主窗口时最小化到托盘',
    server: {
      label: '服务器',
      smartqq: '真实的 SmartQQ 服务器',
      custom: '兼容的自定义服务器',
      demo: '内置演示服务器',
      url: '服务器地址',
      nextSignIn: '服务器设置会在下次登录时生效。'
    },
    rememberSession: '记住我的登录（加密保存）',
    saved: '已保存'
  },
  quickSwitcher: {
    title: '快速切换会话',
    placeholder: '输入名称或拼音，回车打开',
    none: '没有匹配的会话',
    hint: '↑↓ 选择，Enter 打开，Esc 关闭'
  },
  window: {
    popOut: '在新窗口打开',
    dock: '放回主窗口',
    poppedOut: '已在单独窗口中打开',
    focusWindow: '切换到该窗口',
    notFound: '找不到这个会话，它可能已不在你的联系人中。'
  },
  layout: {
    resizeSidebar: '拖动调整联系人栏宽度'
  },
  contacts: {
    list: '联系人列表',
    presence: {
      online: '在线',
      away: '离开',
      busy: '忙碌',
      silent: '请勿打扰',
      offline: '离线'
    },
    vip: 'VIP{level}',
    vipLabel: 'QQ 会员 {level} 级',
    pinned: '已置顶',
    muted: '已静音',
    draft: '[草稿]',
    yesterday: '昨天',
    twin: '{members} 人 · 群主 {owner}',
    twinMembers: '{members} 人',
    twinLoading: '同名群，正在读取群资料…',
    actions: '{name} 的更多操作',
    pin: '置顶',
    unpin: '取消置顶',
    mute: '静音',
    unmute: '取消静音',
    viewProfile: '查看资料',
    profile: {
      title: '资料卡',
      close: '关闭资料卡',
      loading: '正在读取资料…',
      failed: '资料读取失败：{message}',
      sendMessage: '发消息',
      qq: 'QQ 号',
      qqLookup: {
        lookUp: '查询',
        lookUpLabel: '查询 QQ 号',
        looking: '正在查询…',
        unavailable: '无法获取：服务器已不再提供 QQ 号',
        failed: '查询失败：{message}',
        retry: '重试'
      },
      nick: '昵称',
      markname: '备注',
      category: '分组',
      signature: '个性签名',
      gender: '性别',
      male: '男',
      female: '女',
      birthday: '生日',
      location: '所在地',
      occupation: '职业',
      college: '学校',
      phone: '电话',
      mobile: '手机',
      email: '邮箱',
      homepage: '主页',
      personal: '个人说明',
      announcement: '群公告',
      noAnnouncement: '暂无群公告',
      owner: '群主',
      memberCount: '成员数',
      members: '成员',
      created: '创建于',
      card: '群名片',
      role: '身份',
      status: '状态',
      notBuddy: '不是好友：SmartQQ 只提供好友的详细资料'
    },
    role: {
      owner: '群主',
      admin: '管理员'
    },
    members: {
      search: '搜索成员（名片、昵称、拼音）',
      none: '没有匹配的成员',
      online: '{online} 人在线',
      announcement: '群公告'
    }
  },
  errors: {
    generic: '操作失败：{message}',
    ipc: {
      'invalid-payload': '应用内部请求的格式不对，操作没有执行。请重试；如果一直这样，请报告这个问题。',
      'forbidden-sender': '这个页面无权执行该操作。',
      'unknown-channel': '应用内部请求了一个不存在的操作，请更新到最新版本。',
      failed: '操作失败了，请重试。'
    },
    failure: {
      'not-signed-in': '你还没有登录，请先登录再试。',
      'command-refused': '这个操作无法完成：会话可能已不在联系人中，或者内容不被支持。',
      'window-limit': '最多只能有 8 个会话单独成窗。请先关闭其中一个。',
      network: '连不上服务器，请检查网络连接后重试。',
      timeout: '服务器太久没有回应，请稍后重试。',
      server: '服务器返回了无法处理的结果，请稍后重试。',
      'store-corrupt': '本地聊天记录文件已损坏，无法读取这部分记录。',
      'store-too-new': '本地聊天记录是由更新版本的应用写入的，请升级应用后再打开。',
      'store-not-found': '找不到这条会话或消息的本地记录。',
      'store-bad-cursor': '聊天记录翻页位置已失效，请重新打开这个会话。',
      'store-io': '读写本地聊天记录时出错，请检查磁盘空间和权限。',
      'export-failed': '导出失败：无法写入所选位置，请换一个文件夹再试。',
      'export-no-history': '这个会话还没有保存的聊天记录，没有可导出的内容。',
      'settings-invalid': '这个设置值无效，没有保存。',
      'server-url-invalid':
        '保存的兼容服务器地址无法使用（它不是有效的 http:// 或 https:// 地址，端口须在 1 到 65535 之间，且不能带用户名或密码）。请在“设置 → 账号与服务器”中改正后再登录。',
      'profile-in-use': '另一个程序正在使用这个配置文件夹（在同一文件夹上启动的无界面 QQ 客户端）。请先退出它，再重新登录。',
      unknown: '出了点问题，操作没有完成。请重试。'
    },
    unreachable: {
      refused: '服务器拒绝了连接：该地址上没有服务在响应。请检查地址，并确认服务器正在运行。',
      dns: '找不到该服务器的域名。请检查地址是否有误，以及网络连接是否正常。',
      timeout: '服务器没有及时响应。它可能已停止运行，或连接被阻断。',
      tls: '安全连接失败：服务器的证书不受信任，或它不支持 HTTPS。请检查地址应以 http:// 还是 https:// 开头。',
      'http-status': '服务器返回了错误页面（HTTP {status}），它不是可用的 SmartQQ 服务器。',
      'not-smartqq': '该地址上有服务在响应，但它不是 SmartQQ 服务器。',
      official: 'SmartQQ 官方服务器已于 2019 年 1 月 1 日关闭，不再响应，无法在那里登录。'
    },
    outbox: {
      'not-in-contacts': '发送失败：对方已不在你的联系人里。',
      refused: '发送失败：服务器拒绝了这条消息。',
      'session-dead': '发送失败：登录已失效，请重新登录后重试。',
      'send-failed': '发送失败，请重试。'
    },
    link: {
      scheme: '没有打开这个链接：消息里只能打开网页（http、https）和单纯的邮箱地址。',
      'mailto-query': '没有打开这个邮件链接：它要求邮件程序做的不止是写信给一个地址（附件或预填内容）。',
      credentials: '没有打开这个链接：它带有用户名或密码，这是伪装链接真实去向的常见手法。',
      'too-long': '没有打开这个链接：它太长了，无法安全打开（最多 2,048 个字符）。',
      invalid: '没有打开这个链接：它不是有效的网址或邮箱地址。'
    },
    local: {
      'server-url-invalid': '请输入以 http:// 或 https:// 开头的完整地址，例如 http://127.0.0.1:8080。',
      'preload-missing': '应用没有正确启动（缺少预加载脚本），请重新启动应用。'
    }
  }
}
