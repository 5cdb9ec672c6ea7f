import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openConnection } from '../../../src-main/db/connection'
import { createGroupCommit } from '../../../src-main/services/sessions/group-commit'
import { tempDir } from '../../utils/core'

describe('group commit of answer saves', () => {
  it('runs saves of one turn in one transaction; a failing save rolls back alone and is reported to its caller only', async () => {
    const db = openConnection(join(tempDir(), 'g.sqlite'))
    db.exec('CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER NOT NULL) STRICT')
    const insert = db.prepare('INSERT INTO t (k, v) VALUES (?, ?)')
    const g = createGroupCommit(db)
    const inOuter: boolean[] = []
    const save = (k: string, fail = false) =>
      g.run(() => {
        inOuter.push(db.inTransaction)
        insert.run(k, 1)
        if (fail) throw new Error(`refused ${k}`)
        return k
      })
    const results = await Promise.allSettled([save('a'), save('b', true), save('c')])
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual(['a', 'refused b', 'c'])
    expect(inOuter).toEqual([true, true, true])
    expect(db.prepare('SELECT k FROM t ORDER BY k').pluck().all()).toEqual(['a', 'c'])
    expect(db.inTransaction).toBe(false)
    // A later turn is a new batch.
    await expect(save('d')).resolves.toBe('d')
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(3)
    db.close()
  })

  it('acknowledges nothing when the commit itself fails', async () => {
    const db = openConnection(join(tempDir(), 'h.sqlite'))
    db.exec('CREATE TABLE p (id INTEGER PRIMARY KEY) STRICT; CREATE TABLE c (p INTEGER NOT NULL REFERENCES p (id) DEFERRABLE INITIALLY DEFERRED) STRICT')
    const g = createGroupCommit(db)
    // A deferred foreign key is checked at commit: the whole batch fails, the good save included.
    const good = g.run(() => db.prepare('INSERT INTO p (id) VALUES (1)').run().changes)
    const bad = g.run(() => db.prepare('INSERT INTO c (p) VALUES (99)').run().changes)
    await expect(good).rejects.toThrow(/FOREIGN KEY/)
    await expect(bad).rejects.toThrow(/FOREIGN KEY/)
    expect(db.prepare('SELECT count(*) FROM p').pluck().get()).toBe(0)
    db.close()
  })
})
