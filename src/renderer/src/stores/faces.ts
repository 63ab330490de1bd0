import { defineStore } from 'pinia'
import { ref } from 'vue'
import * as v from 'valibot'
import { isKnownFace } from '../../../shared/faces'

/** Where the recently used faces are kept (this renderer's localStorage; nothing secret). */
export const RECENT_FACES_KEY = 'qq.recent-faces'
export const MAX_RECENT_FACES = 16

const RecentSchema = v.array(v.pipe(v.number(), v.integer()))

function read(): number[] {
  try {
    const parsed = v.safeParse(RecentSchema, JSON.parse(localStorage.getItem(RECENT_FACES_KEY) ?? '[]'))
    // A damaged or hand-edited value is ignored rather than shown: unknown ids are dropped.
    return parsed.success ? [...new Set(parsed.output.filter(isKnownFace))].slice(0, MAX_RECENT_FACES) : []
  } catch {
    return []
  }
}

/** The face picker's "recently used" row, most recent first, kept across restarts. */
export const useFacesStore = defineStore('faces', () => {
  const recent = ref<number[]>(read())

  function use(id: number): void {
    if (!isKnownFace(id)) return
    recent.value = [id, ...recent.value.filter((x) => x !== id)].slice(0, MAX_RECENT_FACES)
    try {
      localStorage.setItem(RECENT_FACES_KEY, JSON.stringify(recent.value))
    } catch {
      // Storage full or unavailable: the list still works for this session.
    }
  }

  return { recent, use }
})
