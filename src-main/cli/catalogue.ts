import { readFileSync, writeFileSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import type { CallContext } from '../api/registry'
import { createCore, type Core } from '../core'
import { blockersText, importBlockers } from '../domain/import-blockers'
import { parseRowChoice } from '../domain/import-match'
import { silentLogger } from '../logger'
import { defaultDataDir, findResourcesDir } from '../paths'
import type { ImportPreview } from '../shared/api/catalogue-import'
import type { Input, MethodName, Output } from '../shared/contract'
import type { Result } from '../shared/result'
import type { CliIo } from './rate'

/**
 * Headless import and export (issue 12): the same registry calls the screens make, on the data folder given.
 *   import FILE.xlsx [--data-dir DIR] [--choose ROW=CODE …] [--duplicate SHEET:ROW=CHOICE …] [--commit]
 *   export ptnt|national|annex [--data-dir DIR] --out FILE [--format xlsx|csv|json] [--as-of YYYY-MM-DD] [--session ID | --decision SỐ_QĐ --authority CƠ_QUAN]
 * `import` prints the preview (counts, row actions, commune resolutions with their candidates, errors, warnings) and
 * writes only with --commit, and only when the preview has no error. A true duplicate (a row matching several
 * registered records, or the same product twice in the file) blocks the commit until it is decided with
 * `--duplicate producers:ROW=…` or `--duplicate products:ROW=…`: `update:ID` (update that record, ids printed in the
 * preview), `add` (add as new) or `skip`.
 */
const IMPORT_USAGE = 'Cách dùng: npm run cli -- import TỆP.xlsx [--data-dir THƯ_MỤC] [--choose DÒNG=MÃ_XÃ …] [--duplicate producers|products:DÒNG=update:MÃ|add|skip …] [--commit]'
const EXPORT_USAGE = 'Cách dùng: npm run cli -- export ptnt|national|annex [--data-dir THƯ_MỤC] --out TỆP [--format xlsx|csv|json] [--as-of YYYY-MM-DD] [--session SỐ | --decision SỐ_QĐ --authority CƠ_QUAN]'
const ctx: CallContext = { actor: { kind: 'local' }, requestId: 'cli' }

interface Args {
  positional: string[]
  flags: Map<string, string[]>
}

function parse(argv: readonly string[], valued: readonly string[], bare: readonly string[]): Args | string {
  const out: Args = { positional: [], flags: new Map() }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (bare.includes(a)) out.flags.set(a, ['1'])
    else if (valued.includes(a)) {
      const v = argv[++i]
      if (v === undefined) return `Thiếu giá trị sau ${a}`
      out.flags.set(a, [...(out.flags.get(a) ?? []), v])
    } else if (a.startsWith('--')) return `Tham số không hợp lệ "${a}"`
    else out.positional.push(a)
  }
  return out
}

async function open(args: Args): Promise<Core> {
  return createCore({ dataDir: resolve(args.flags.get('--data-dir')?.[0] ?? defaultDataDir()), resourcesDir: findResourcesDir(__dirname), mode: 'browser', log: silentLogger })
}

async function call<K extends MethodName>(core: Core, method: K, input: Input<K>): Promise<Result<Output<K>>> {
  return (await core.registry.dispatch(method, input, ctx)) as Result<Output<K>>
}

const ACTION = { add: 'thêm mới', update: 'cập nhật', unchanged: 'không đổi', 'same-as-row': 'cùng chủ thể với', duplicate: 'TRÙNG, CẦN CHỌN', skip: 'bỏ qua' } as const

/** The preview as a clerk reads it on the screen, in plain text. */
export function previewText(p: ImportPreview): string {
  const lines: string[] = []
  const count = (sheet: 'producers' | 'products', a: keyof typeof ACTION) => p.actions.filter((x) => x.sheet === sheet && x.action === a).length
  lines.push(`Tệp ${p.fileName} (SHA-256 ${p.sha256})`)
  const counts = (sheet: 'producers' | 'products') =>
    (['add', 'update', 'unchanged', 'same-as-row', 'duplicate', 'skip'] as const)
      .filter((a) => a !== 'same-as-row' || sheet === 'producers')
      .map((a) => `${ACTION[a]} ${count(sheet, a)}`)
      .join(', ')
  lines.push(`Chủ thể: ${p.producers} dòng — ${counts('producers')}`)
  lines.push(`Sản phẩm: ${p.products} dòng — ${counts('products')}`)
  lines.push(`Giấy chứng nhận ghi nhận mới: ${p.certificates}`)
  lines.push(`Lỗi: ${p.errorCount}, cảnh báo: ${p.warningCount}`)
  for (const a of p.actions.filter((x) => x.action !== 'add' || x.duplicate)) {
    lines.push(`  ${a.sheet === 'producers' ? 'Chủ thể' : 'Sản phẩm'} dòng ${a.row}: ${ACTION[a.action]} ${a.matchedBy}`.trimEnd())
    for (const c of a.changes) lines.push(`      ${c.label}: ${c.from || '(trống)'} → ${c.to || '(trống)'}`)
    if (a.duplicate) {
      lines.push(`      ${a.duplicate.reason}; ${a.duplicate.chosen ? `đã chọn ${a.duplicate.chosen}` : `dùng --duplicate ${a.sheet}:${a.row}=update:MÃ|add|skip`}`)
      for (const c of a.duplicate.candidates) lines.push(`      update:${c.id}  ${c.label}`)
    }
  }
  if (p.resolutions.length) lines.push('Xã/phường:')
  for (const r of p.resolutions) {
    if (r.status === 'choice') {
      lines.push(`  Chủ thể dòng ${r.row}: «${r.input}» — CẦN CHỌN (${r.reason}); dùng --choose ${r.row}=MÃ_XÃ:`)
      for (const c of r.candidates) lines.push(`      ${c.code} ${c.name}, ${c.provinceName} ← ${c.via}`)
    } else lines.push(`  Chủ thể dòng ${r.row}: «${r.input}» → ${r.code} ${r.name} (${r.status === 'chosen' ? 'đã chọn' : r.via})`)
  }
  const sheet = { file: 'Tệp', producers: 'Chủ thể', products: 'Sản phẩm', certificates: 'Giấy chứng nhận' } as const
  for (const i of p.issues) lines.push(`${i.severity === 'error' ? 'LỖI' : 'Cảnh báo'} ${sheet[i.sheet]}${i.row ? `, dòng ${i.row}` : ''}${i.column ? `, cột «${i.column}»` : ''}: ${i.message}`)
  return `${lines.join('\n')}\n`
}

