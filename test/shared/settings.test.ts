import { describe, expect, it } from 'vitest'
import * as v from 'valibot'
import { DEFAULT_SETTINGS, parseStoredSettings, settingsPatchSchema } from '../../src/shared/settings'

describe('settings schema', () => {
  it('keeps valid stored fields and defaults invalid ones', () => {
    const { settings, invalid } = parseStoredSettings({ locale: 'en', sendIntervalMs: 'fast', serverUrl: 'ftp://x' })
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, locale: 'en' })
    expect(invalid.sort()).toEqual(['sendIntervalMs', 'serverUrl'])
  })

  it('treats non-object stored data as defaults', () => {
    for (const raw of [null, 42, 'x', undefined]) expect(parseStoredSettings(raw).settings).toEqual(DEFAULT_SETTINGS)
  })

  it('accepts partial patches and rejects unknown keys', () => {
    expect(v.safeParse(settingsPatchSchema, { serverUrl: 'http://127.0.0.1:8080' }).success).toBe(true)
    expect(v.safeParse(settingsPatchSchema, { serverUrl: 'http://127.0.0.1:8080', admin: true }).success).toBe(false)
  })
})
