/**
 * Drops exactly one process warning: Node's "SQLite is an experimental feature" ExperimentalWarning,
 * printed once per process (and per worker thread) because the history store uses node:sqlite. It
 * spammed test logs, the headless mode's stderr and the app log. Every other warning, experimental
 * or not, still goes through. Must run before node:sqlite is loaded: entry points import it first
 * (and load the rest dynamically where a bundler could reorder static imports), vitest runs it as a
 * setup file.
 */

type EmitWarning = typeof process.emitWarning

function isSqliteExperimentalWarning(warning: unknown, typeOrOptions: unknown): boolean {
  const type =
    warning instanceof Error
      ? warning.name
      : typeof typeOrOptions === 'string'
        ? typeOrOptions
        : typeof typeOrOptions === 'object' && typeOrOptions !== null
          ? (typeOrOptions as { type?: unknown }).type
          : undefined
  const message = warning instanceof Error ? warning.message : String(warning)
  return type === 'ExperimentalWarning' && /\bSQLite\b/i.test(message)
}

const PATCHED = Symbol.for('qq-desktop.quiet-sqlite-warning')

export function quietSqliteWarning(proc: NodeJS.Process = process): void {
  const marked = proc as NodeJS.Process & { [PATCHED]?: true }
  if (marked[PATCHED]) return
  marked[PATCHED] = true
  const original: EmitWarning = proc.emitWarning.bind(proc)
  proc.emitWarning = function emitWarning(this: unknown, warning: string | Error, ...rest: unknown[]): void {
    if (isSqliteExperimentalWarning(warning, rest[0])) return
    ;(original as (...args: unknown[]) => void)(warning, ...rest)
  } as EmitWarning
}

quietSqliteWarning()
