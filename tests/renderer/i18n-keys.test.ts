import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

const ROOT = join(__dirname, '../../src-renderer')
const LOCALES = join(ROOT, 'i18n/locales')

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) ? [p] : []
  })
}

function flatten(obj: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (v && typeof v === 'object' ? flatten(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`]))
}

function catalogue(lang: string): Set<string> {
  const out = new Set<string>()
  for (const f of readdirSync(join(LOCALES, lang))) {
    const ns = f.replace(/\.json$/, '')
    for (const k of flatten(JSON.parse(readFileSync(join(LOCALES, lang, f), 'utf8')))) out.add(`${ns}:${k}`)
  }
  return out
}

/** Literal keys used in the code: t('key'), t('ns:key'), and i18n label fields ('nav.x'). */
function usedKeys(): Array<{ key: string; file: string }> {
  const out: Array<{ key: string; file: string }> = []
  for (const file of files(ROOT)) {
    const src = readFileSync(file, 'utf8')
    const ns = /useTranslation\(\s*'([\w-]+)'/.exec(src)?.[1] ?? 'common'
    for (const m of src.matchAll(/\bt\(\s*'([^'$`]+)'/g)) {
      const k = m[1]!
      out.push({ key: k.includes(':') ? k : `${ns}:${k}`, file: relative(ROOT, file) })
    }
    for (const m of src.matchAll(/\blabel: '(nav\.[\w.]+)'/g)) out.push({ key: `common:${m[1]}`, file: relative(ROOT, file) })
  }
  return out
}

describe('i18n catalogues', () => {
  const vi = catalogue('vi')
  const en = catalogue('en')

  it('Vietnamese and English have the same keys', () => {
    expect([...vi].filter((k) => !en.has(k))).toEqual([])
    expect([...en].filter((k) => !vi.has(k))).toEqual([])
  })

  it('every literal key used in the renderer exists in both catalogues', () => {
    const used = usedKeys()
    expect(used.length).toBeGreaterThan(20)
    const missing = used.filter((u) => !vi.has(u.key) || !en.has(u.key))
    expect(missing).toEqual([])
  })

  it('the Vietnamese catalogue is NFC', () => {
    for (const f of readdirSync(join(LOCALES, 'vi'))) {
      const text = readFileSync(join(LOCALES, 'vi', f), 'utf8')
      expect(text.normalize('NFC'), f).toBe(text)
    }
  })
})
