import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import FacePicker from '../../src/renderer/src/components/FacePicker.vue'
import { createAppI18n } from '../../src/renderer/src/i18n'
import { searchFaces } from '../../src/renderer/src/lib/face-search'
import { useFacesStore } from '../../src/renderer/src/stores/faces'
import { FACE_ENGLISH_NAMES, FACE_ENTRIES } from '../../src/shared/faces'
import { installFakeApi } from './fake-api'

const ids = (q: string): number[] => searchFaces(q).map((f) => f.id)

describe('face search', () => {
  it('finds a face by its Chinese name, its pinyin in full or by initials, and its English name', () => {
    expect(ids('微笑')[0]).toBe(14)
    expect(ids('weixiao')[0]).toBe(14)
    expect(ids('wx')).toContain(14)
    expect(ids('smile')[0]).toBe(14)
    expect(ids('Smile ')[0]).toBe(14)
    expect(ids('beer')).toEqual([113])
    expect(ids('pijiu')).toEqual([113])
  })
  it('ranks the whole name before names that merely contain the query', () => {
    // 哭 is in 大哭, 快哭了, 笑哭 …; "crying" is face 9 exactly.
    expect(ids('crying')[0]).toBe(9)
    expect(ids('大哭')[0]).toBe(9)
    expect(ids('哭').length).toBeGreaterThan(2)
  })
  it('finds nothing for nonsense, and everything for a blank query', () => {
    expect(ids('qqqqzzzz')).toEqual([])
    expect(ids('  ')).toHaveLength(FACE_ENTRIES.length)
  })
  it('has an English name for every face of the table', () => {
    expect(FACE_ENTRIES.filter(([id]) => !FACE_ENGLISH_NAMES[id])).toEqual([])
  })
})

let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

async function mountPicker(locale: 'zh-CN' | 'en' = 'zh-CN', recent: number[] = []) {
  installFakeApi({ state: 'online', self: { uin: 1, nick: '我' } })
  const pinia = createPinia()
  setActivePinia(pinia)
  useFacesStore().recent = recent
  wrapper = mount(FacePicker, { global: { plugins: [pinia, createAppI18n(locale)] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

const key = async (w: VueWrapper, k: string, init: KeyboardEventInit = {}) => {
  await w.get('[data-test="face-search"]').trigger('keydown', { key: k, ...init })
  await flushPromises()
}
const activeFace = (w: VueWrapper): string | undefined =>
  document.getElementById(w.get('[data-test="face-search"]').attributes('aria-activedescendant') ?? '')?.dataset['faceId']

describe('face picker', () => {
  it('is a combobox whose popup is a grid of rows of cells', async () => {
    const w = await mountPicker()
    const search = w.get('[data-test="face-search"]')
    expect(search.attributes('role')).toBe('combobox')
    expect(search.attributes('aria-haspopup')).toBe('grid')
    const grid = w.get('[role="grid"]')
    expect(search.attributes('aria-controls')).toBe(grid.attributes('id'))
    expect(grid.findAll('[role="row"]').length).toBeGreaterThan(10)
    expect(grid.findAll('[role="row"] > [role="gridcell"]')).toHaveLength(FACE_ENTRIES.length)
    expect(document.activeElement).toBe(search.element)
  })

  it('filters as one types, and Enter picks the best match', async () => {
    const w = await mountPicker()
    await w.get('[data-test="face-search"]').setValue('weixiao')
    await flushPromises()
    expect(w.findAll('[data-test="face-option"]')[0]!.attributes('data-face-id')).toBe('14')
    expect(activeFace(w)).toBe('14')
    await key(w, 'Enter')
    expect(w.emitted('pick')).toEqual([[14, '微笑']])
  })

  it('moves by cell and by row with the arrows, keeping the column', async () => {
    const w = await mountPicker()
    const order = FACE_ENTRIES.map(([id]) => String(id))
    expect(activeFace(w)).toBe(order[0])
    await key(w, 'ArrowRight')
    await key(w, 'ArrowRight')
    expect(activeFace(w)).toBe(order[2])
    await key(w, 'ArrowDown')
    expect(activeFace(w)).toBe(order[12])
    await key(w, 'ArrowUp')
    await key(w, 'ArrowLeft')
    expect(activeFace(w)).toBe(order[1])
    await key(w, 'ArrowLeft')
    await key(w, 'ArrowLeft')
    expect(activeFace(w)).toBe(order[0])
  })

  it('goes down from a short row of recent faces into the full rows below, in the same column or the last', async () => {
    const w = await mountPicker('zh-CN', [13, 46, 14])
    await key(w, 'ArrowRight')
    await key(w, 'ArrowDown')
    const rest = FACE_ENTRIES.map(([id]) => String(id)).filter((id) => !['13', '46', '14'].includes(id))
    expect(activeFace(w)).toBe(rest[1])
  })

  it('Escape first clears the search, then closes; a search without matches says so', async () => {
    const w = await mountPicker('en')
    await w.get('[data-test="face-search"]').setValue('qqqqzzzz')
    await flushPromises()
    expect(w.get('[data-test="face-none"]').text()).toBe('No face matches “qqqqzzzz”')
    await key(w, 'Enter')
    expect(w.emitted('pick')).toBeUndefined()
    await key(w, 'Escape')
    expect((w.get('[data-test="face-search"]').element as HTMLInputElement).value).toBe('')
    expect(w.emitted('close')).toBeUndefined()
    await key(w, 'Escape')
    expect(w.emitted('close')).toHaveLength(1)
  })

  it('names faces in English too when the app speaks English, and a click picks', async () => {
    const w = await mountPicker('en')
    const smile = w.get('[data-test="face-option"][data-face-id="14"]')
    expect(smile.attributes('aria-label')).toBe('smile · 微笑')
    await smile.trigger('click')
    expect(w.emitted('pick')).toEqual([[14, '微笑']])
  })
})
