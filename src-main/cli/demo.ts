import { resolve } from 'node:path'
import type { CallContext } from '../api/registry'
import { createCore, type Core } from '../core'
import { findResourcesDir } from '../paths'
import type { Input, MethodName, Output } from '../shared/contract'
import { leafCriteria, type CriteriaSet } from '../shared/criteria'
import { AppError } from '../shared/result'
import type { CliIo } from './rate'

/**
 * `demo --data-dir DIR`: a complete, realistic finished session built through the API as an office would — province,
 * a council with its Quy chế decision, producers and products of several criteria sets with complete dossiers, a
 * session with an absent member and a recusal, every member scoring, a re-score round, finalization, the minutes'
 * content, the documents issued in order (báo cáo → tờ trình → quyết định → thông báo) and the certificates.
 * Nothing is written by SQL here: every step is an API call, so the demo is also a check of the services.
 */
const EXIT_INVALID = 2
const LOCAL: CallContext = { actor: { kind: 'local' }, requestId: 'demo' }
const member = (memberId: number): CallContext => ({ actor: { kind: 'member', memberId }, requestId: 'demo' })

export function argValue(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name)
  if (i < 0) return undefined
  const v = argv[i + 1]
  if (!v || v.startsWith('--')) throw new AppError('VALIDATION', `Thiếu giá trị sau ${name}`)
  return v
}

export async function callApi<K extends MethodName>(core: Core, method: K, input: Input<K>, ctx: CallContext = LOCAL): Promise<Output<K>> {
  const r = await core.registry.dispatch(method, input, ctx)
  if (!r.ok) throw new AppError(r.error.code, `${method}: ${r.error.message}`)
  return r.value as Output<K>
}

export const openCliCore = (dataDir: string) => createCore({ dataDir, resourcesDir: findResourcesDir(__dirname), mode: 'browser', log: { info: () => {}, warn: () => {}, error: (m: string) => process.stderr.write(`${m}\n`) } as never })

const COUNCIL = [
  { role: 'chair', fullName: 'Nguyễn Văn Bình', gender: 'male', jobTitle: 'Phó Chủ tịch', organisation: 'UBND tỉnh Lâm Đồng' },
  { role: 'vice_chair', fullName: 'Trần Thị Minh Hạnh', gender: 'female', jobTitle: 'Giám đốc Sở', organisation: 'Sở Nông nghiệp và Môi trường' },
  { role: 'member', fullName: 'Lê Quang Dũng', gender: 'male', jobTitle: 'Phó Giám đốc', organisation: 'Sở Công Thương' },
  { role: 'member', fullName: 'Phạm Thị Thu Trang', gender: 'female', jobTitle: 'Phó Giám đốc', organisation: 'Sở Khoa học và Công nghệ' },
  { role: 'member', fullName: 'Hoàng Văn Thắng', gender: 'male', jobTitle: 'Chi cục trưởng', organisation: 'Chi cục Phát triển nông thôn' },
  { role: 'member', fullName: 'Đặng Thị Lan', gender: 'female', jobTitle: 'Trưởng phòng Quản lý chất lượng', organisation: 'Sở Nông nghiệp và Môi trường' },
  { role: 'member', fullName: 'Vũ Minh Tuấn', gender: 'male', jobTitle: 'Phó Giám đốc', organisation: 'Sở Văn hóa, Thể thao và Du lịch' },
  { role: 'member', fullName: 'Bùi Thị Ngọc Ánh', gender: 'female', jobTitle: 'Phó Trưởng phòng Kế hoạch - Tài chính', organisation: 'Sở Tài chính' },
  { role: 'secretary', fullName: 'Ngô Thị Thanh Tâm', gender: 'female', jobTitle: 'Phó Chi cục trưởng', organisation: 'Chi cục Phát triển nông thôn' }
] as const

const PRODUCERS = [
  { kind: 'htx', name: 'Hợp tác xã Nông nghiệp Cầu Đất', repName: 'Nguyễn Thị Hoa', repGender: 'nu', repEthnicity: 'Kinh', communeCode: '24781', street: 'Số 12 đường Trần Hưng Đạo', phone: '0263 3822 111' },
  { kind: 'dnnvv', name: 'Công ty TNHH Thực phẩm Lạc Dương', repName: 'K’ Brơi', repGender: 'nam', repEthnicity: 'Cơ Ho', communeCode: '24848', street: 'Thôn Đăng Srê', phone: '0912 345 678' },
  { kind: 'ho-kd', name: 'Hộ kinh doanh Trần Văn Lộc', repName: 'Trần Văn Lộc', repGender: 'nam', repEthnicity: 'Kinh', communeCode: '24931', street: 'Thôn Lạc Xuân 2', phone: '0987 654 321' }
] as const

