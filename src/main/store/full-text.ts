/**
 * Full-text search needs SQLite's FTS5 with its trigram tokenizer, and not every runtime has it: the
 * SQLite bundled with Node 22.13–22.15 was built without FTS5, and an Electron could ship one too. A
 * store opened there must still sign in, store and search (a failed sign-in for a missing index would be
 * absurd), so the store runs without the index:
 *
 *  - fresh files are created without the FTS table and its triggers (migrations with those statements
 *    left out, `withoutFullText`);
 *  - an existing file's FTS triggers, which would fail every delete or text update with "no such module",
 *    are dropped and the index watermark is set to 0 (`suspendFullText`): search then scans every row
 *    with the exact check it already uses for the not-yet-indexed tail (search.ts), slower but complete;
 *  - once the file is opened again where FTS5 exists, the table and triggers are (re)made, the index
 *    emptied and the watermark left at 0 (`resumeFullText`): the background indexer rebuilds it.
 *
 * Whether the index is in use is read from the schema (the delete trigger exists only with it), so the
 * search code needs no flag of its own.
 */
import type { DatabaseSync } from 'node:sqlite'

/** The trigger that exists exactly while the file is kept with its full-text index. */
export const FULL_TEXT_TRIGGER = 'messages_fts_delete'

/** Whether this runtime's SQLite has FTS5 with the trigram tokenizer (tried on a throwaway temp table). */
export function fts5Available(db: DatabaseSync): boolean {
  try {
    db.exec(`CREATE VIRTUAL TABLE temp.qq_fts5_probe USING fts5 (x, tokenize = 'trigram')`)
    db.exec('DROP TABLE temp.qq_fts5_probe')
    return true
  } catch {
    return false
  }
}

/** Whether the file's full-text index is kept up to date (and so may be searched). */
export function fullTextInUse(db: DatabaseSync): boolean {
  const row = db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE type = 'trigger' AND name = ?`).get(FULL_TEXT_TRIGGER) as { n: number }
  return row.n > 0
}

/**
 * A migration's SQL without the statements that touch the FTS table (its creation, triggers, rebuild).
 * Statements end at a `;` line end, except inside CREATE TRIGGER … END; whose body holds `;` of its own.
 */
export function withoutFullText(sql: string): string {
  const statements: string[] = []
  let current: string[] = []
  let inTrigger = false
  for (const line of sql.split('\n')) {
    if (current.length === 0 && line.trim() === '') continue
    current.push(line)
    if (/^\s*CREATE TRIGGER\b/i.test(line)) inTrigger = true
    const ends = inTrigger ? /^\s*END;\s*$/i.test(line) : /;\s*$/.test(line)
    if (ends) {
      statements.push(current.join('\n'))
      current = []
      inTrigger = false
    }
  }
  if (current.length > 0) statements.push(current.join('\n'))
  return statements.filter((s) => !/messages_fts/i.test(s.replace(/^\s*--.*$/gm, ''))).join('\n')
}

/** The file is used without FTS5: no trigger may reach the FTS table, and every row counts as unindexed. */
export function suspendFullText(db: DatabaseSync): void {
  db.exec('BEGIN IMMEDIATE')
  try {
    for (const name of ['messages_fts_insert', 'messages_fts_delete', 'messages_fts_update']) db.exec(`DROP TRIGGER IF EXISTS ${name}`)
    db.exec('UPDATE fts_state SET indexed_seq = 0')
    db.exec('COMMIT')
  } catch (err) {
    rollback(db)
    throw err
  }
}

/** FTS5 is here: make sure the index and its triggers exist; after a spell without them, rebuild from 0. */
export function resumeFullText(db: DatabaseSync): void {
  if (fullTextInUse(db)) return
  const table = db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE name = 'messages_fts'`).get() as { n: number }
  db.exec('BEGIN IMMEDIATE')
  try {
    if (table.n === 0) {
      db.exec(`CREATE VIRTUAL TABLE messages_fts USING fts5 (
        text, content = 'messages', content_rowid = 'seq', tokenize = 'trigram', detail = none
      )`)
    } else {
      // Rows deleted or edited while the triggers were gone left stale entries: start the index over.
      db.exec(`INSERT INTO messages_fts (messages_fts) VALUES ('delete-all')`)
    }
    db.exec('UPDATE fts_state SET indexed_seq = 0')
    // The same triggers as the background-index migration (schema.ts): they touch indexed rows only.
    db.exec(`CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages
      WHEN old.seq <= (SELECT indexed_seq FROM fts_state) BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.seq, old.text);
      END`)
    db.exec(`CREATE TRIGGER messages_fts_update AFTER UPDATE OF text ON messages
      WHEN old.seq <= (SELECT indexed_seq FROM fts_state) BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.seq, old.text);
        INSERT INTO messages_fts (rowid, text) VALUES (new.seq, new.text);
      END`)
    db.exec('COMMIT')
  } catch (err) {
    rollback(db)
    throw err
  }
}

/**
 * Ends the open transaction, if any. `db.isTransaction` only exists from Node 22.16; before that a
 * ROLLBACK with nothing open throws, which is harmless here.
 */
export function rollback(db: DatabaseSync): void {
  if (db.isTransaction === false) return
  try {
    db.exec('ROLLBACK')
  } catch {
    // No transaction was open (older Node without isTransaction), or the connection is broken.
  }
}
