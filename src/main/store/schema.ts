/**
 * Schema and migrations, tracked with PRAGMA user_version. Migration N moves the file from version
 * N-1 to N inside one transaction; never edit a shipped migration, add a new one.
 */
import type { DatabaseSync } from 'node:sqlite'
import { StoreError } from './errors'

const KINDS = `('buddy','group','discuss')`
const DELIVERY_STATES = `('queued','sending','sent','unconfirmed','failed')`

/** v1: history only. */
const V1 = `
CREATE TABLE conversations (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ${KINDS}),
  title TEXT NOT NULL DEFAULT '',
  last_time INTEGER,
  last_seq INTEGER,
  last_preview TEXT,
  last_sender_name TEXT,
  unread INTEGER NOT NULL DEFAULT 0,
  read_time INTEGER,
  read_seq INTEGER
);
-- (sender key, display name at the time) pairs, interned: a message row then holds one small integer
-- instead of two strings, which matters at a million messages.
CREATE TABLE senders (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL,
  name TEXT NOT NULL,
  UNIQUE (key, name)
);
CREATE TABLE messages (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  conv INTEGER NOT NULL,
  sender INTEGER NOT NULL,
  self INTEGER NOT NULL,
  time INTEGER NOT NULL,
  -- NULL when the message is one text segment equal to text; otherwise the compact form of segment-codec.ts.
  segs TEXT,
  text TEXT NOT NULL
);
-- The implicit seq at the end of the index makes (conv, time, seq) a unique keyset order.
CREATE INDEX messages_by_conv_time ON messages (conv, time);
-- External-content FTS: the text is stored once (in messages), the index holds only trigrams.
CREATE VIRTUAL TABLE messages_fts USING fts5 (
  text, content = 'messages', content_rowid = 'seq', tokenize = 'trigram', detail = full
);
CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
  INSERT INTO messages_fts (rowid, text) VALUES (new.seq, new.text);
END;
CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
  INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.seq, old.text);
END;
CREATE TRIGGER messages_fts_update AFTER UPDATE OF text ON messages BEGIN
  INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.seq, old.text);
  INSERT INTO messages_fts (rowid, text) VALUES (new.seq, new.text);
END;
`

/** v2: the persisted outbox, and delivery linkage on our own messages. */
const V2 = `
CREATE TABLE outbox (
  -- AUTOINCREMENT: ids are never reused, so history ids 'outbox:<id>' stay unique forever.
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  ref TEXT,
  conversation TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ${KINDS}),
  target TEXT NOT NULL,
  segments TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ${DELIVERY_STATES}),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  next_attempt_at INTEGER NOT NULL,
  message_id TEXT
);
CREATE INDEX outbox_by_state ON outbox (state, conversation, id);
CREATE INDEX outbox_by_ref ON outbox (ref) WHERE ref IS NOT NULL;
ALTER TABLE messages ADD COLUMN outbox_id INTEGER;
ALTER TABLE messages ADD COLUMN ref TEXT;
ALTER TABLE messages ADD COLUMN state TEXT CHECK (state IN ${DELIVERY_STATES});
CREATE INDEX messages_by_outbox ON messages (outbox_id) WHERE outbox_id IS NOT NULL;
`

/**
 * v3: the trigram index keeps only which messages hold a trigram (detail=none), not where: about a third
 * of the work and size per message, which is what held poll bursts below 20k msg/s. Phrases of more than
 * one trigram are then searched as an AND of trigrams plus an exact check on the text (history.ts).
 * Rows are indexed by appendBatch in one statement per batch instead of a per-row trigger: FTS5 writes a
 * new segment at the end of every statement that fed it, and one segment per batch merges far cheaper
 * than one per 200 rows. The delete/update triggers stay so the external-content index cannot go stale.
 * 'rebuild' indexes the existing rows (about 20 s for a million messages, once).
 */