/** Products: producer index, name, set, and how members answer (share of criteria at their best option). */
const PRODUCTS = [
  { producer: 0, name: 'Chè Ô long Cầu Đất', set: 'QD26-2026-11', level: 1 },
  { producer: 0, name: 'Trà hoa atiso Đà Lạt túi lọc', set: 'QD26-2026-12', level: 0.92 },
  { producer: 1, name: 'Bánh tráng gạo lứt mè đen Lạc Dương', set: 'QD26-2026-06', level: 0.75 },
  { producer: 1, name: 'Mứt dâu tây sấy dẻo', set: 'QD26-2026-07', level: 0.85 },
  { producer: 2, name: 'Hồng treo gió Đơn Dương', set: 'QD26-2026-07', level: 0.5 },
  { producer: 2, name: 'Cà phê Arabica rang xay nguyên chất Đơn Dương', set: 'QD26-2026-06', level: 0.2 }
] as const

/**
 * One option per leaf: a `share` of the criteria (a fixed spread) at the best option, the rest at the lowest. `shift`
 * varies members on criteria without star markers only, so members differ a little but agree on every minimum.
 */
function answers(set: CriteriaSet, share: number, shift: number): Record<string, string> {
  const out: Record<string, string> = {}
  leafCriteria(set).forEach(({ criterion }, i) => {
    const sorted = [...criterion.options].sort((a, b) => a.points - b.points)
    const marked = criterion.options.some((o) => o.marker !== null && o.marker !== undefined)
    const best = ((i * 7 + (marked ? 0 : shift % 2)) % 10) / 10 < share
    out[criterion.code] = (best ? sorted[sorted.length - 1] : sorted[0])!.id
  })
  return out
}

async function score(core: Core, sessionId: number, productId: number, memberId: number, picks: Record<string, string>, comment: string): Promise<void> {
  const ctx = member(memberId)
  const sheet = await callApi(core, 'sheets.get', { sessionId, productId, memberId }, ctx)
  const versions = new Map(sheet.answers.map((a) => [a.criterionCode, a.version]))
  for (const [criterionCode, optionId] of Object.entries(picks))
    await callApi(core, 'sheets.saveAnswer', { sessionId, productId, memberId, criterionCode, optionId, expectedVersion: versions.get(criterionCode) ?? 0 }, ctx)
  if (comment) await callApi(core, 'sheets.saveComment', { sessionId, productId, memberId, comment }, ctx)
  await callApi(core, 'sheets.submit', { sessionId, productId, memberId }, ctx)
}

