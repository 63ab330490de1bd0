/**
 * Small JSON documents of an account kept beside its history (the `snapshots` table), such as the
 * last contact list: while the server cannot be reached the messenger still shows them, read-only.
 * A damaged document reads as missing (it is only ever a cache of what the server said).
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite'
import { guarded } from './db'

export interface SnapshotStore {
  /** The document saved under `name`, or null (never saved, or unreadable). */
  load(name: string): unknown
  save(name: string, value: unknown): void
}

export class Snapshots implements SnapshotStore {
  private readonly get: StatementSync
  private readonly put: StatementSync

  constructor(
    db: DatabaseSync,
    private readonly now: () => number
  ) {
    this.get = db.prepare('SELECT value FROM snapshots WHERE name = ?')
    this.put = db.prepare(`INSERT INTO snapshots (name, value, saved_at) VALUES (?, ?, ?)
      ON CONFLICT (name) DO UPDATE SET value = excluded.value, saved_at = excluded.saved_at`)
  }

  load(name: string): unknown {
    const row = guarded('snapshot load', () => this.get.get(name)) as { value?: unknown } | undefined
    if (typeof row?.value !== 'string') return null
    try {
      return JSON.parse(row.value) as unknown
    } catch {
      return null
    }
  }

  save(name: string, value: unknown): void {
    const text = JSON.stringify(value)
    guarded('snapshot save', () => this.put.run(name, text, this.now()))
  }
}
