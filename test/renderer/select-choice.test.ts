import { describe, expect, it } from 'vitest'
import { selectChoice } from '../../src/renderer/src/lib/select-choice'

function changeTo(value: string): Event {
  const select = document.createElement('select')
  for (const v of ['a', 'b', 'tampered']) {
    const option = document.createElement('option')
    option.value = v
    select.append(option)
  }
  select.value = value
  const event = new Event('change')
  select.dispatchEvent(event)
  return event
}

describe('selectChoice', () => {
  it('returns the picked value only when it is one of the choices', () => {
    expect(selectChoice(changeTo('b'), ['a', 'b'] as const)).toBe('b')
    expect(selectChoice(changeTo('tampered'), ['a', 'b'] as const)).toBeUndefined()
  })
})
