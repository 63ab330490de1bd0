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
      reconnecting: '正在重新连接…'
    },
    reason: {
      expired: '登录已过期，请重新扫码',
      kicked: '您的账号在另一地点登录，已被迫下线',
      logout: '已退出登录'
    },
    noKeyring: '本机没有系统钥匙串，为安全起见不会记住登录，每次启动都需要扫码。',
    serviceNote: 'SmartQQ 已于 2019 年 1 月 1 日停止服务；可连接兼容的服务器或内置模拟服务器。'
  },
  titleBar: {
    logout: '退出登录'
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
  conversation: {
    memberCount: '{count} 位成员',
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
    state: {
      queued: '排队中',
      sending: '发送中…',
      sent: '已发送',
      unconfirmed: '未确认',
      failed: '发送失败'
    },
    queuedHint: '当前未连接，消息会在重新连接后发出',
    unconfirmedHint:
      '服务器回复 1202：消息可能已送达，也可能没有。为避免重复不会自动重发；如对方没收到，可点“重试”。',
    failedHint: '发送失败：{error}',
    retry: '重试'
  },
  composer: {
    label: '消息内容',
    placeholder: '输入消息，Enter 发送，Shift+Enter 换行',
    send: '发送'
  },
  search: {
    label: '搜索聊天记录',
    placeholder: '搜索聊天记录',
    results: '“{query}”的搜索结果：{count} 条',
    none: '没有找到包含“{query}”的聊天记录',
    close: '关闭搜索'
  },
  errors: {
    generic: '操作失败：{message}'
  }
}
