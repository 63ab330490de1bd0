/**
 * A validated `message:send` request as the engine's SendInput: faces arrive by id only (the renderer
 * never decides what a face is called), so their names come from the shared face table here.
 */
import { faceName } from '../../shared/faces'
import type { InvokeRequest } from '../../shared/ipc'
import type { SendInput } from '../engine'

export function toEngineSend(request: InvokeRequest<'message:send'>): SendInput {
  const { kind, to, ref } = request
  if (request.segments === undefined) return { kind, to, text: request.text ?? '', ref }
  const segments = request.segments.map((s) => (s.type === 'face' ? { type: 'face' as const, id: s.id, name: faceName(s.id) } : s))
  return { kind, to, segments, ref }
}
