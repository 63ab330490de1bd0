/**
 * Name tables for generated accounts: realistic Chinese nicks (surname + given-name syllables),
 * internet nicknames, some English and emoji, and a few names that must be HTML-escaped on the wire
 * (& < > ") or carry U+00A0, because real lists did (reference §2.4, §4.1).
 */
import { chance, pick, type Rng } from './prng'

const SURNAMES = Array.from(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
)
const GIVEN = Array.from(
  '伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英华玉萍红建文辉力飞鹏宇浩凯晨欣怡子涵梓轩雨萱思源佳琪嘉欣俊杰晓峰海燕冬梅春雷志强国庆建华丹阳一鸣雪婷梦瑶天翊博文若曦'
)
const PREFIXES = ['小', '阿', '老']
const SUFFIXES = ['哥', '姐', '仔', '酱', '同学', '大人', '君']
const NET_NICKS = [
  '浅笑安然',
  '半夏微凉',
  '时光旅人',
  '一只喵',
  '风吹过的街道',
  '不吃香菜',
  '夜猫子',
  '追风少年',
  '咸鱼本鱼',
  '南城以南',
  '甜甜圈',
  '努力的小透明',
  '键盘侠',
  '星河滚烫',
  '孤独的程序员',
  '睡不醒',
  '月亮不睡我不睡',
  '柠檬精'
]
const ENGLISH = ['Tom', 'Jerry', 'Alice', 'Kevin', 'Lucy', 'Jack', 'Coco', 'Mike', 'Sunny', 'Leo', 'Amy', 'Eric', 'Nina', 'Zoe', 'Ryan']
const EMOJI = ['🐱', '🌸', '🍀', '⭐', '🎮', '🍉', '🐼', '☀️']
/** Names with characters that real servers sent HTML-escaped. */
const TRICKY = ['Tom&Jerry', '<小明>', '"引号"哥', 'A&B<C>', '李"二"狗', '卡<拉>OK']
const GROUP_WORDS = [
  '同学会',
  '吃货联盟',
  '前端交流',
  '周末爬山',
  '考研互助',
  '游戏开黑',
  '摄影爱好者',
  '家族群',
  '宿舍',
  '读书会',
  '羽毛球',
  '二手交易',
  '技术交流',
  '老乡会',
  '篮球队',
  '追剧小分队'
]
const GROUP_PREFIXES = ['2012级', '北京', '上海', '深圳', '杭州', 'Linux', 'Python', '三年二班', '计科', '和平路']
const CATEGORY_NAMES = ['我的好友', '同学', '家人', '同事', '朋友', '网友', '驴友', '球友', '陌生人', '黑名单']
const CARD_PREFIXES = ['【管理】', '23级-', '北京-', '新人-', '']
const MEMOS = ['欢迎新同学！', '本群禁止广告', '群公告：周六聚餐，地点待定', '', '请修改群名片为 城市-名字']
const LNICKS = ['今天也要加油鸭', '', '好好学习，天天向上', '生活不止眼前的苟且', 'busy...', '不忘初心']
const PHRASES = [
  '在吗？',
  '哈哈哈哈',
  '今晚吃什么',
  '收到',
  '好的 👌',
  '明天见',
  '这个可以有',
  '我到了',
  '等我五分钟',
  '有人打球吗',
  '周末一起去爬山？',
  '刚下班',
  '笑死我了',
  '666',
  '晚安',
  '早上好',
  '好啊',
  '稍等',
  '<b>不是标签</b>',
  'A & B',
  '第一行\n第二行'
]

function given(rng: Rng): string {
  const first = pick(rng, GIVEN)
  return chance(rng, 0.6) ? first + pick(rng, GIVEN) : first
}

export function chineseName(rng: Rng): string {
  return pick(rng, SURNAMES) + given(rng)
}

/** A nick as people chose them: mostly Chinese names, some nicknames, English, emoji, escapes, U+00A0. */
export function nickname(rng: Rng): string {
  const r = rng()
  if (r < 0.45) return chineseName(rng)
  if (r < 0.55) return pick(rng, PREFIXES) + pick(rng, SURNAMES)
  if (r < 0.62) return pick(rng, SURNAMES) + pick(rng, SUFFIXES)
  if (r < 0.77) return pick(rng, NET_NICKS)
  if (r < 0.86) return pick(rng, ENGLISH) + (chance(rng, 0.3) ? pick(rng, EMOJI) : '')
  if (r < 0.9) return pick(rng, EMOJI) + given(rng)
  if (r < 0.95) return pick(rng, TRICKY)
  return `${pick(rng, ENGLISH)}\u00a0${pick(rng, SURNAMES)}`
}

export function markname(rng: Rng): string {
  return chance(rng, 0.15) ? pick(rng, TRICKY) : chineseName(rng) + (chance(rng, 0.3) ? pick(rng, ['(同事)', '-大学', '表哥']) : '')
}

export function groupName(rng: Rng): string {
  if (chance(rng, 0.08)) return pick(rng, ['Tom&Jerry 粉丝群', '<代码>交流', '"吃瓜"群众'])
  return pick(rng, GROUP_PREFIXES) + pick(rng, GROUP_WORDS)
}

export function groupCard(rng: Rng): string {
  return pick(rng, CARD_PREFIXES) + (chance(rng, 0.85) ? chineseName(rng) : pick(rng, TRICKY))
}

export function categoryName(index: number): string {
  return CATEGORY_NAMES[index] ?? `分组${index}`
}

export function memo(rng: Rng): string {
  return pick(rng, MEMOS)
}

export function longNick(rng: Rng): string {
  return pick(rng, LNICKS)
}

export function phrase(rng: Rng): string {
  return pick(rng, PHRASES)
}
