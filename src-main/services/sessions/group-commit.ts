import type { DB } from '../../db/connection'

/**
 * Group commit for the members' answer saves (issue 13 bench). Every commit fsyncs the WAL (`synchronous = FULL`,
 * so an acknowledged answer survives a power cut), and that fsync — not the work, about 0.3 ms — is what a save
 * costs: 15 devices saving at once queued behind 15 fsyncs. Saves that arrive in the same turn of the event loop now
 * run in one transaction, each in its own savepoint (better-sqlite3 nests `db.transaction` as SAVEPOINT), and share
 * one commit. Each caller still hears only after the commit that holds its answer; one save's error rolls back its
 * savepoint only; a failed commit fails the whole batch, so nothing is acknowledged that is not stored.
 */
export function createGroupCommit(db: DB) {
  type Item = { work: () => unknown; resolve: (v: unknown) => void; reject: (e: unknown) => void }
  let queue: Item[] = []
  let scheduled = false

  type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown }
  // Built once: the batch's transaction, and one savepoint per item around its work.
  const inSavepoint = db.transaction((work: () => unknown) => work())
  const runBatch = db.transaction((batch: Item[]): Outcome[] =>
    batch.map((item) => {
      try {
        return { ok: true, value: inSavepoint(item.work) }
      } catch (error) {
        return { ok: false, error }
      }
    })
  )

  const flush = (): void => {
    scheduled = false
    const batch = queue
    queue = []
    let outcomes: Outcome[]
    try {
      outcomes = runBatch(batch)
    } catch (error) {
      for (const item of batch) item.reject(error)
      return
    }
    batch.forEach((item, k) => {
      const o = outcomes[k]!
      if (o.ok) item.resolve(o.value)
      else item.reject(o.error)
    })
  }

  return {
    /** Runs `work` in the next batch; resolves once the batch holding it is committed. */
    run<T>(work: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (v: unknown) => void, reject })
        if (!scheduled) {
          scheduled = true
          setImmediate(flush)
        }
      })
    }
  }
}
export type GroupCommit = ReturnType<typeof createGroupCommit>
