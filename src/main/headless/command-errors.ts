/**
 * A command that does not validate is answered with a sentence that names the field and what it must
 * be (`"limit" must be a whole number from 1 to 500 (got 0)`), not the schema library's wording: the
 * person reading it wrote the JSON line, not the schema.
 */
import type * as v from 'valibot'

export const COMMAND_NAMES = [
  'contacts',
  'members',
  'profile',
  'send',
  'history',
  'around',
  'search',
  'read',
  'export',
  'unread',
  'outbox',
  'retry',
  'logout',
  'quit'
] as const

const ID = 'a whole number of 0 or more (this session\'s id, from "contacts")'
const CURSOR = 'a cursor string from an earlier answer, or null'

/** What each field of a command must be, in the words of the headless contract (docs/headless.md). */
const EXPECTED: Record<string, string> = {
  cmd: `one of ${COMMAND_NAMES.join(', ')}`,
  ref: 'a string of your choice',
  kind: '"buddy", "group" or "discuss"',
  id: ID,
  to: ID,
  key: 'a conversation key starting with buddy:, group: or discuss:',
  limit: 'a whole number from 1 to 500',
  before: CURSOR,
  after: CURSOR,
  text: 'a non-empty string',
  segments: 'a non-empty list of segments ({"type":"text","text"}, {"type":"face","id"} or {"type":"image"})',
  type: '"text", "face" or "image"',
  name: 'a string (a face name)',
  query: 'a non-empty string',
  message: 'a message id (the "id" of a message)',
  format: '"txt" or "json"',
  path: 'a non-empty file path',
  refresh: 'true or false'
}

/** `segments[0].id` for the path of an issue. */
function fieldOf(issue: v.BaseIssue<unknown>): { path: string; last: string } | null {
  const keys = issue.path?.map((p) => p.key) ?? []
  if (keys.length === 0) return null
  const path = keys.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`)).join('')
  const last = [...keys].reverse().find((k) => typeof k === 'string')
  return { path, last: typeof last === 'string' ? last : path }
}

function shown(value: unknown): string {
  const text = value === undefined ? 'nothing' : JSON.stringify(value)
  return text.length > 40 ? `${text.slice(0, 40)}…` : text
}

/** One sentence for the first issue of a command that did not validate. */
export function describeIssue(issue: v.BaseIssue<unknown>, raw: unknown): string {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'expected a JSON object with a "cmd" field, like {"cmd":"contacts"}'
  const field = fieldOf(issue)
  // Checks across fields (give "key", or "kind" and "id") carry their own sentence and no path.
  if (field === null) return issue.message
  if (field.path === 'cmd' && !('cmd' in raw)) return `"cmd" is missing: it must be ${EXPECTED.cmd}`
  const inSegments = field.path.startsWith('segments[')
  const expected = inSegments && field.last === 'id' ? 'a face number (0 or more)' : (EXPECTED[field.last] ?? 'something else')
  if (issue.input === undefined) return `"${field.path}" is missing: it must be ${expected}`
  // members takes only groups and discussions.
  const what = field.path === 'kind' && (raw as { cmd?: unknown }).cmd === 'members' ? '"group" or "discuss"' : expected
  return `"${field.path}" must be ${what} (got ${shown(issue.input)})`
}
