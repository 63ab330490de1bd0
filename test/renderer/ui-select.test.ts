/**
 * The drop-down's closed state names the chosen value in the current language: after a language switch
 * it read the old label (reka-ui's SelectValue keeps the text of the item it last rendered).
 */
import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h, ref } from 'vue'
import UiSelect from '../../src/renderer/src/components/ui/UiSelect.vue'

describe('UiSelect', () => {
  it('shows the label of the chosen value, and follows the labels when they change', async () => {
    const labels = ref({ here: '当前会话', all: '全部会话' })
    const value = ref<'here' | 'all'>('all')
    const host = defineComponent({
      setup: () => () =>
        h(UiSelect, {
          modelValue: value.value,
          'onUpdate:modelValue': (v: string) => (value.value = v as 'here' | 'all'),
          options: [
            { value: 'here', label: labels.value.here },
            { value: 'all', label: labels.value.all }
          ],
          label: 'scope',
          testId: 'scope'
        })
    })
    const wrapper = mount(host, { attachTo: document.body })
    await flushPromises()
    const trigger = () => wrapper.get('[data-test="scope"]').text()
    expect(trigger()).toBe('全部会话')
    labels.value = { here: 'This conversation', all: 'All conversations' }
    await flushPromises()
    expect(trigger()).toBe('All conversations')
    value.value = 'here'
    await flushPromises()
    expect(trigger()).toBe('This conversation')
    wrapper.unmount()
  })
})