const V3 = `
DROP TRIGGER messages_fts_insert;
DROP TRIGGER messages_fts_delete;
DROP TRIGGER messages_fts_update;
DROP TABLE messages_fts;
CREATE VIRTUAL TABLE messages_fts USING fts5 (
  text, content = 'messages', content_rowid = 'seq', tokenize = 'trigram', detail = none
);
INSERT INTO messages_fts (messages_fts) VALUES ('rebuild');
CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
  INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.seq, old.text);
END;
CREATE TRIGGER messages_fts_update AFTER UPDATE OF text ON messages BEGIN
  INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.seq, old.text);
  INSERT INTO messages_fts (rowid, text) VALUES (new.seq, new.text);
END;
`

/**
 * Per-conversation preferences (pin, mute, draft), keyed by the stable conversation key so they survive
 * logins. A row exists only while something differs from the defaults (prefs.ts deletes it otherwise).
 */
const V_CONVERSATION_PREFS = `
CREATE TABLE conversation_prefs (
  key TEXT PRIMARY KEY,
  pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
  muted INTEGER NOT NULL DEFAULT 0 CHECK (muted IN (0, 1)),
  draft TEXT,
  draft_time INTEGER
);
`

/**
 * "Messages may be missing here" points (navigation.ts): after the stored message at (after_time,
 * after_seq), in one conversation (its stable key) or in every conversation (NULL). Recorded by the engine
 * when a session was relinked or ended, or polls failed for long; kept so the marker survives a restart.
 */
const V_HISTORY_GAPS = `
CREATE TABLE history_gaps (
  id INTEGER PRIMARY KEY,
  conversation TEXT,
  after_time INTEGER NOT NULL,
  after_seq INTEGER NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('relink', 'session-ended', 'outage')),
  recorded_at INTEGER NOT NULL
);
CREATE INDEX history_gaps_by_position ON history_gaps (after_time, after_seq);
`

/**
 * Search indexing leaves the write path (search-index.ts): appendBatch stores rows only and a background
 * indexer feeds messages_fts with the rows above fts_state.indexed_seq, moving the watermark in the same
 * transaction. Every row stored before this version is already indexed (v3 indexed in appendBatch).
 * The delete/update triggers touch the index only for indexed rows: an external-content FTS5 table must
 * never be told to delete a row it does not hold.
 */
const V_BACKGROUND_SEARCH_INDEX = `
CREATE TABLE fts_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  indexed_seq INTEGER NOT NULL
);
INSERT INTO fts_state (id, indexed_seq) VALUES (1, (SELECT coalesce(max(seq), 0) FROM messages));
DROP TRIGGER messages_fts_delete;
DROP TRIGGER messages_fts_update;
CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages
WHEN old.seq <= (SELECT indexed_seq FROM fts_state) BEGIN
  INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.seq, old.text);
END;
CREATE TRIGGER messages_fts_update AFTER UPDATE OF text ON messages
WHEN old.seq <= (SELECT indexed_seq FROM fts_state) BEGIN
  INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.seq, old.text);
  INSERT INTO messages_fts (rowid, text) VALUES (new.seq, new.text);
END;
`

/**
 * Repairs message times no SmartQQ message can have (before 2000-01-01, or a day or more after the
 * repair), stored before appendBatch replaced them (message-writer.ts plausibleTime): such a row sorted above
 * everything for ever, so paging started below it and its conversation's preview stayed pinned on it. It
 * takes the time of the message stored just before it (the closest thing to when it arrived), or the
 * time of the repair; previews and read positions that pointed at such times are recomputed.
 */
