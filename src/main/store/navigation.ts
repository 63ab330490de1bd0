/**
 * Moving through a conversation from anywhere in it (a search hit): the page AROUND a message, pages
 * NEWER than a cursor, and the "messages may be missing here" gaps the engine records.
 *
 * Everything is keyset on (time, seq) like history.ts, so a jump deep into a million-message store costs
 * the same as opening the newest page. A gap sits at a keyset position (the newest stored message when
 * it was recorded); a page marks the first message after it (`gapBefore`), but only when an older message
 * of that conversation exists, because a marker above a conversation's very first message says nothing.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite'
import * as v from 'valibot'
import type { GapReason } from '../../shared/messenger'
import { decodeCursor, type Position } from './cursor'
import { guarded } from './db'
import { MESSAGE_SELECT, clampLimit, toMessage } from './message-rows'
import type { AroundQuery, GapInfo, MessagePage, StoredAround, StoredMessage } from './types'

const DEFAULT_AROUND = 25

const GapRowSchema = v.object({
  time: v.number(),
  seq: v.number(),
  reason: v.picklist(['relink', 'session-ended', 'outage', 'broken-answer']),
  recorded_at: v.number()
})

export class Navigation {
  private readonly q: Record<'newer' | 'newest' | 'lastGap' | 'insertGap' | 'gapsIn' | 'allGaps', StatementSync>

  constructor(db: DatabaseSync) {
    const p = (sql: string): StatementSync => db.prepare(sql)
    this.q = {
      newer: p(`${MESSAGE_SELECT} WHERE m.conv = ? AND (m.time, m.seq) > (?, ?) ORDER BY m.time, m.seq LIMIT ?`),
      // After EVERY stored message: the latest time of any conversation (their last_time, a small table)
      // with the highest seq (the rowid, no scan); messages stored later sort after it.
      newest: p(`SELECT max(time, coalesce((SELECT max(last_time) FROM conversations), 0)) AS time, seq FROM messages
        ORDER BY seq DESC LIMIT 1`),
      lastGap: p(`SELECT after_time AS time, after_seq AS seq FROM history_gaps
        WHERE conversation IS ? ORDER BY id DESC LIMIT 1`),
      insertGap: p(`INSERT INTO history_gaps (conversation, after_time, after_seq, reason, recorded_at)
        VALUES (?, ?, ?, ?, ?)`),
      // Gaps of this conversation (or global ones) from `oldest` (or the message before it) up to `newest`.
      gapsIn: p(`SELECT after_time AS time, after_seq AS seq, reason, recorded_at FROM history_gaps
        WHERE (conversation IS NULL OR conversation = ?) AND (after_time, after_seq) < (?, ?)
        AND ((after_time, after_seq) >= (?, ?) OR (after_time, after_seq) >= (SELECT m.time, m.seq FROM messages m
          WHERE m.conv = ? AND (m.time, m.seq) < (?, ?) ORDER BY m.time DESC, m.seq DESC LIMIT 1))
        ORDER BY after_time, after_seq`),
      allGaps: p(`SELECT after_time AS time, after_seq AS seq, reason, recorded_at FROM history_gaps
        WHERE conversation IS NULL OR conversation = ? ORDER BY after_time, after_seq`)
    }
  }

  /**
   * Records that messages may be missing after everything stored so far (`conversation` null: in every
   * conversation). Returns null when there is nothing to be missing after (an empty store) or when the
   * previous gap is still the newest thing (a second relink before any new message adds no new marker).
   */
  recordGap(reason: GapReason, conversation: string | null, recordedAt: number): GapInfo | null {
    return guarded('recordGap', () => {
      const newest = this.q.newest.get() as { time: number; seq: number } | undefined
      if (!newest) return null
      const last = this.q.lastGap.get(conversation) as { time: number; seq: number } | undefined
      if (last && last.seq === newest.seq) return null
      this.q.insertGap.run(conversation, newest.time, newest.seq, reason, recordedAt)
      return { reason, recordedAt }
    })
  }

  /** Every gap that applies to a conversation, oldest first (positions as keyset cursors' parts). */
  gaps(conversation: string): Array<GapInfo & Position> {
    return guarded('gaps', () => this.q.allGaps.all(conversation)).map((r) => {
      const g = v.parse(GapRowSchema, r)
      return { time: g.time, seq: g.seq, reason: g.reason, recordedAt: g.recorded_at }
    })
  }

  /** Sets `gapBefore` on messages (newest first, one conversation) that follow a recorded gap. */
  annotate(convId: number, conversation: string, newestFirst: StoredMessage[]): void {
    if (newestFirst.length === 0) return
    const newest = decodeCursor(newestFirst[0]!.cursor)
    const oldest = decodeCursor(newestFirst[newestFirst.length - 1]!.cursor)
    const rows = guarded('read gaps', () =>
      this.q.gapsIn.all(conversation, newest.time, newest.seq, oldest.time, oldest.seq, convId, oldest.time, oldest.seq)
    )
    if (rows.length === 0) return
    let i = newestFirst.length - 1
    for (const raw of rows) {
      const gap = v.parse(GapRowSchema, raw)
      // The first message (oldest first) after the gap's position carries it.
      while (i >= 0 && !after(decodeCursor(newestFirst[i]!.cursor), gap)) i--
      if (i < 0) break
      newestFirst[i]!.gapBefore ??= { reason: gap.reason, recordedAt: gap.recorded_at }
    }
  }

  /** Messages newer than `after`, newest first; `next` continues towards the newest (null once reached). */
  newerPage(convId: number, afterCursor: string, limit: number): MessagePage {
    const from = decodeCursor(afterCursor)
    const rows = guarded('read newer messages', () => this.q.newer.all(convId, from.time, from.seq, limit + 1))
    const ascending = rows.slice(0, limit).map(toMessage)
    const next = rows.length > limit ? ascending[ascending.length - 1]!.cursor : null
    return { messages: ascending.reverse(), next }
  }

  /**
   * The anchor message with up to `limit` older and `limit` newer ones. `olderPage` is history.ts's
   * keyset page (passed in so both directions read exactly as paging does).
   */
  around(convId: number, query: AroundQuery, anchor: StoredMessage, olderPage: (before: string, limit: number) => MessagePage): StoredAround {
    const limit = clampLimit(query.limit, DEFAULT_AROUND)
    const older = olderPage(anchor.cursor, limit)
    const newer = this.newerPage(convId, anchor.cursor, limit)
    return {
      messages: [...newer.messages, anchor, ...older.messages],
      anchor: anchor.id,
      older: older.next,
      newer: newer.next
    }
  }
}

function after(p: Position, gap: { time: number; seq: number }): boolean {
  return p.time > gap.time || (p.time === gap.time && p.seq > gap.seq)
}