export async function buildDemo(core: Core, log: (line: string) => void): Promise<{ sessionId: number }> {
  await callApi(core, 'settings.setProvince', { provinceCode: '68', bodyName: 'Ủy ban nhân dân tỉnh Lâm Đồng', advisoryBody: 'Sở Nông nghiệp và Môi trường', placeName: 'Lâm Đồng' })
  const council = await callApi(core, 'councils.create', {
    name: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Lâm Đồng năm 2026',
    periodFrom: '2026-07-01',
    periodTo: '2026-12-31',
    decisionNo: '1234/QĐ-UBND',
    decisionDate: '2026-06-20',
    signerName: 'Hồ Văn Mười',
    signerTitle: 'Chủ tịch Ủy ban nhân dân tỉnh',
    quyCheDecisionNo: '1250/QĐ-UBND',
    quyCheDecisionDate: '2026-06-25',
    members: COUNCIL.map((m) => ({ ...m }))
  })
  const version = (await callApi(core, 'councils.activate', { id: council.id })).currentVersion!.id
  log(`Hội đồng: ${council.council.name} (${COUNCIL.length} thành viên, Quy chế theo Quyết định số 1250/QĐ-UBND)`)

  const producerIds: number[] = []
  for (const p of PRODUCERS) producerIds.push((await callApi(core, 'producers.create', { ...p, provinceCode: '68' })).id)
  const productIds: number[] = []
  for (const p of PRODUCTS) {
    const created = await callApi(core, 'products.create', { producerId: producerIds[p.producer]!, name: p.name, setId: p.set, registrationType: 'lan-dau', year: 2026 })
    const dossier = await callApi(core, 'dossier.get', { productId: created.id })
    for (const item of dossier.items) await callApi(core, 'dossier.check', { productId: created.id, itemKey: item.key, checked: true })
    await callApi(core, 'dossier.complete', { productId: created.id })
    productIds.push(created.id)
  }
  log(`Chủ thể: ${PRODUCERS.length}; sản phẩm: ${PRODUCTS.length} (${new Set(PRODUCTS.map((p) => p.set)).size} bộ tiêu chí), hồ sơ đầy đủ`)

  const round = await callApi(core, 'rounds.create', { year: 2026, name: 'Đợt 2 năm 2026', deadline: '2026-11-30' })
  const s = await callApi(core, 'sessions.create', { roundId: round.id, date: '2026-11-24', startTime: '08:00', place: 'Hội trường Sở Nông nghiệp và Môi trường, số 2 Trần Hưng Đạo, phường Xuân Hương - Đà Lạt', councilVersionId: version })
  await callApi(core, 'sessions.setAgenda', { id: s.id, productIds })
  await callApi(core, 'sessions.setStatus', { id: s.id, to: 'open' })
  const members = s.members
  const absent = members.find((m) => m.fullName === 'Vũ Minh Tuấn')!
  const recused = members.find((m) => m.fullName === 'Hoàng Văn Thắng')!
  for (const m of members)
    await callApi(core, 'attendance.set', m.id === absent.id
      ? { sessionId: s.id, memberId: m.id, status: 'absent', absenceReason: 'Đi công tác theo kế hoạch của Sở', proxyNote: 'Gửi ý kiến bằng văn bản trước phiên họp' }
      : { sessionId: s.id, memberId: m.id, status: 'present' })
  for (const m of members)
    if (m.id !== absent.id && m.role !== 'secretary')
      for (const [i, p] of productIds.entries())
        await callApi(
          core,
          'conflicts.declare',
          m.id === recused.id && i === 2 ? { sessionId: s.id, productId: p, memberId: m.id, kind: 'family', text: 'Anh ruột của người đại diện chủ thể' } : { sessionId: s.id, productId: p, memberId: m.id, kind: 'none', text: '' }
        )
  await callApi(core, 'sessions.setStatus', { id: s.id, to: 'scoring' })

  const sets = new Map<string, CriteriaSet>()
  for (const p of PRODUCTS) if (!sets.has(p.set)) sets.set(p.set, (await callApi(core, 'criteria.get', { setId: p.set })).set)
  const scorers = members.filter((m) => m.id !== absent.id && m.role !== 'secretary')
  const RESCORED = 3
  for (const [i, p] of PRODUCTS.entries())
    for (const [k, m] of scorers.entries()) {
      if (m.id === recused.id && i === 2) continue
      // Product 4: one member scores far below the others, so the spread exceeds the Quy chế limit and the council re-scores.
      const share = i === RESCORED && k === 1 ? 0.1 : p.level
      const comment = k === 0 ? 'Cần hoàn thiện nhãn phụ, bổ sung mã truy xuất nguồn gốc điện tử' : k === 2 ? 'Câu chuyện sản phẩm cần gắn hơn với vùng nguyên liệu địa phương' : ''
      await score(core, s.id, productIds[i]!, m.id, answers(sets.get(p.set)!, share, k), comment)
    }
  await callApi(core, 'sessions.setStatus', { id: s.id, to: 'review' })
  await callApi(core, 'review.openRescore', { sessionId: s.id, productId: productIds[RESCORED]!, reason: 'Chênh lệch điểm giữa các thành viên vượt mức Quy chế cho phép' })
  for (const [k, m] of scorers.entries()) await score(core, s.id, productIds[RESCORED]!, m.id, answers(sets.get(PRODUCTS[RESCORED].set)!, PRODUCTS[RESCORED].level, k), '')
  const results = await callApi(core, 'sessions.finalize', { id: s.id })
  log(`Phiên họp ${s.id} ngày 24/11/2026: chốt kết quả ${results.length} sản phẩm (${results.map((r) => `${r.stars ?? '—'}★`).join(', ')}); 01 vắng mặt, 01 không chấm do xung đột lợi ích, 01 sản phẩm chấm lại`)

  await callApi(core, 'documents.saveMinutesText', { sessionId: s.id, endTime: '11:15', conclusion: '', absences: {} })
  const issued: string[] = []
  const issue = async (kind: 'minutes' | 'report' | 'submission' | 'decision' | 'approval' | 'notice', date: string) => {
    const r = await callApi(core, 'documents.issue', { sessionId: s.id, kind, date })
    issued.push(`${kind} ${r.number} (${r.date})`)
  }
  await issue('minutes', '2026-11-24')
  await issue('report', '2026-11-25')
  await issue('submission', '2026-11-26')
  await issue('decision', '2026-11-27')
  if (results.some((r) => r.outcome === 'proposed-5-star')) await issue('approval', '2026-11-27')
  await issue('notice', '2026-11-30')
  const certs = await callApi(core, 'certificates.issue', { sessionId: s.id, issuedOn: '2026-11-27' })
  log(`Ban hành: ${issued.join('; ')}`)
  log(`Giấy chứng nhận: ${certs.map((c) => c.number).join(', ')}`)
  return { sessionId: s.id }
}

export async function runDemo(argv: readonly string[], io: CliIo): Promise<number> {
  let dataDir: string
  try {
    dataDir = resolve(argValue(argv, '--data-dir') ?? '')
    if (!argv.includes('--data-dir')) throw new AppError('VALIDATION', 'Cần --data-dir DIR (thư mục dữ liệu mới cho bản trình diễn)')
  } catch (e) {
    io.stderr(`${e instanceof Error ? e.message : String(e)}\n`)
    return EXIT_INVALID
  }
  const core = await openCliCore(dataDir)
  try {
    const existing = await callApi(core, 'sessions.list', {})
    if (existing.length > 0) {
      io.stderr(`Thư mục dữ liệu ${dataDir} đã có phiên họp; hãy dùng một thư mục mới cho bản trình diễn\n`)
      return EXIT_INVALID
    }
    const { sessionId } = await buildDemo(core, (l) => io.stdout(`${l}\n`))
    io.stdout(`Xong. Phiên họp ${sessionId}. Xem: npm run web -- --data-dir ${dataDir}\n`)
    return 0
  } finally {
    core.close()
  }
}