const V_REPAIR_IMPOSSIBLE_TIMES = `
UPDATE messages SET time = coalesce(
  (SELECT p.time FROM messages p
    WHERE p.seq < messages.seq AND p.time BETWEEN 946684800 AND unixepoch() + 86400 ORDER BY p.seq DESC LIMIT 1),
  unixepoch())
WHERE time < 946684800 OR time > unixepoch() + 86400 OR typeof(time) <> 'integer';
UPDATE conversations SET
  last_time = (SELECT m.time FROM messages m WHERE m.conv = conversations.id ORDER BY m.time DESC, m.seq DESC LIMIT 1),
  last_seq = (SELECT m.seq FROM messages m WHERE m.conv = conversations.id ORDER BY m.time DESC, m.seq DESC LIMIT 1),
  last_preview = (SELECT substr(m.text, 1, 60) FROM messages m WHERE m.conv = conversations.id ORDER BY m.time DESC, m.seq DESC LIMIT 1),
  last_sender_name = (SELECT s.name FROM messages m JOIN senders s ON s.id = m.sender
    WHERE m.conv = conversations.id ORDER BY m.time DESC, m.seq DESC LIMIT 1)
WHERE last_time < 946684800 OR last_time > unixepoch() + 86400 OR typeof(last_time) NOT IN ('integer', 'null');
UPDATE conversations SET read_time = last_time, read_seq = last_seq
WHERE read_time < 946684800 OR read_time > unixepoch() + 86400 OR typeof(read_time) NOT IN ('integer', 'null');
`

/**
 * Outages (issue 15): a gap reason for a poll answer that came back broken after the server may have
 * handed its messages over ('broken-answer'; SQLite cannot widen a CHECK, so the table is rebuilt),
 * and `snapshots`: small JSON documents of the account, such as the last contact list, so the
 * messenger can show contacts read-only while the server cannot be reached.
 */
const V_OUTAGE = `
CREATE TABLE history_gaps_new (
  id INTEGER PRIMARY KEY,
  conversation TEXT,
  after_time INTEGER NOT NULL,
  after_seq INTEGER NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('relink', 'session-ended', 'outage', 'broken-answer')),
  recorded_at INTEGER NOT NULL
);
INSERT INTO history_gaps_new SELECT id, conversation, after_time, after_seq, reason, recorded_at FROM history_gaps;
DROP TABLE history_gaps;
ALTER TABLE history_gaps_new RENAME TO history_gaps;
CREATE INDEX history_gaps_by_position ON history_gaps (after_time, after_seq);
CREATE TABLE snapshots (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  saved_at INTEGER NOT NULL
);
`

/**
 * The sender's font with each message (font-codec.ts; NULL = none known). A plain nullable column: adding
 * it rewrites nothing, and old rows read back as "no font".
 */
const V_MESSAGE_FONTS = `
ALTER TABLE messages ADD COLUMN font TEXT;
`

/** MIGRATIONS[i] takes version i to i + 1. */
export const MIGRATIONS: readonly string[] = [
  V1,
  V2,
  V3,
  V_CONVERSATION_PREFS,
  V_HISTORY_GAPS,
  V_BACKGROUND_SEARCH_INDEX,
  V_REPAIR_IMPOSSIBLE_TIMES,
  V_OUTAGE,
  V_MESSAGE_FONTS
]
export const LATEST_VERSION = MIGRATIONS.length
/** The version the impossible-times repair brings a file to (its test starts one before). */
export const REPAIR_TIMES_VERSION = MIGRATIONS.indexOf(V_REPAIR_IMPOSSIBLE_TIMES) + 1
/** The version that stores fonts (its test starts one before). */
export const MESSAGE_FONTS_VERSION = MIGRATIONS.indexOf(V_MESSAGE_FONTS) + 1

export function readVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number }
  return row.user_version
}

/**
 * Brings the file to `target` (default: latest); returns the version it started from. `adapt` rewrites a
 * migration's SQL before it runs (full-text.ts leaves the FTS statements out where SQLite has no FTS5).
 */
export function migrate(db: DatabaseSync, target = LATEST_VERSION, adapt: (sql: string) => string = (sql) => sql): number {
  const from = readVersion(db)
  if (from > LATEST_VERSION) {
    throw new StoreError('too-new', `history file has schema v${from}, this app knows up to v${LATEST_VERSION}`)
  }
  for (let v = from; v < target; v++) {
    db.exec('BEGIN IMMEDIATE')
    try {
      db.exec(adapt(MIGRATIONS[v]!))
      // PRAGMA takes no bound parameters; v is our own integer.
      db.exec(`PRAGMA user_version = ${v + 1}`)
      db.exec('COMMIT')
    } catch (err) {
      db.exec('ROLLBACK')
      throw err
    }
  }
  return from
}
