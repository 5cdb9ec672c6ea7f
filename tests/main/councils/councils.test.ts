import { createHash } from 'node:crypto'
import { canonicalSnapshot, quorumCount, scoringMembers } from '../../../src-main/domain/council'
import { zCouncilPayload } from '../../../src-main/shared/api/councils'
import { call, ok, testCore } from '../../utils/core'
import { ninePeopleCouncil } from './fixtures'

describe('councils API', () => {
  it('creates a draft, edits it freely, and activation freezes version 1 with a verifiable SHA-256', async () => {
    const core = await testCore()
    const draft = await ok(core, 'councils.create', ninePeopleCouncil({ members: [] }))
    expect(draft.status).toBe('draft')
    expect(draft.currentVersion).toBeNull()
    expect(draft.council.quyChe).toEqual({
      quorum: { numerator: 3, denominator: 4 },
      chairMustAttend: true,
      secretaryScores: false,
      spreadLimit: 10,
      markerPolicy: 'agreed',
      boundaryMargin: 1
    })

    const updated = await ok(core, 'councils.update', { id: draft.id, council: ninePeopleCouncil() })
    expect(updated.council.members.map((m) => m.role)).toEqual(['chair', 'vice_chair', 'member', 'member', 'member', 'member', 'member', 'member', 'secretary'])
    expect(updated.council.advisory).toHaveLength(2)

    const active = await ok(core, 'councils.activate', { id: draft.id })
    expect(active.status).toBe('active')
    expect(active.currentVersion?.versionNo).toBe(1)
    const got = await ok(core, 'councils.get', { id: draft.id })
    expect(got.versions).toHaveLength(1)
    const v1 = got.versions[0]!
    const json = canonicalSnapshot(draft.id, 1, zCouncilPayload.parse(ninePeopleCouncil()))
    expect(v1.sha256).toBe(createHash('sha256').update(json).digest('hex'))
    expect(await ok(core, 'councils.version', { id: v1.id })).toEqual(v1)

    const list = await ok(core, 'councils.list', {})
    expect(list).toEqual([expect.objectContaining({ id: draft.id, status: 'active', memberCount: 9, advisoryCount: 2, versionNo: 1 })])
    core.close()
  })

  it('refuses activation without exactly one chair and a secretary, with Vietnamese messages', async () => {
    const core = await testCore()
    const base = ninePeopleCouncil()
    const noSecretary = await ok(core, 'councils.create', { ...base, members: base.members!.map((m) => ({ ...m, role: m.role === 'secretary' ? 'member' : m.role })) })
    const r = await call(core, 'councils.activate', { id: noSecretary.id })
    expect(!r.ok && r.error.code).toBe('VALIDATION')
    expect(!r.ok && r.error.message).toContain('ít nhất một Thư ký')

    const twoChairs = await ok(core, 'councils.create', { ...base, members: base.members!.map((m, i) => (i === 1 ? { ...m, role: 'chair' } : m)) })
    const r2 = await call(core, 'councils.activate', { id: twoChairs.id })
    expect(!r2.ok && r2.error.message).toContain('chỉ có một Chủ tịch (đang có 2)')

    const noChair = await ok(core, 'councils.create', { ...base, members: base.members!.filter((m) => m.role !== 'chair') })
    const r3 = await call(core, 'councils.activate', { id: noChair.id })
    expect(!r3.ok && r3.error.message).toContain('phải có một Chủ tịch')
    expect((await ok(core, 'councils.get', { id: noChair.id })).council.status).toBe('draft')
    core.close()
  })

  it('validates members inline: bad email, bad phone, blank name, bad dates', async () => {
    const core = await testCore()
    const base = ninePeopleCouncil()
    const bad = await call(core, 'councils.create', { ...base, members: [{ ...base.members![0]!, email: 'không-phải-email' }] })
    expect(!bad.ok && bad.error.issues?.[0]).toEqual({ path: 'members.0.email', message: 'Email không hợp lệ' })
    const phone = await call(core, 'councils.create', { ...base, members: [{ ...base.members![0]!, phone: 'abc' }] })
    expect(!phone.ok && phone.error.issues?.[0]?.message).toBe('Số điện thoại không hợp lệ')
    const blank = await call(core, 'councils.create', { ...base, members: [{ ...base.members![0]!, fullName: '   ' }] })
    expect(!blank.ok && blank.error.issues?.[0]?.path).toBe('members.0.fullName')
    const dates = await call(core, 'councils.create', { ...base, periodTo: '2026-01-01' })
    expect(!dates.ok && dates.error.message).toContain('Ngày kết thúc nhiệm kỳ phải sau ngày bắt đầu')
    const feb = await call(core, 'councils.create', { ...base, decisionDate: '2026-02-30' })
    expect(!feb.ok && feb.error.message).toContain('Ngày không tồn tại')
    expect(await ok(core, 'councils.list', {})).toEqual([])
    core.close()
  })

  it('an active council is changed only by revision: a new immutable version, old versions unchanged', async () => {
    const core = await testCore()
    const c = await ok(core, 'councils.create', ninePeopleCouncil())
    await ok(core, 'councils.activate', { id: c.id })
    const direct = await call(core, 'councils.update', { id: c.id, council: ninePeopleCouncil({ name: 'Đổi tên' }) })
    expect(!direct.ok && direct.error.code).toBe('FINALIZED')

    const v1 = (await ok(core, 'councils.get', { id: c.id })).versions[0]!
    const next = ninePeopleCouncil()
    next.members![3] = { ...next.members![3]!, fullName: 'Người Thay Thế' }
    next.quyChe = { spreadLimit: 8, secretaryScores: true }
    const revised = await ok(core, 'councils.revise', { id: c.id, baseVersionNo: 1, reason: 'Thay thành viên theo QĐ 99/QĐ-UBND', council: next })
    expect(revised.currentVersion?.versionNo).toBe(2)
    expect(revised.council.members[3]!.fullName).toBe('Người Thay Thế')

    const all = await ok(core, 'councils.get', { id: c.id })
    expect(all.versions.map((v) => v.versionNo)).toEqual([1, 2])
    expect(all.versions[0]).toEqual(v1)
    expect(all.versions[0]!.snapshot.council.members[3]!.fullName).toBe('Thành viên Số 4')
    expect(all.versions[1]!.snapshot.council.quyChe.spreadLimit).toBe(8)

    const stale = await call(core, 'councils.revise', { id: c.id, baseVersionNo: 1, reason: 'cũ', council: ninePeopleCouncil() })
    expect(!stale.ok && stale.error.code).toBe('CONFLICT')
    const same = await call(core, 'councils.revise', { id: c.id, baseVersionNo: 2, reason: 'không đổi', council: next })
    expect(!same.ok && same.error.message).toContain('Không có thay đổi')
    const invalid = await call(core, 'councils.revise', { id: c.id, baseVersionNo: 2, reason: 'bỏ thư ký', council: { ...next, members: next.members!.slice(0, 8) } })
    expect(!invalid.ok && invalid.error.code).toBe('VALIDATION')
    expect((await ok(core, 'councils.get', { id: c.id })).versions).toHaveLength(2)

    const removeActive = await call(core, 'councils.removeDraft', { id: c.id })
    expect(!removeActive.ok && removeActive.error.code).toBe('FINALIZED')
    core.close()
  })

  it('detects a version whose snapshot was altered outside the app', async () => {
    const core = await testCore()
    const c = await ok(core, 'councils.create', ninePeopleCouncil())
    const active = await ok(core, 'councils.activate', { id: c.id })
    core.db.exec('DROP TRIGGER council_versions_no_update')
    core.db.prepare(`UPDATE council_versions SET snapshot = json_set(snapshot, '$.council.name', 'Giả mạo')`).run()
    const r = await call(core, 'councils.version', { id: active.currentVersion!.id })
    expect(!r.ok && r.error.message).toContain('SHA-256')
    core.close()
  })

  it('removes drafts only; unknown ids are NOT_FOUND', async () => {
    const core = await testCore()
    const c = await ok(core, 'councils.create', ninePeopleCouncil())
    expect(await ok(core, 'councils.removeDraft', { id: c.id })).toEqual({ id: c.id })
    const r = await call(core, 'councils.get', { id: c.id })
    expect(!r.ok && r.error.code).toBe('NOT_FOUND')
    core.close()
  })
})

describe('council rules', () => {
  it('counts scoring members and the quorum per the Quy chế', () => {
    const c = zCouncilPayload.parse(ninePeopleCouncil())
    expect(scoringMembers(c)).toBe(8)
    expect(scoringMembers({ ...c, quyChe: { ...c.quyChe, secretaryScores: true } })).toBe(9)
    expect(quorumCount(c)).toBe(7)
    expect(quorumCount({ ...c, quyChe: { ...c.quyChe, quorum: { numerator: 2, denominator: 3 } } })).toBe(6)
  })
})
