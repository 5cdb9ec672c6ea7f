import { randomBytes, randomInt } from 'node:crypto'
import type { DB } from '../../db/connection'
import type { JoinCode } from '../../shared/api/sessions'
import { AppError } from '../../shared/result'
import { sha256, type Actor, type Store } from './store'

/** No 0/O, 1/I/L: the code is read aloud or copied from a slip of paper. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
const CODE_LENGTH = 8
/** Outer bound; the code dies earlier when the session is finalized or the code is revoked. */
const CODE_LIFETIME_MS = 3 * 24 * 60 * 60 * 1000

export const normaliseCode = (code: string): string => code.toUpperCase().replace(/[^A-Z0-9]/g, '')

/**
 * Join codes for browser mode: the secretary issues one per member and session; the member exchanges it once, on
 * one device, for a member token that reaches only that member's own sheets in that session. A used code cannot be
 * used again (`last_used_at` is set once); issuing a new code for the member revokes the earlier ones, and with them
 * every token they gave. Tokens also end with the code's lifetime and when the session is finalized. Only hashes
 * are stored.
 */
export function createJoinCodeService(db: DB, store: Store, now: () => Date) {
  const q = {
    insert: db.prepare('INSERT INTO join_codes (session_id, member_id, code_hash, issued_at, expires_at) VALUES (?, ?, ?, ?, ?)'),
    list: db.prepare('SELECT j.*, m.full_name FROM join_codes j JOIN session_members m ON m.id = j.member_id WHERE j.session_id = ? ORDER BY j.id'),
    one: db.prepare('SELECT j.*, m.full_name FROM join_codes j JOIN session_members m ON m.id = j.member_id WHERE j.id = ?'),
    byHash: db.prepare(`SELECT j.id, j.member_id, j.session_id, j.expires_at, j.revoked_at, j.last_used_at, s.status FROM join_codes j JOIN sessions s ON s.id = j.session_id WHERE j.code_hash = ?`),
    revoke: db.prepare('UPDATE join_codes SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
    // Single use: only the first exchange finds last_used_at empty.
    used: db.prepare('UPDATE join_codes SET last_used_at = ? WHERE id = ? AND last_used_at IS NULL'),
    earlier: db.prepare('SELECT id FROM join_codes WHERE session_id = ? AND member_id = ? AND revoked_at IS NULL ORDER BY id'),
    insertToken: db.prepare('INSERT INTO member_tokens (token_hash, join_code_id, created_at) VALUES (?, ?, ?)'),
    token: db.prepare(`SELECT j.member_id, j.session_id, j.expires_at, j.revoked_at, s.status FROM member_tokens t
      JOIN join_codes j ON j.id = t.join_code_id JOIN sessions s ON s.id = j.session_id WHERE t.token_hash = ?`)
  }
  type Row = { id: number; session_id: number; member_id: number; full_name: string; issued_at: string; expires_at: string; revoked_at: string | null; last_used_at: string | null }

  const live = (r: { expires_at: string; revoked_at: string | null; status: string }): boolean =>
    r.revoked_at === null && r.status !== 'finalized' && r.expires_at > now().toISOString()

  function toCode(r: Row): JoinCode {
    const status = store.session(r.session_id).status
    return {
      id: r.id,
      sessionId: r.session_id,
      memberId: r.member_id,
      memberName: r.full_name,
      issuedAt: r.issued_at,
      expiresAt: r.expires_at,
      revokedAt: r.revoked_at,
      lastUsedAt: r.last_used_at,
      status: r.revoked_at !== null ? 'revoked' : live({ ...r, status }) ? 'active' : 'expired'
    }
  }

  return {
    issue(sessionId: number, memberId: number, actor: Actor): JoinCode & { code: string } {
      return db.transaction(() => {
        const s = store.session(sessionId)
        if (s.status === 'finalized') throw new AppError('CONFLICT', 'Phiên họp đã chốt kết quả: không cấp mã tham gia')
        store.seat(sessionId, memberId, actor)
        // Re-issuing replaces: the member's earlier codes, and every device joined with them, stop working.
        const replaced = (q.earlier.all(sessionId, memberId) as Array<{ id: number }>).map((r) => r.id)
        const issued = now()
        for (const id of replaced) q.revoke.run(issued.toISOString(), id)
        const raw = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')
        const id = Number(q.insert.run(sessionId, memberId, sha256(raw), issued.toISOString(), new Date(issued.getTime() + CODE_LIFETIME_MS).toISOString()).lastInsertRowid)
        store.audit('joincode.issue', sessionId, actor, { joinCodeId: id, memberId, ...(replaced.length ? { revokedJoinCodeIds: replaced } : {}) }, issued.toISOString())
        return { ...toCode(q.one.get(id) as Row), code: `${raw.slice(0, 4)}-${raw.slice(4)}` }
      })()
    },
    /** One fresh code per member, all in one transaction (the join slips): either every slip is valid or none is issued. */
    issueMany(sessionId: number, memberIds: readonly number[], actor: Actor): Array<JoinCode & { code: string }> {
      return db.transaction(() => memberIds.map((m) => this.issue(sessionId, m, actor)))()
    },
    list(sessionId: number): JoinCode[] {
      store.session(sessionId)
      return (q.list.all(sessionId) as Row[]).map(toCode)
    },
    revoke(id: number, actor: Actor): JoinCode {
      return db.transaction(() => {
        const r = q.one.get(id) as Row | undefined
        if (!r) throw new AppError('NOT_FOUND', 'Không tìm thấy mã tham gia')
        const when = now().toISOString()
        if (q.revoke.run(when, id).changes > 0) store.audit('joincode.revoke', r.session_id, actor, { joinCodeId: id, memberId: r.member_id }, when)
        return toCode(q.one.get(id) as Row)
      })()
    },
    /**
     * A valid, unused code gives a fresh member token (returned once); anything else gives null, without saying why.
     * `onlySession` (a join from the LAN): a code of another session gives null and stays unused.
     */
    exchange(code: string, onlySession?: number): { token: string; memberId: number; sessionId: number } | null {
      const normal = normaliseCode(code)
      if (normal.length !== CODE_LENGTH) return null
      return db.transaction(() => {
        const r = q.byHash.get(sha256(normal)) as { id: number; member_id: number; session_id: number; expires_at: string; revoked_at: string | null; last_used_at: string | null; status: string } | undefined
        if (!r || !live(r) || r.last_used_at !== null) return null
        if (onlySession !== undefined && r.session_id !== onlySession) return null
        const when = now().toISOString()
        if (q.used.run(when, r.id).changes !== 1) return null
        const token = randomBytes(32).toString('base64url')
        q.insertToken.run(sha256(token), r.id, when)
        store.audit('joincode.exchange', r.session_id, { kind: 'member', memberId: r.member_id }, { joinCodeId: r.id }, when)
        return { token, memberId: r.member_id, sessionId: r.session_id }
      })()
    },
    /** The member a token stands for, while its code is live and its session not finalized. */
    resolve(token: string): number | null {
      return this.resolveSeat(token)?.memberId ?? null
    },
    /** The member and session a token stands for (one indexed read), under the same conditions as `resolve`. */
    resolveSeat(token: string): { memberId: number; sessionId: number } | null {
      const r = q.token.get(sha256(token)) as { member_id: number; session_id: number; expires_at: string; revoked_at: string | null; status: string } | undefined
      return r && live(r) ? { memberId: r.member_id, sessionId: r.session_id } : null
    }
  }
}
export type JoinCodeService = ReturnType<typeof createJoinCodeService>
