import { ipcMain, type WebContents } from 'electron'
import { invokeSchemas, type EventChannel, type EventMap } from '../../shared/ipc'
import { createDispatcher, type InvokeHandlers, type SenderCheck } from '../ipc/dispatcher'

/** Registers one ipcMain.handle per contract channel, all through the validating dispatcher. */
export function registerIpcHandlers(handlers: InvokeHandlers, isTrustedSender: SenderCheck): () => void {
  const dispatch = createDispatcher(handlers, isTrustedSender)
  const channels = Object.keys(invokeSchemas)
  for (const channel of channels) {
    ipcMain.handle(channel, (event, payload: unknown) => dispatch(channel, event, payload))
  }
  return () => channels.forEach((channel) => ipcMain.removeHandler(channel))
}

/** Typed push to the renderer. */
export function sendEvent<C extends EventChannel>(contents: WebContents, channel: C, payload: EventMap[C]): void {
  if (!contents.isDestroyed()) contents.send(channel, payload)
}
