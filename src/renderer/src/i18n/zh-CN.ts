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
    welcome: '欢迎，{nick}',
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
  errors: {
    generic: '操作失败：{message}'
  }
}
