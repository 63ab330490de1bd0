/**
 * Opens (or creates) the single SQLite file of one account: history + outbox.
 *
 * Durability: journal_mode=WAL with synchronous=NORMAL. A COMMIT has write()n its pages into the -wal
 * file before returning, so once appendBatch returns, the data is in the OS page cache and survives the
 * process dying in any way (kill -9, crash). fsync happens only at checkpoints, so a POWER LOSS or
 * kernel crash may lose the last transactions (never corrupt the file); that is out of scope, and the
 * price of not fsyncing on every poll batch.
 */
import { existsSync, renameSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { createTransactor } from './db'
import { StoreError, isCorruption, toStoreError } from './errors'
import { fts5Available, resumeFullText, suspendFullText, withoutFullText } from './full-text'
import { History } from './history'
import { Outbox } from './outbox'
import { Snapshots } from './snapshots'
import { ensurePrivateDir, ensurePrivateFile, tightenSqliteSidecars } from './private-files'
import { LATEST_VERSION, migrate, readVersion } from './schema'
import { startSearchIndexer } from './search-index'
import { SharedState } from './shared-state'
import type { AccountStore, OpenOptions, OpenReport } from './types'

/** Where an account's file lives inside the app's data dir; the account key is made filename-safe. */
export function accountDbPath(dir: string, account: string): string {
  if (account === '') throw new StoreError('bad-input', 'empty account key')
  const safe = account.replace(/[^A-Za-z0-9_-]/g, (c) => `.${c.codePointAt(0)!.toString(16)}.`)
  return join(dir, `history-${safe}.sqlite`)
}

export function openAccountStore(dir: string, account: string, options?: OpenOptions): AccountStore {
  return openStoreFile(accountDbPath(dir, account), options)
}

export function openStoreFile(path: string, options: OpenOptions = {}): AccountStore {
  try {
    ensurePrivateDir(dirname(path))
    return build(path, options, null)
  } catch (err) {
    if (!isCorruption(err)) throw toStoreError(err, `opening ${basename(path)}`, path)
    // A damaged file must not keep the app from starting: keep it for forensics/recovery, start fresh.
    // The report names where it went; the engine tells the person (its `storage` event).
    const corruption = toStoreError(err, `${basename(path)} is damaged`, path)
    let movedAside: string
    try {
      movedAside = moveAside(path)
    } catch (moveErr) {
      throw toStoreError(moveErr, `moving the damaged ${basename(path)} aside`, path)
    }
    try {
      return build(path, options, { movedAside, corruption })
    } catch (again) {
      throw toStoreError(again, `opening ${basename(path)}`, path)
    }
  }
}

/**
 * A store that lives in memory only, for when the account's file cannot be used (a read-only profile, a
 * folder where the file should be): the session still receives, shows, sends and searches; nothing is
 * kept after it ends.
 */
export function openMemoryStore(options: OpenOptions = {}): AccountStore {
  const db = new DatabaseSync(':memory:')
  const fullText = prepareFullText(db, options)
  return assemble(db, ':memory:', { ...options, searchIndex: 'inline' }, { created: true, fromVersion: 0, moved: null, files: false, fullText })
}

function build(path: string, options: OpenOptions, moved: { movedAside: string; corruption: StoreError } | null): AccountStore {
  const opened = openAndMigrate(path, options)
  return assemble(opened.db, path, options, {
    created: opened.created,
    fromVersion: opened.fromVersion,
    moved,
    files: true,
    fullText: opened.fullText
  })
}

function assemble(
  db: DatabaseSync,
  path: string,
  options: OpenOptions,
  how: {
    created: boolean
    fromVersion: number
    moved: { movedAside: string; corruption: StoreError } | null
    files: boolean
    fullText: boolean
  }
): AccountStore {
  const now = options.now ?? Date.now
  const shared = new SharedState()
  let history: History
  let outbox: Outbox
  let interruptedSends: number[]
  try {
    const tx = createTransactor(db, shared)
    history = new History(db, tx, now)
    outbox = new Outbox(db, tx, history, now)
    // Reads the outbox: damaged pages show here (then the caller moves the file aside and starts fresh).
    interruptedSends = outbox.recoverInterrupted()
  } catch (err) {
    db.close()
    throw err
  }
  // Without FTS5 there is nothing to index: searches scan (full-text.ts).
  const indexMode = how.fullText ? (options.searchIndex ?? 'worker') : 'off'
  const searchIndex = startSearchIndexer(db, path, indexMode, shared, options.log ?? (() => {}))
  history.onAppended = () => searchIndex.wake()
  if (how.files) {
    history.profileDir = dirname(path)
    tightenSqliteSidecars(path)
  }
  const report: OpenReport = {
    path,
    created: how.created,
    movedAside: how.moved?.movedAside ?? null,
    corruption: how.moved?.corruption ?? null,
    fromVersion: how.fromVersion,
    toVersion: readVersion(db),
    interruptedSends,
    fullTextSearch: how.fullText
  }
  let closed = false
  return {
    history,
    outbox,
    snapshots: new Snapshots(db, now),
    report,
    path,
    searchIndex,
    close() {
      if (closed) return
      closed = true
      searchIndex.close()
      try {
        if (how.files) db.exec('PRAGMA wal_checkpoint(TRUNCATE)')
      } catch {
        // A full disk or a read-only folder: the WAL keeps everything committed; the next open checkpoints.
      } finally {
        db.close()
      }
    }
  }
}

/**
 * Migrates `db` with or without the full-text index, as this runtime's SQLite allows (or the options
 * force, for tests); returns whether the index is in use.
 */
function prepareFullText(db: DatabaseSync, options: OpenOptions): boolean {
  const fullText = options.fullTextSearch !== false && fts5Available(db)
  migrate(db, undefined, fullText ? undefined : withoutFullText)
  if (fullText) resumeFullText(db)
  else suspendFullText(db)
  return fullText
}

function openAndMigrate(path: string, options: OpenOptions): { db: DatabaseSync; created: boolean; fromVersion: number; fullText: boolean } {
  const created = !existsSync(path) || statSync(path).size === 0
  ensurePrivateFile(path)
  const db = new DatabaseSync(path)
  try {
    // journal_mode reads page 1, so a file that is not a database fails here with SQLITE_NOTADB.
    db.exec('PRAGMA journal_mode = WAL')
    db.exec('PRAGMA synchronous = NORMAL')
    db.exec('PRAGMA busy_timeout = 5000')
    // ~16 MB page cache: keeps FTS segment merges of big batches off the disk.
    db.exec('PRAGMA cache_size = -16000')
    tightenSqliteSidecars(path)
    const version = readVersion(db)
    const objects = (db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number }).n
    if (version === 0 && objects > 0) {
      throw new StoreError('corrupt-db', 'file has tables but no schema version: not a history file')
    }
    if (version > LATEST_VERSION) {
      throw new StoreError('too-new', `${basename(path)} has schema v${version}, this app knows up to v${LATEST_VERSION}`)
    }
    const fromVersion = readVersion(db)
    const fullText = prepareFullText(db, options)
    return { db, created, fromVersion, fullText }
  } catch (err) {
    db.close()
    throw err
  }
}

function moveAside(path: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const target = `${path}.corrupt-${stamp}`
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, target + suffix)
  }
  return target
}
