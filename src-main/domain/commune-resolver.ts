/**
 * Resolves the commune a clerk wrote to a unit in force from 1/7/2025 (issue 12): today's code, today's name, an old
 * commune code, old commune + district (+ province) names, or a free-text pre-merger address. Pure: the official
 * tables (units-2025, old-to-new-2025) come in as data. It never guesses: when several units fit as well, or the
 * match rests on a bare name, it returns the candidates for the clerk to choose.
 *
 * Names are compared by `nameKey`: NFC, lower case, type word removed, apostrophes alike, and the tone mark moved
 * off its letter into a per-syllable tag — so the two tone-placement conventions meet (Thủy = Thuỷ, Hòa = Hoà) while
 * every other diacritic stays (Hòa An ≠ Hoà Ân, An ≠ Ân, Đ ≠ D).
 */

const TONES: Record<string, string> = { '\u0300': '2', '\u0301': '1', '\u0309': '3', '\u0303': '4', '\u0323': '5' }

function syllableKey(w: string): string {
  let tone = ''
  let base = ''
  for (const ch of w.normalize('NFD')) {
    if (TONES[ch]) tone = TONES[ch]
    else base += ch
  }
  return base.normalize('NFC') + tone
}

const UNIT_WORDS = /^(xã|phường|đặc khu|thị trấn|thị xã|thành phố|tỉnh|quận|huyện|tp\.?|tx\.?|tt\.?|p\.|x\.|q\.|h\.)\s*/u
const clean = (s: string): string => s.normalize('NFC').toLocaleLowerCase('vi').replace(/[\u2019\u2018`´]/g, "'").replace(/\s+/g, ' ').trim()

/** The comparison key of a unit name, with or without its type word. */
export function nameKey(name: string): string {
  return clean(name)
    .replace(UNIT_WORDS, '')
    .split(/[^\p{L}\p{N}']+/u)
    .filter(Boolean)
    .map(syllableKey)
    .join(' ')
}

export interface ResolverData {
  /** New provinces with their communes (units-2025). */
  provinces: ReadonlyArray<{ code: string; name: string; communes: ReadonlyArray<{ code: string; name: string }> }>
  /** Old → new rows: [oldCode|'', oldName, oldDistrictName, oldProvinceCode, newCode, change]. */
  oldCommunes: ReadonlyArray<readonly [string, string, string, string, string, string]>
  /** [oldProvinceCode, oldProvinceName, newProvinceCode]. */
  oldProvinces: ReadonlyArray<readonly [string, string, string]>
}

export interface CommuneCandidate {
  code: string
  name: string
  provinceCode: string
  provinceName: string
  /** How this unit was reached, in Vietnamese: "Xã Lát, Huyện Lạc Dương, Tỉnh Lâm Đồng (cũ) — Nhập toàn bộ". */
  via: string
  /** The old unit of the official table behind it, when reached through one. */
  old?: { name: string; district: string; province: string; change: string } | undefined
}

export type ResolveHow = 'code' | 'name' | 'old-code' | 'old-names' | 'old-address' | 'new-address'

export type Resolution =
  | { status: 'resolved'; how: ResolveHow; candidate: CommuneCandidate }
  | { status: 'choice'; how: ResolveHow; reason: string; candidates: CommuneCandidate[] }
  | { status: 'none'; message: string }

export interface CommuneQuery {
  /** "Mã xã" as written: today's code, an old code, or a name. */
  code?: string | undefined
  /** "Xã/Phường/Đặc khu" as written: today's name. */
  name?: string | undefined
  oldCommune?: string | undefined
  oldDistrict?: string | undefined
  oldProvince?: string | undefined
  /** A free-text address, old or new form. */
  address?: string | undefined
  /** The row's province code, else the installed province: preferred, never exclusive. */
  provinceCode?: string | null | undefined
}

interface OldRow {
  oldCode: string
  name: string
  district: string
  province: string
  key: string
  districtKey: string
  provinceKey: string
  newCode: string
  change: string
}

/** Words that start a part of an address below the commune: never a commune name, whatever follows. */
const BELOW_COMMUNE = /^(thôn|tổ|tổ dân phố|tdp|ấp|bản|buôn|khu phố|kp|khu|xóm|làng|plei|đội|số|đường|ngõ|hẻm|kiệt|lô|km|quốc lộ|ql|tỉnh lộ|tl|khóm|sóc|thửa)(?=[\s\d.:]|$)/u
type Part = { kind: 'commune' | 'district' | 'province' | 'any'; key: string }

/** Splits an address at commas into typed parts: "xã Lát" → commune Lát; "Thôn 10" is dropped; a bare part is 'any'. */
export function addressParts(address: string): Part[] {
  const out: Part[] = []
  for (const raw of address.split(/[,;\n]|\s-\s/)) {
    const s = clean(raw).replace(/^[.\s]+|[.\s]+$/g, '')
    if (!s || BELOW_COMMUNE.test(s)) continue
    const m = UNIT_WORDS.exec(s)
    const word = m ? m[1]!.replace(/\.$/, '') : ''
    const kind: Part['kind'] = ['xã', 'phường', 'thị trấn', 'đặc khu', 'tt', 'p', 'x'].includes(word)
      ? 'commune'
      : ['huyện', 'quận', 'thị xã', 'tx', 'q', 'h'].includes(word)
        ? 'district'
        : word === 'tỉnh'
          ? 'province'
          : word === 'thành phố' || word === 'tp'
            ? 'any'
            : 'any'
    const key = nameKey(s)
    // A bare number is a ward only when the part says "phường"; "10" alone is a house or village number.
    if (!key || (/^\d+$/.test(key) && kind !== 'commune')) continue
    out.push({ kind, key })
  }
  return out
}

export function createCommuneResolver(data: ResolverData) {
  const provinceName = new Map(data.provinces.map((p) => [p.code, p.name]))
  const communes = data.provinces.flatMap((p) => p.communes.map((c) => ({ ...c, provinceCode: p.code, key: nameKey(c.name) })))
  const byCode = new Map(communes.map((c) => [c.code, c]))
  const oldProvince = new Map(data.oldProvinces.map(([code, name, newCode]) => [code, { name, newCode }]))
  const oldRows: OldRow[] = data.oldCommunes.map(([oldCode, name, district, provCode, newCode, change]) => {
    const province = oldProvince.get(provCode)?.name ?? ''
    return { oldCode, name, district, province, key: nameKey(name), districtKey: nameKey(district), provinceKey: nameKey(province), newCode, change }
  })
  const oldByCode = new Map<string, OldRow[]>()
  const oldByKey = new Map<string, OldRow[]>()
  for (const r of oldRows) {
    if (r.oldCode) oldByCode.set(r.oldCode, [...(oldByCode.get(r.oldCode) ?? []), r])
    oldByKey.set(r.key, [...(oldByKey.get(r.key) ?? []), r])
  }
  const newByKey = new Map<string, typeof communes>()
  for (const c of communes) newByKey.set(c.key, [...(newByKey.get(c.key) ?? []), c])

  const candidate = (code: string, via: string, r?: OldRow): CommuneCandidate | undefined => {
    const c = byCode.get(code)
    const old = r ? { name: r.name, district: r.district, province: r.province, change: r.change } : undefined
    return c ? { code: c.code, name: c.name, provinceCode: c.provinceCode, provinceName: provinceName.get(c.provinceCode) ?? '', via, old } : undefined
  }
  const oldVia = (r: OldRow) => `${r.name}, ${r.district}, ${r.province} (cũ)${r.change ? ` — ${r.change}` : ''}`
  /** Distinct new units, best first; the preferred province first among equals. */
  const distinct = (scored: Array<{ c: CommuneCandidate; score: number }>, prefer: string | null | undefined) => {
    const best = new Map<string, { c: CommuneCandidate; score: number }>()
    for (const s of scored) {
      const score = s.score + (prefer && s.c.provinceCode === prefer ? 8 : 0)
      const had = best.get(s.c.code)
      if (!had || had.score < score) best.set(s.c.code, { c: s.c, score })
    }
    return [...best.values()].sort((a, b) => b.score - a.score || a.c.name.localeCompare(b.c.name, 'vi'))
  }
  const decide = (how: ResolveHow, ranked: Array<{ c: CommuneCandidate; score: number }>, sure: (top: number) => boolean, what: string): Resolution => {
    if (ranked.length === 0) return { status: 'none', message: `Không tìm thấy xã/phường cho «${what}»` }
    const top = ranked[0]!
    const tied = ranked.filter((r) => r.score === top.score)
    if (tied.length === 1 && sure(top.score)) return { status: 'resolved', how, candidate: top.c }
    return {
      status: 'choice',
      how,
      reason: tied.length > 1 ? `«${what}» ứng với ${tied.length} xã/phường hiện nay` : `«${what}» chưa đủ chắc chắn (chỉ khớp tên)`,
      candidates: ranked.slice(0, 8).map((r) => r.c)
    }
  }

  function byNewName(name: string, prefer: string | null | undefined): Array<{ c: CommuneCandidate; score: number }> {
    const key = nameKey(name)
    return distinct(
      (newByKey.get(key) ?? []).map((c) => ({ c: candidate(c.code, `${c.name} (tên hiện nay)`)!, score: 1 })),
      prefer
    )
  }

  /** Old rows scored against typed parts: commune part 3 (bare 1), district +2, province +4. */
  function byOldParts(parts: Part[], prefer: string | null | undefined) {
    const scored: Array<{ c: CommuneCandidate; score: number; district: boolean }> = []
    const districtKeys = new Set(parts.filter((p) => p.kind === 'district' || p.kind === 'any').map((p) => p.key))
    const provinceKeys = new Set(parts.filter((p) => p.kind === 'province' || p.kind === 'any').map((p) => p.key))
    const rows = [...new Set(parts.filter((p) => p.kind !== 'district' && p.kind !== 'province').map((p) => p.key))].flatMap((k) => oldByKey.get(k) ?? [])
    for (const r of rows) {
      // The commune part must be a part of its own, not the district's name read again ("huyện Lạc Dương" is
      // not "thị trấn Lạc Dương"): a district-typed part never matches a commune.
      const own = parts.find((p) => (p.kind === 'commune' || p.kind === 'any') && p.key === r.key)
      if (!own) continue
      const district = r.districtKey !== '' && districtKeys.has(r.districtKey) && !(own.kind === 'any' && parts.filter((p) => p.key === r.key).length < 2 && r.key === r.districtKey)
      const province = r.provinceKey !== '' && provinceKeys.has(r.provinceKey)
      const c = candidate(r.newCode, oldVia(r), r)
      if (c) scored.push({ c, score: (own.kind === 'commune' ? 3 : 1) + (district ? 2 : 0) + (province ? 4 : 0), district })
    }
    return { ranked: distinct(scored, prefer), withDistrict: scored.some((s) => s.district) }
  }

  function fromParts(parts: Part[], how: ResolveHow, what: string, prefer: string | null | undefined): Resolution {
    const hasDistrict = parts.some((p) => p.kind === 'district')
    // Already the new form (no district any more): a commune part naming a unit in force resolves to itself.
    if (!hasDistrict) {
      const provinceKeys = new Set(parts.filter((p) => p.kind === 'province' || p.kind === 'any').map((p) => p.key))
      const named = [...provinceName.entries()].find(([, n]) => provinceKeys.has(nameKey(n)))?.[0]
      const inProvince = named ?? prefer
      for (const p of parts.filter((x) => x.kind === 'commune' || x.kind === 'any')) {
        const hits = (newByKey.get(p.key) ?? []).filter((c) => !inProvince || c.provinceCode === inProvince)
        if (hits.length === 1 && (p.kind === 'commune' || named)) return { status: 'resolved', how: 'new-address', candidate: candidate(hits[0]!.code, `${hits[0]!.name} (địa chỉ theo đơn vị hiện nay)`)! }
      }
    }
    const { ranked, withDistrict } = byOldParts(parts, prefer)
    // Sure only when the district (or province) confirmed the commune; a bare old name is a suggestion.
    return decide(how, ranked, (top) => withDistrict && top >= 5, what)
  }

  function resolve(q: CommuneQuery): Resolution {
    const prefer = q.provinceCode ?? null
    const code = (q.code ?? '').trim()
    if (/^\d{1,5}$/.test(code)) {
      const padded = code.padStart(5, '0')
      const now = byCode.get(padded)
      if (now) return { status: 'resolved', how: 'code', candidate: candidate(padded, `${now.name} (mã hiện nay)`)! }
      const old = oldByCode.get(padded)
      if (old?.length)
        return decide('old-code', distinct(old.map((r) => ({ c: candidate(r.newCode, `mã cũ ${padded}: ${oldVia(r)}`, r)!, score: 1 })).filter((s) => s.c), prefer), () => true, `mã ${padded}`)
      return { status: 'none', message: `Không có xã/phường mã ${padded}, kể cả trong bảng mã cũ trước 1/7/2025` }
    }
    const todayName = code || (q.name ?? '').trim()
    if (todayName) {
      const hits = byNewName(todayName, prefer)
      const inProvince = prefer ? hits.filter((h) => h.c.provinceCode === prefer) : hits
      if (inProvince.length === 1 || (!prefer && hits.length === 1)) return { status: 'resolved', how: 'name', candidate: inProvince[0]?.c ?? hits[0]!.c }
      if (hits.length > 1) return { status: 'choice', how: 'name', reason: `«${todayName}» là tên của ${hits.length} xã/phường hiện nay`, candidates: hits.slice(0, 8).map((h) => h.c) }
      if (!q.oldCommune && !q.address) return fromParts(addressParts(todayName).map((p) => ({ ...p, kind: 'commune' as const })), 'old-names', todayName, prefer)
    }
    if (q.oldCommune?.trim()) {
      const parts: Part[] = [{ kind: 'commune', key: nameKey(q.oldCommune) }]
      if (q.oldDistrict?.trim()) parts.push({ kind: 'district', key: nameKey(q.oldDistrict) })
      if (q.oldProvince?.trim()) parts.push({ kind: 'province', key: nameKey(q.oldProvince) })
      const { ranked, withDistrict } = byOldParts(parts, prefer)
      return decide('old-names', ranked, (top) => withDistrict && top >= 5, [q.oldCommune, q.oldDistrict, q.oldProvince].filter(Boolean).join(', '))
    }
    if (q.address?.trim()) return fromParts(addressParts(q.address), 'old-address', q.address.trim(), prefer)
    return { status: 'none', message: 'Thiếu mã xã (hoặc tên xã, xã cũ và huyện cũ, hay địa chỉ cũ)' }
  }

  /** Suggestions for a free-text address, best first (the old-address helper of the catalogue screens). */
  function suggest(address: string, prefer: string | null | undefined, limit: number): CommuneCandidate[] {
    const r = fromParts(addressParts(address), 'old-address', address, prefer)
    return r.status === 'resolved' ? [r.candidate] : r.status === 'choice' ? r.candidates.slice(0, limit) : []
  }

  return { resolve, suggest }
}
export type CommuneResolver = ReturnType<typeof createCommuneResolver>
