/**
 * Message search over two parts of the store, so that results are complete at any moment:
 *  - rows at or below the index watermark (fts_state.indexed_seq) through the FTS5 trigram index, which
 *    only says which messages hold every trigram of the query; an exact, case-folded check keeps those
 *    that hold the query itself;
 *  - rows above it (stored but not yet indexed by search-index.ts, normally the last fraction of a second,
 *    after a burst or a restart a few thousand) by scanning them directly with the same exact check.
 * Queries of 1-2 characters are shorter than a trigram and scan everything with LIKE, as before.
 * The watermark is read once per search and bounds both parts, so a row indexed in between is found once.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite'
import type { Position } from './cursor'
import { fullTextInUse } from './full-text'

/** The trigram tokenizer indexes 3-character windows; shorter queries cannot use it. */
export const FTS_MIN_CHARS = 3
/** Name of the SQL function that checks a candidate's text exactly (see registerContainsFolded). */
const CONTAINS_FOLDED = 'contains_folded'

interface RawRow {
  seq: number
  time: number
}

export class MessageSearch {
  private readonly q: Record<'watermark' | 'tailAll' | 'tailConv' | 'likeAll' | 'likeConv', StatementSync>
  /** The index's statements; null when the file is kept without FTS5 (full-text.ts): every row is then "tail". */
  private readonly fts: Record<'ftsAll' | 'ftsConv', StatementSync> | null

  /** `select` is the message row SELECT (aliases m, c, s) that every read of the history shares. */
  constructor(db: DatabaseSync, select: string) {
    registerContainsFolded(db)
    const olderThan = '(m.time, m.seq) < (?, ?)'
    const newestFirst = 'ORDER BY m.time DESC, m.seq DESC LIMIT ?'
    const p = (sql: string): StatementSync => db.prepare(sql)
    this.q = {
      watermark: p('SELECT indexed_seq AS seq FROM fts_state'),
      // Global search is in arrival (seq) order: it walks the index newest-stored first and stops after
      // `limit` hits; ordering by time instead would fetch and sort every match (100k+ rows for a common
      // word in a big store). The not-yet-indexed tail is newer than every indexed row, so it comes first.
      tailAll: p(`${select} WHERE m.seq > ? AND m.seq < ? AND ${CONTAINS_FOLDED}(m.text, ?) ORDER BY m.seq DESC LIMIT ?`),
      // Within a conversation the order is (time, seq) like paging; the two parts are merged by it.
      // `+m.conv` keeps the planner on the seq range of the (short) tail instead of the conversation's index.
      tailConv: p(`${select} WHERE m.seq > ? AND +m.conv = ? AND ${olderThan} AND ${CONTAINS_FOLDED}(m.text, ?) ${newestFirst}`),
      likeAll: p(`${select} WHERE m.text LIKE ? ESCAPE '\\' AND m.seq < ? ORDER BY m.seq DESC LIMIT ?`),
      likeConv: p(`${select} WHERE m.text LIKE ? ESCAPE '\\' AND m.conv = ? AND ${olderThan} ${newestFirst}`)
    }
    this.fts = fullTextInUse(db)
      ? {
          ftsAll: p(`${select} WHERE m.seq IN (SELECT t.seq FROM messages_fts JOIN messages t ON t.seq = messages_fts.rowid
            WHERE messages_fts MATCH ? AND messages_fts.rowid <= ? AND messages_fts.rowid < ? AND ${CONTAINS_FOLDED}(t.text, ?)
            ORDER BY messages_fts.rowid DESC LIMIT ?) ORDER BY m.seq DESC`),
          ftsConv: p(`${select} WHERE m.seq IN (SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? AND rowid <= ?)
            AND m.conv = ? AND ${olderThan} AND ${CONTAINS_FOLDED}(m.text, ?) ${newestFirst}`)
        }
      : null
  }

  /**
   * Raw message rows containing `needle`, newest first (by seq globally, by (time, seq) within
   * conversation `convId`), older than `before`, at most `limit`.
   */
  rows(needle: string, convId: number | null, before: Position, limit: number): unknown[] {
    const chars = [...needle]
    if (chars.length < FTS_MIN_CHARS) {
      // LIKE, escaped so that % and _ are literal.
      const pattern = `%${needle.replace(/[\\%_]/g, '\\$&')}%`
      if (convId === null) return this.q.likeAll.all(pattern, before.seq, limit)
      return this.q.likeConv.all(pattern, convId, before.time, before.seq, limit)
    }
    const trigrams = trigramQuery(chars)
    const folded = needle.toLowerCase()
    const fts = this.fts
    // Without the index every row is scanned, as the unindexed tail always is.
    const mark = fts ? (this.q.watermark.get() as { seq: number }).seq : 0
    if (convId === null) {
      const tail = this.q.tailAll.all(mark, before.seq, folded, limit)
      if (tail.length >= limit || !fts) return tail
      return tail.concat(fts.ftsAll.all(trigrams, mark, before.seq, folded, limit - tail.length))
    }
    const tail = this.q.tailConv.all(mark, convId, before.time, before.seq, folded, limit) as unknown as RawRow[]
    if (!fts) return tail
    const indexed = fts.ftsConv.all(trigrams, mark, convId, before.time, before.seq, folded, limit) as unknown as RawRow[]
    if (tail.length === 0) return indexed
    return tail
      .concat(indexed)
      .sort((a, b) => b.time - a.time || b.seq - a.seq)
      .slice(0, limit)
  }
}

/**
 * An FTS5 query that every message containing `chars` matches: an AND of quoted (so FTS syntax in the
 * query is plain text) trigrams, every third one plus the last so that together they cover each
 * character. More would rarely narrow the candidates further but each costs a doclist read.
 */
function trigramQuery(chars: readonly string[]): string {
  const starts = new Set<number>()
  for (let i = 0; i + FTS_MIN_CHARS <= chars.length; i += FTS_MIN_CHARS) starts.add(i)
  starts.add(chars.length - FTS_MIN_CHARS)
  const terms = new Set(
    [...starts].map(
      (i) =>
        `"${chars
          .slice(i, i + FTS_MIN_CHARS)
          .join('')
          .replaceAll('"', '""')}"`
    )
  )
  return [...terms].join(' AND ')
}

/**
 * contains_folded(text, foldedNeedle): whether text, lower-cased, contains the (already lower-cased)
 * needle. The exact check behind trigram candidates and over the unindexed tail; it folds beyond ASCII
 * like the trigram tokenizer does (case_sensitive=0), so 'ÉCOLE' finds 'école' in both parts alike.
 */
function registerContainsFolded(db: DatabaseSync): void {
  db.function(CONTAINS_FOLDED, { deterministic: true, directOnly: true }, (text, needle) =>
    typeof text === 'string' && typeof needle === 'string' && text.toLowerCase().includes(needle) ? 1 : 0
  )
}
