/**
 * Operating the reka-ui controls in happy-dom the way a keyboard user does (menus and selects
 * render their popups into <body>, outside the mounted wrapper).
 */
import { flushPromises } from '@vue/test-utils'

export function inBody<T extends HTMLElement = HTMLElement>(selector: string): T {
  const found = document.body.querySelector<T>(selector)
  if (!found) throw new Error(`${selector} is not in the document`)
  return found
}

export const byTest = (id: string): string => `[data-test="${id}"]`

async function key(element: HTMLElement, name: string): Promise<void> {
  element.focus()
  element.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }))
  await flushPromises()
}

/** Opens a drop-down menu or select from its trigger with the keyboard. */
export async function openPopup(triggerTest: string): Promise<void> {
  await key(inBody(byTest(triggerTest)), 'Enter')
}

/** Chooses an item of an open menu or select (Enter on it, as a keyboard user does). */
export async function chooseItem(itemTest: string): Promise<void> {
  await key(inBody(byTest(itemTest)), 'Enter')
}

/** Picks `value` in a UiSelect whose testId is `selectTest`. */
export async function pickSelect(selectTest: string, value: string): Promise<void> {
  await openPopup(selectTest)
  await chooseItem(`${selectTest}-${value}`)
}

/** Clicks a radio item or switch (a button in reka-ui). */
export async function press(test: string): Promise<void> {
  inBody(byTest(test)).click()
  await flushPromises()
}
