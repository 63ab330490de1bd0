/**
 * Sandboxed preload: exposes `window.api` (named functions from the IPC contract) and nothing
 * else. The raw ipcRenderer and its event objects never reach the page (checklist #20).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { buildApi } from './api'

const api = buildApi({
  invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
  subscribe(channel, listener) {
    const wrapped = (_event: IpcRendererEvent, payload: unknown): void => listener(payload)
    ipcRenderer.on(channel, wrapped)
    return () => {
      ipcRenderer.removeListener(channel, wrapped)
    }
  }
})

contextBridge.exposeInMainWorld('api', api)
