import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { addressParts, createCommuneResolver, nameKey, type ResolverData } from '../../../src-main/domain/commune-resolver'
import { RESOURCES } from '../../utils/core'

const units = JSON.parse(readFileSync(join(RESOURCES, 'admin-units', 'units-2025.json'), 'utf8')) as { provinces: Array<{ c: string; n: string; u: Array<{ c: string; n: string }> }> }
const old = JSON.parse(readFileSync(join(RESOURCES, 'admin-units', 'old-to-new-2025.json'), 'utf8')) as { provinces: ResolverData['oldProvinces']; communes: ResolverData['oldCommunes'] }
const data: ResolverData = {
  provinces: units.provinces.map((p) => ({ code: p.c, name: p.n, communes: p.u.map((u) => ({ code: u.c, name: u.n })) })),
  oldCommunes: old.communes,
  oldProvinces: old.provinces
}
const r = createCommuneResolver(data)
const code = (x: ReturnType<typeof r.resolve>) => (x.status === 'resolved' ? x.candidate.code : x.status)
const oldProvinceName = new Map(old.provinces.map(([c, n]) => [c, n]))

describe('commune names: tone placement folds, other diacritics do not', () => {
  it('Thủy = Thuỷ, Hòa = Hoà, but Hòa An ≠ Hoà Ân and An ≠ Ân', () => {
    expect(nameKey('Phường Phú Thủy')).toBe(nameKey('phú thuỷ'))
    expect(nameKey('Xã Hòa Bắc')).toBe(nameKey('Xã Hoà Bắc'))
    expect(nameKey('Xã Hòa An')).not.toBe(nameKey('Xã Hoà Ân'))
    expect(nameKey('An')).not.toBe(nameKey('Ân'))
    expect(nameKey('Đạ Sar')).not.toBe(nameKey('Da Sar'))
    expect(nameKey("Xã Ea H’Leo")).toBe(nameKey("Ea H'Leo"))
  })
  it('today’s name in either tone convention resolves in the installed province', () => {
    expect(code(r.resolve({ name: 'Phường Phú Thủy', provinceCode: '68' }))).toBe('22924')
    expect(code(r.resolve({ code: 'Phú Thuỷ', provinceCode: '68' }))).toBe('22924')
    expect(r.resolve({ name: 'Xã Hoà Ân', provinceCode: '68' }).status).not.toBe('resolved')
  })
})

describe('codes', () => {
  it('today’s code, an old code (mapped by the official table), an old code split between units (a choice)', () => {
    expect(code(r.resolve({ code: '24778' }))).toBe('24778')
    expect(code(r.resolve({ code: '24862', provinceCode: '68' }))).toBe('24846')
    const split = [...new Map(old.communes.filter((x) => x[0]).map((x) => [x[0], old.communes.filter((y) => y[0] === x[0] && !units.provinces.some((p) => p.u.some((u) => u.c === x[0])))])).values()].find((rows) => new Set(rows.map((x) => x[4])).size > 1)!
    const res = r.resolve({ code: split[0]![0] })
    expect(res.status).toBe('choice')
    expect(res.status === 'choice' && res.candidates.map((c) => c.code).sort()).toEqual([...new Set(split.map((x) => x[4]))].sort())
    expect(r.resolve({ code: '99999' })).toMatchObject({ status: 'none' })
  })
})

describe('old names and old addresses', () => {
  it('old commune + old district (+ province) names resolve; an old name alone is a choice, never a guess', () => {
    expect(code(r.resolve({ oldCommune: 'Xã Đạ Sar', oldDistrict: 'Huyện Lạc Dương', oldProvince: 'Tỉnh Lâm Đồng' }))).toBe('24848')
    expect(code(r.resolve({ oldCommune: 'Lát', oldDistrict: 'Lạc Dương', provinceCode: '68' }))).toBe('24846')
    expect(r.resolve({ oldCommune: 'Xã Lát', provinceCode: '68' }).status).toBe('choice')
  })

  it('a commune of a district named like its town is the commune, not the town (every such district of the table)', () => {
    // Districts with a town of the same name: every other commune of the district, written as a clerk does.
    const towns = old.communes.filter((x) => x[1].startsWith('Thị trấn ') && nameKey(x[1]) === nameKey(x[2]))
    let checked = 0
    for (const t of towns) {
      const rows = old.communes.filter((x) => x[2] === t[2] && x[3] === t[3] && x[1] !== t[1])
      for (const x of rows) {
        const sameKey = old.communes.filter((y) => y[2] === x[2] && y[3] === x[3] && nameKey(y[1]) === nameKey(x[1]))
        if (new Set(sameKey.map((y) => y[4])).size !== 1) continue
        const res = r.resolve({ address: `Thôn 1, ${x[1]}, ${x[2]}, ${oldProvinceName.get(x[3])}` })
        expect(code(res), `${x[1]}, ${x[2]}`).toBe(x[4])
        checked++
      }
    }
    expect(checked).toBeGreaterThan(1000)
  })

  it('Thôn 10 / Tổ 4 are not wards 10 and 4; "Phường 10" is', () => {
    expect(addressParts('Thôn 10, Tổ 4, xã Lát, huyện Lạc Dương')).toEqual([
      { kind: 'commune', key: nameKey('Lát') },
      { kind: 'district', key: nameKey('Lạc Dương') }
    ])
    expect(code(r.resolve({ address: 'Thôn 10, xã Lát, huyện Lạc Dương, tỉnh Lâm Đồng' }))).toBe('24846')
    expect(code(r.resolve({ address: 'Tổ 4, Phường 10, thành phố Đà Lạt, tỉnh Lâm Đồng' }))).toBe('24781')
  })

  it('an address already in the new form resolves to itself', () => {
    expect(code(r.resolve({ address: 'Thôn 2, Xã Lạc Dương, Tỉnh Lâm Đồng' }))).toBe('24848')
    expect(code(r.resolve({ address: 'Thôn Đồng Tâm, xã Lạc Dương', provinceCode: '68' }))).toBe('24848')
    expect(code(r.resolve({ address: '12 Trần Phú, Phường Phú Thủy, Lâm Đồng' }))).toBe('22924')
  })

  it('prefers the installed province among equals', () => {
    // An old commune + district pair that exists in two old provinces now in different new provinces.
    const provinceOf = new Map(units.provinces.flatMap((p) => p.u.map((u) => [u.c, p.c] as const)))
    const province = (c: string) => provinceOf.get(c)!
    const pairs = new Map<string, Set<string>>()
    for (const x of old.communes) {
      const k = `${nameKey(x[1])}|${nameKey(x[2])}`
      pairs.set(k, (pairs.get(k) ?? new Set()).add(x[4]))
    }
    const twin = old.communes.find((x) => {
      const s = [...pairs.get(`${nameKey(x[1])}|${nameKey(x[2])}`)!]
      return s.length === 2 && province(s[0]!) !== province(s[1]!)
    })!
    const other = old.communes.find((y) => nameKey(y[1]) === nameKey(twin[1]) && nameKey(y[2]) === nameKey(twin[2]) && y[4] !== twin[4])!
    const ask = (p: string) => r.resolve({ oldCommune: twin[1], oldDistrict: twin[2], provinceCode: p })
    expect(code(ask(province(twin[4])))).toBe(twin[4])
    expect(code(ask(province(other[4])))).toBe(other[4])
  })
})
