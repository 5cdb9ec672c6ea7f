import { createHash } from 'node:crypto'
import type { DB } from '../db/connection'
import { canonicalSnapshot, councilHeader, councilIssues, samePayload } from '../domain/council'
import {
  zCouncilPayload,
  zCouncilSnapshot,
  type Council,
  type CouncilPayload,
  type CouncilSummary,
  type CouncilVersion
} from '../shared/api/councils'
import { AppError } from '../shared/result'

interface CouncilRow {
  id: number
  name: string
  period_from: string
  period_to: string | null
  decision_no: string
  decision_date: string
  signer_name: string
  signer_title: string
  quy_che_decision_no: string
  quy_che_decision_date: string | null
  quy_che: string
  status: 'draft' | 'active'
  created_at: string
  updated_at: string
}
interface MemberRow {
  grp: 'council' | 'advisory'
  role: string
  full_name: string
  gender: 'male' | 'female' | null
  organisation: string
  job_title: string
  phone: string
  email: string
}
interface VersionRow {
  id: number
  council_id: number
  version_no: number
  snapshot: string
  sha256: string
  reason: string
  created_at: string
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex')

/** Councils: drafts are edited in place; activation and revisions freeze immutable, hashed versions. */
export function createCouncilService(db: DB, now: () => Date = () => new Date()) {
  const s = {
    list: db.prepare(`
      SELECT c.id, c.name, c.status, c.period_from, c.period_to, c.decision_no, c.decision_date,
        (SELECT count(*) FROM council_members m WHERE m.council_id = c.id AND m.grp = 'council') AS member_count,
        (SELECT count(*) FROM council_members m WHERE m.council_id = c.id AND m.grp = 'advisory') AS advisory_count,
        (SELECT max(version_no) FROM council_versions v WHERE v.council_id = c.id) AS version_no
      FROM councils c ORDER BY c.period_from DESC, c.id DESC`),
    get: db.prepare('SELECT * FROM councils WHERE id = ?'),
    members: db.prepare('SELECT * FROM council_members WHERE council_id = ? ORDER BY grp, ord'),
    insert: db.prepare(`INSERT INTO councils (name, period_from, period_to, decision_no, decision_date, signer_name, signer_title, quy_che_decision_no, quy_che_decision_date, quy_che, status, created_at, updated_at)
      VALUES (@name, @periodFrom, @periodTo, @decisionNo, @decisionDate, @signerName, @signerTitle, @quyCheDecisionNo, @quyCheDecisionDate, @quyChe, 'draft', @now, @now)`),
    update: db.prepare(`UPDATE councils SET name = @name, period_from = @periodFrom, period_to = @periodTo, decision_no = @decisionNo,
      decision_date = @decisionDate, signer_name = @signerName, signer_title = @signerTitle, quy_che_decision_no = @quyCheDecisionNo,
      quy_che_decision_date = @quyCheDecisionDate, quy_che = @quyChe, updated_at = @now WHERE id = @id`),
    setActive: db.prepare(`UPDATE councils SET status = 'active', updated_at = ? WHERE id = ?`),
    clearMembers: db.prepare('DELETE FROM council_members WHERE council_id = ?'),
    insertMember: db.prepare(`INSERT INTO council_members (council_id, grp, ord, role, full_name, gender, organisation, job_title, phone, email)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    versions: db.prepare('SELECT * FROM council_versions WHERE council_id = ? ORDER BY version_no'),
    latestVersion: db.prepare('SELECT * FROM council_versions WHERE council_id = ? ORDER BY version_no DESC LIMIT 1'),
    version: db.prepare('SELECT * FROM council_versions WHERE id = ?'),
    insertVersion: db.prepare('INSERT INTO council_versions (council_id, version_no, snapshot, sha256, reason, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
    remove: db.prepare('DELETE FROM councils WHERE id = ?')
  }

  function row(id: number): CouncilRow {
    const r = s.get.get(id) as CouncilRow | undefined
    if (!r) throw new AppError('NOT_FOUND', 'Không tìm thấy hội đồng')
    return r
  }

  function payloadOf(r: CouncilRow): CouncilPayload {
    const people = s.members.all(r.id) as MemberRow[]
    const person = (m: MemberRow) => ({
      fullName: m.full_name,
      gender: m.gender,
      organisation: m.organisation,
      jobTitle: m.job_title,
      phone: m.phone,
      email: m.email
    })
    return zCouncilPayload.parse({
      name: r.name,
      periodFrom: r.period_from,
      periodTo: r.period_to,
      decisionNo: r.decision_no,
      decisionDate: r.decision_date,
      signerName: r.signer_name,
      signerTitle: r.signer_title,
      quyCheDecisionNo: r.quy_che_decision_no,
      quyCheDecisionDate: r.quy_che_decision_date,
      members: people.filter((m) => m.grp === 'council').map((m) => ({ role: m.role, ...person(m) })),
      advisory: people.filter((m) => m.grp === 'advisory').map((m) => ({ role: m.role, ...person(m) })),
      quyChe: JSON.parse(r.quy_che)
    })
  }

  const versionOf = (v: VersionRow): CouncilVersion => ({
    id: v.id,
    versionNo: v.version_no,
    sha256: v.sha256,
    reason: v.reason,
    createdAt: v.created_at,
    snapshot: zCouncilSnapshot.parse(JSON.parse(v.snapshot))
  })

  function toCouncil(id: number): Council {
    const r = row(id)
    const latest = s.latestVersion.get(id) as VersionRow | undefined
    return {
      id: r.id,
      status: r.status,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      council: payloadOf(r),
      currentVersion: latest
        ? { id: latest.id, versionNo: latest.version_no, sha256: latest.sha256, reason: latest.reason, createdAt: latest.created_at }
        : null
    }
  }

  function write(id: number, c: CouncilPayload, at: string): void {
    s.update.run({ id, ...fields(c), now: at })
    s.clearMembers.run(id)
    c.members.forEach((m, i) => s.insertMember.run(id, 'council', i, m.role, m.fullName, m.gender, m.organisation, m.jobTitle, m.phone, m.email))
    c.advisory.forEach((m, i) => s.insertMember.run(id, 'advisory', i, m.role, m.fullName, m.gender, m.organisation, m.jobTitle, m.phone, m.email))
  }

  function assertValid(c: CouncilPayload): void {
    const issues = councilIssues(c)
    if (issues.length) throw new AppError('VALIDATION', issues.map((i) => i.message).join('; '), issues)
  }

  function freeze(id: number, versionNo: number, c: CouncilPayload, reason: string, at: string): void {
    const json = canonicalSnapshot(id, versionNo, c)
    s.insertVersion.run(id, versionNo, json, sha256(json), reason, at)
  }

  return {
    list(): CouncilSummary[] {
      return (s.list.all() as Array<Record<string, unknown>>).map((r) => ({
        id: r.id as number,
        name: r.name as string,
        status: r.status as 'draft' | 'active',
        periodFrom: r.period_from as string,
        periodTo: r.period_to as string | null,
        decisionNo: r.decision_no as string,
        decisionDate: r.decision_date as string,
        memberCount: r.member_count as number,
        advisoryCount: r.advisory_count as number,
        versionNo: (r.version_no as number | null) ?? null
      }))
    },
    get(id: number): { council: Council; versions: CouncilVersion[] } {
      const council = toCouncil(id)
      return { council, versions: (s.versions.all(id) as VersionRow[]).map(versionOf) }
    },
    version(id: number): CouncilVersion {
      const v = s.version.get(id) as VersionRow | undefined
      if (!v) throw new AppError('NOT_FOUND', 'Không tìm thấy phiên bản hội đồng')
      if (sha256(v.snapshot) !== v.sha256) throw new AppError('CONFLICT', 'Phiên bản hội đồng bị thay đổi ngoài ứng dụng (sai mã băm SHA-256)')
      return versionOf(v)
    },
    create(c: CouncilPayload): Council {
      return db.transaction(() => {
        const at = now().toISOString()
        const id = Number(s.insert.run({ ...fields(c), now: at }).lastInsertRowid)
        write(id, c, at)
        return toCouncil(id)
      })()
    },
    update(id: number, c: CouncilPayload): Council {
      return db.transaction(() => {
        if (row(id).status !== 'draft')
          throw new AppError('FINALIZED', 'Hội đồng đã kích hoạt: hãy tạo bản điều chỉnh (phiên bản mới) thay vì sửa trực tiếp')
        write(id, c, now().toISOString())
        return toCouncil(id)
      })()
    },
    activate(id: number): Council {
      return db.transaction(() => {
        const r = row(id)
        if (r.status !== 'draft') throw new AppError('CONFLICT', 'Hội đồng đã được kích hoạt')
        const c = payloadOf(r)
        assertValid(c)
        const at = now().toISOString()
        freeze(id, 1, c, 'Kích hoạt theo quyết định thành lập', at)
        s.setActive.run(at, id)
        return toCouncil(id)
      })()
    },
    revise(id: number, baseVersionNo: number, reason: string, c: CouncilPayload): Council {
      return db.transaction(() => {
        const r = row(id)
        if (r.status !== 'active') throw new AppError('CONFLICT', 'Hội đồng còn là bản nháp: hãy sửa trực tiếp rồi kích hoạt')
        const latest = s.latestVersion.get(id) as VersionRow
        if (latest.version_no !== baseVersionNo)
          throw new AppError('CONFLICT', `Hội đồng đã có phiên bản ${latest.version_no} mới hơn phiên bản ${baseVersionNo} bạn đang sửa; hãy tải lại`)
        if (samePayload(payloadOf(r), c)) throw new AppError('CONFLICT', 'Không có thay đổi nào so với phiên bản hiện hành')
        assertValid(c)
        const at = now().toISOString()
        write(id, c, at)
        freeze(id, latest.version_no + 1, c, reason, at)
        return toCouncil(id)
      })()
    },
    removeDraft(id: number): { id: number } {
      return db.transaction(() => {
        if (row(id).status !== 'draft') throw new AppError('FINALIZED', 'Chỉ xóa được hội đồng còn là bản nháp')
        s.remove.run(id)
        return { id }
      })()
    }
  }
}
export type CouncilService = ReturnType<typeof createCouncilService>

function fields(c: CouncilPayload) {
  return { ...councilHeader(c), quyChe: JSON.stringify(c.quyChe) }
}
