/**
 * The face picker's search: by the Chinese name (微笑), its pinyin in full or by initials (weixiao, wx),
 * or the English name (smile). Better matches first: the whole name, then a name that starts with the
 * query, then anything containing it; within one rank the table order is kept.
 */
import { FACE_ENGLISH_NAMES } from '../../../shared/faces'
import { PICKER_FACES } from './face-glyphs'
import { matchesName, normalizeQuery } from './pinyin-filter'

export interface FaceEntry {
  id: number
  name: string
}

function rank(face: FaceEntry, q: string): number {
  const zh = face.name.toLowerCase()
  const en = FACE_ENGLISH_NAMES[face.id] ?? ''
  if (zh === q || en === q) return 0
  if (zh.startsWith(q) || en.startsWith(q) || en.split(' ').some((w) => w.startsWith(q))) return 1
  if (zh.includes(q) || en.includes(q)) return 2
  // Pinyin in full or by initials (matchesName also covers the characters themselves).
  if (matchesName(face.name, q)) return 3
  return -1
}

/** Faces matching `query`, best first; every face (table order) for a blank query. */
export function searchFaces(query: string, faces: readonly FaceEntry[] = PICKER_FACES): FaceEntry[] {
  const q = normalizeQuery(query)
  if (q === '') return [...faces]
  const ranked: Array<{ face: FaceEntry; r: number; i: number }> = []
  faces.forEach((face, i) => {
    const r = rank(face, q)
    if (r >= 0) ranked.push({ face, r, i })
  })
  return ranked.sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.face)
}

/** The English name of a face, for its tooltip and accessible name in English. */
export function faceEnglishName(id: number): string | null {
  return FACE_ENGLISH_NAMES[id] ?? null
}
