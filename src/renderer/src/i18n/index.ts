import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN'
import en from './en'
import type { Locale } from '../../../shared/settings'

export type MessageSchema = typeof zhCN

export function createAppI18n(locale: Locale = 'zh-CN') {
  return createI18n<[MessageSchema], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: { 'zh-CN': zhCN, en }
  })
}
