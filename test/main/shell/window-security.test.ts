import { describe, expect, it, vi } from 'vitest'
import { mainWindowOptions } from '../../../src/main/shell/window-options'
import { lockDownWebContents, type WebContentsLike } from '../../../src/main/security/web-contents'
import { denyAllPermissions, type SessionLike } from '../../../src/main/security/permissions'
import { toSafeExternalUrl } from '../../../src/main/security/external-url'
import { createSenderCheck } from '../../../src/main/security/sender'

describe('main window webPreferences', () => {
  const prefs = mainWindowOptions('/app/out/preload/index.cjs').webPreferences!

  it.each([
    ['sandbox', true],
    ['contextIsolation', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['webviewTag', false]
  ] as const)('%s is %s', (key, expected) => {
    expect(prefs[key]).toBe(expected)
  })

  it('loads the bundled CJS preload and enables no blink features', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs')
    expect(prefs.enableBlinkFeatures).toBeUndefined()
  })
})

function fakeContents() {
  const listeners = new Map<string, (event: { preventDefault(): void }, url?: string) => void>()
  let openHandler: ((d: { url: string }) => { action: 'deny' }) | null = null
  const contents: WebContentsLike = {
    on: ((name: string, listener: (event: { preventDefault(): void }, url?: string) => void) => {
      listeners.set(name, listener)
      return contents
    }) as WebContentsLike['on'],
    setWindowOpenHandler: (handler) => {
      openHandler = handler
    }
  }
  const fire = (name: string, url = 'https://evil.example/') => {
    const event = { preventDefault: vi.fn() }
    listeners.get(name)?.(event, url)
    return event.preventDefault
  }
  return { contents, fire, open: (url: string) => openHandler!({ url }) }
}

describe('navigation and popups', () => {
  it('blocks will-navigate, will-redirect and webview attachment', () => {
    const f = fakeContents()
    lockDownWebContents(f.contents, vi.fn())
    expect(f.fire('will-navigate')).toHaveBeenCalledOnce()
    expect(f.fire('will-redirect')).toHaveBeenCalledOnce()
    expect(f.fire('will-attach-webview')).toHaveBeenCalledOnce()
  })

  it('denies every window.open and opens only safe links externally, re-serialised', () => {
    const f = fakeContents()
    const openExternal = vi.fn()
    lockDownWebContents(f.contents, openExternal)
    expect(f.open('https://w.qq.com/a b')).toEqual({ action: 'deny' })
    expect(f.open('file:///etc/passwd')).toEqual({ action: 'deny' })
    expect(f.open('javascript:alert(1)')).toEqual({ action: 'deny' })
    expect(f.open('smb://host/share')).toEqual({ action: 'deny' })
    expect(openExternal.mock.calls).toEqual([['https://w.qq.com/a%20b']])
  })
})

describe('toSafeExternalUrl', () => {
  it.each([
    ['https://example.com/x?y=1', 'https://example.com/x?y=1'],
    ['HTTP://EXAMPLE.com', 'http://example.com/'],
    ['mailto:someone@example.com', 'mailto:someone@example.com'],
    ['https://user:pw@example.com/', null],
    ['ms-settings:privacy', null],
    ['vbscript:msgbox', null],
    ['not a url', null]
  ])('%s -> %s', (raw, expected) => {
    expect(toSafeExternalUrl(raw)).toBe(expected)
  })
})

describe('permissions', () => {
  it('denies every permission request and check', () => {
    let request: Parameters<SessionLike['setPermissionRequestHandler']>[0] = null
    let check: Parameters<SessionLike['setPermissionCheckHandler']>[0] = null
    denyAllPermissions({
      setPermissionRequestHandler: (h) => (request = h),
      setPermissionCheckHandler: (h) => (check = h)
    })
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn()
      request!({}, permission, callback)
      expect(callback).toHaveBeenCalledWith(false)
      expect(check!({}, permission)).toBe(false)
    }
  })
})

describe('sender check', () => {
  it('accepts only the app page for file URLs', () => {
    const check = createSenderCheck('file:///opt/app/out/renderer/index.html')
    expect(check('file:///opt/app/out/renderer/index.html')).toBe(true)
    expect(check('file:///opt/app/out/renderer/index.html#/chat')).toBe(true)
    expect(check('file:///tmp/evil.html')).toBe(false)
    expect(check('https://evil.example/')).toBe(false)
    expect(check('not a url')).toBe(false)
  })

  it('file URLs: any host, another scheme spelling or a rewritten path is not the app page', () => {
    const check = createSenderCheck('file:///opt/app/out/renderer/index.html')
    for (const url of [
      'file://evil.example/opt/app/out/renderer/index.html',
      'file://localhost/opt/app/out/renderer/index.html',
      'file://127.0.0.1/opt/app/out/renderer/index.html',
      'FILE:///opt/app/out/renderer/index.html',
      'File:///opt/app/out/renderer/index.html',
      'file:///opt/app/out/renderer/./index.html',
      'file:///opt/app/out/renderer/x/../index.html',
      'file:////opt/app/out/renderer/index.html',
      'file://evil.example/opt/app/out/renderer/index.html?conversation=buddy:1'
    ])
      expect([url, check(url)]).toEqual([url, false])
    // The app's own pop-out windows carry a query.
    expect(check('file:///opt/app/out/renderer/index.html?conversation=buddy:1')).toBe(true)
  })

  it('http pages: the origin must be spelled exactly (no mixed-case scheme, no credentials)', () => {
    const check = createSenderCheck('http://127.0.0.1:5173/')
    for (const url of [
      'HTTP://127.0.0.1:5173/',
      'Http://127.0.0.1:5173/index.html',
      'http://user:pw@127.0.0.1:5173/',
      'http://127.0.0.1:5173@evil.example/'
    ])
      expect([url, check(url)]).toEqual([url, false])
    expect(check('http://127.0.0.1:5173/#/chat')).toBe(true)
  })

  it('accepts only the same origin for http pages', () => {
    const check = createSenderCheck('http://127.0.0.1:5173/')
    expect(check('http://127.0.0.1:5173/index.html')).toBe(true)
    expect(check('http://127.0.0.1:5174/')).toBe(false)
    expect(check('http://localhost:5173/')).toBe(false)
  })
})
