/**
 * Every error code main can emit has a sentence in every language, and nothing raw leaks through:
 * walks the const code lists of src/shared/errors.ts, so a new code without a sentence fails here.
 */
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import zhCN from '../../src/renderer/src/i18n/zh-CN'
import en from '../../src/renderer/src/i18n/en'
import { createAppI18n } from '../../src/renderer/src/i18n'
import { allErrorKeys, errorKey, ipcErrorKey, outboxErrorKey, sessionReasonText, useErrorText } from '../../src/renderer/src/lib/error-text'
import { ApiError } from '../../src/renderer/src/composables/useApi'
import {
  IPC_ERROR_CODES,
  IPC_FAILURE_REASONS,
  OUTBOX_ERROR_CODES,
  SERVER_UNREACHABLE_REASONS,
  SESSION_REASONS,
  STORAGE_PROBLEMS,
  outboxErrorCode
} from '../../src/shared/errors'

function lookup(messages: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages)
}

describe('error text', () => {
  it('has a full sentence in zh-CN and English for every code main can emit', () => {
    const keys = allErrorKeys()
    // Every list is covered.
    for (const code of IPC_FAILURE_REASONS) expect(keys).toContain(`errors.failure.${code}`)
    for (const code of IPC_ERROR_CODES) expect(keys).toContain(`errors.ipc.${code}`)
    for (const code of SESSION_REASONS) expect(keys).toContain(`login.reason.${code}`)
    for (const code of OUTBOX_ERROR_CODES) expect(keys).toContain(`errors.outbox.${code}`)
    for (const code of STORAGE_PROBLEMS) expect(keys).toContain(`storage.title.${code}`)
    for (const code of SERVER_UNREACHABLE_REASONS) expect(keys).toContain(`errors.unreachable.${code}`)
    const missing: string[] = []
    for (const key of keys) {
      for (const [name, messages] of [
        ['zh-CN', zhCN],
        ['en', en]
      ] as const) {
        const text = lookup(messages, key)
        if (typeof text !== 'string' || text.trim().length < 4 || text.includes('{message}')) missing.push(`${name}: ${key}`)
      }
    }
    expect(missing).toEqual([])
  })

  it('maps IPC errors by reason, falling back to the code and never to the raw message', () => {
    expect(ipcErrorKey({ code: 'failed', reason: 'not-signed-in' })).toBe('errors.failure.not-signed-in')
    expect(ipcErrorKey({ code: 'failed' })).toBe('errors.ipc.failed')
    expect(ipcErrorKey({ code: 'invalid-payload' })).toBe('errors.ipc.invalid-payload')
    expect(errorKey(new ApiError({ code: 'failed', reason: 'network', message: 'ECONNREFUSED 127.0.0.1' }))).toBe('errors.failure.network')
    expect(errorKey(new TypeError('x is undefined'))).toBe('errors.failure.unknown')
    expect(errorKey({ code: 'failed', reason: 'made-up' })).toBe('errors.ipc.failed')
  })

  it('classifies outbox failure texts and tells only the session reasons worth telling', () => {
    expect(outboxErrorCode("the recipient (buddy:key:1) is not in this session's contacts")).toBe('not-in-contacts')
    expect(outboxErrorCode('refused with 100001 3 times')).toBe('session-dead')
    expect(outboxErrorCode('refused (1000): blocked')).toBe('refused')
    expect(outboxErrorKey(null)).toBe('errors.outbox.send-failed')
    expect(sessionReasonText('kicked')).toBe('login.reason.kicked')
    expect(sessionReasonText('relink')).toBeNull()
  })

  it('renders keys as sentences in the current language and hides raw text', async () => {
    const i18n = createAppI18n('en')
    let show: ReturnType<typeof useErrorText> = () => ''
    const Probe = defineComponent({
      setup() {
        show = useErrorText()
        return () => h('span')
      }
    })
    mount(Probe, { global: { plugins: [i18n] } })
    expect(show('errors.failure.timeout')).toBe('The server took too long to answer. Try again in a moment.')
    expect(show('sqlite: database disk image is malformed')).toBe(en.errors.failure.unknown)
    i18n.global.locale.value = 'zh-CN'
    expect(show('errors.failure.timeout')).toBe(zhCN.errors.failure.timeout)
    expect(show(null)).toBe('')
  })
})

describe('failed sends', () => {
  it('say why in a sentence, not with the outbox text', async () => {
    const { installFakeApi } = await import('./fake-api')
    const { createPinia, setActivePinia } = await import('pinia')
    const { default: MessageDeliveryState } = await import('../../src/renderer/src/components/MessageDeliveryState.vue')
    const { useConversationsStore } = await import('../../src/renderer/src/stores/conversations')
    const fake = installFakeApi({ state: 'online' })
    const pinia = createPinia()
    setActivePinia(pinia)
    const store = useConversationsStore()
    await store.init()
    fake.emit('outbox:changed', {
      id: 5,
      ref: null,
      kind: 'buddy',
      targetKey: 'buddy:key:1',
      text: 'hi',
      state: 'failed',
      error: "the recipient (buddy:key:1) is not in this session's contacts",
      part: 0,
      parts: 1,
      createdAt: 0
    })
    const wrapper = mount(MessageDeliveryState, {
      props: { state: 'failed', messageId: 'outbox:5' },
      global: { plugins: [pinia, createAppI18n('en')] }
    })
    expect(wrapper.attributes('title')).toBe(en.errors.outbox['not-in-contacts'])
    expect(wrapper.attributes('title')).not.toContain('buddy:key')
    store.dispose()
  })
})