export async function runImport(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parse(argv, ['--data-dir', '--choose', '--duplicate'], ['--commit'])
  if (typeof args === 'string' || args.positional.length !== 1) {
    io.stderr(`${typeof args === 'string' ? `${args}. ` : ''}${IMPORT_USAGE}\n`)
    return 2
  }
  const choices: Array<{ row: number; communeCode: string }> = []
  for (const c of args.flags.get('--choose') ?? []) {
    const m = /^(\d+)=(\d{5})$/.exec(c)
    if (!m) {
      io.stderr(`--choose cần dạng DÒNG=MÃ_XÃ (ví dụ 12=24848), nhận được "${c}"\n`)
      return 2
    }
    choices.push({ row: Number(m[1]), communeCode: m[2]! })
  }
  const rowChoices: Array<{ sheet: 'producers' | 'products'; row: number; choice: string }> = []
  for (const c of args.flags.get('--duplicate') ?? []) {
    const m = /^(producers|products):(\d+)=(.+)$/.exec(c)
    if (!m || parseRowChoice(m[3]!) === null) {
      io.stderr(`--duplicate cần dạng producers|products:DÒNG=update:MÃ|add|skip (ví dụ products:7=update:12), nhận được "${c}"\n`)
      return 2
    }
    rowChoices.push({ sheet: m[1] as 'producers' | 'products', row: Number(m[2]), choice: m[3]! })
  }
  const file = args.positional[0]!
  const upload = {
    fileName: basename(file),
    contentBase64: readFileSync(file).toString('base64'),
    ...(choices.length ? { choices } : {}),
    ...(rowChoices.length ? { rowChoices } : {})
  }
  const core = await open(args)
  try {
    const p = await call(core, 'catalogueImport.preview', upload)
    if (!p.ok) {
      io.stderr(`${p.error.message}\n`)
      return 1
    }
    io.stdout(previewText(p.value))
    if (!args.flags.has('--commit')) {
      io.stdout('Chưa ghi gì vào dữ liệu (thêm --commit để nhập).\n')
      return p.value.errorCount ? 1 : 0
    }
    if (p.value.errorCount) {
      io.stderr(`${blockersText(importBlockers(p.value))}\n`)
      return 1
    }
    const r = await call(core, 'catalogueImport.commit', { ...upload, sha256: p.value.sha256 })
    if (!r.ok) {
      io.stderr(`${r.error.message}\n`)
      return 1
    }
    const v = r.value
    io.stdout(`Đã nhập: ${v.producers} chủ thể mới, ${v.producersUpdated} chủ thể cập nhật, ${v.products} sản phẩm mới, ${v.productsUpdated} sản phẩm cập nhật, ${v.certificates} giấy chứng nhận ghi nhận.\n`)
    return 0
  } finally {
    core.close()
  }
}

/** The annex of a finalized session (--session) or of a decision recorded from before the app (--decision, --authority). */
function annexInput(flags: ReadonlyMap<string, readonly string[]>): Input<'exports.annex'> {
  const decisionNo = flags.get('--decision')?.[0]
  if (decisionNo !== undefined && !flags.has('--session')) return { decisionNo, issuingAuthority: flags.get('--authority')?.[0] ?? '' }
  return { sessionId: Number(flags.get('--session')?.[0] ?? NaN) }
}

export async function runExport(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parse(argv, ['--data-dir', '--out', '--format', '--as-of', '--session', '--decision', '--authority'], [])
  const kind = typeof args === 'string' ? undefined : args.positional[0]
  const out = typeof args === 'string' ? undefined : args.flags.get('--out')?.[0]
  if (typeof args === 'string' || !kind || !['ptnt', 'national', 'annex'].includes(kind) || args.positional.length !== 1 || !out) {
    io.stderr(`${typeof args === 'string' ? `${args}. ` : ''}${EXPORT_USAGE}\n`)
    return 2
  }
  const format = args.flags.get('--format')?.[0] ?? 'xlsx'
  const asOf = args.flags.get('--as-of')?.[0]
  const core = await open(args)
  try {
    const r =
      kind === 'ptnt'
        ? await call(core, 'exports.ptntOcop', { format: format as 'xlsx', ...(asOf ? { asOf } : {}) })
        : kind === 'national'
          ? await call(core, 'exports.nationalRecords', { format: format as 'xlsx', ...(asOf ? { asOf } : {}) })
          : await call(core, 'exports.annex', annexInput(args.flags))
    if (!r.ok) {
      io.stderr(`${r.error.message}\n`)
      return 1
    }
    writeFileSync(out, Buffer.from(r.value.base64, 'base64'))
    io.stdout(`Đã ghi ${out} (${r.value.size} byte, SHA-256 ${r.value.sha256}).\n`)
    return 0
  } finally {
    core.close()
  }
}
