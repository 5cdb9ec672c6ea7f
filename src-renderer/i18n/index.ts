import i18next, { type i18n } from 'i18next'
import { initReactI18next } from 'react-i18next'

/**
 * One namespace per feature (locales/<lang>/<namespace>.json), so features add their strings without touching
 * each other's files. Vietnamese is canonical; English is the second catalogue.
 */
const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json', { eager: true })

export const LANGUAGES = ['vi', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

export function catalogues(): Record<string, Record<string, Record<string, unknown>>> {
  const out: Record<string, Record<string, Record<string, unknown>>> = {}
  for (const [path, mod] of Object.entries(files)) {
    const m = /\.\/locales\/(\w+)\/([\w-]+)\.json$/.exec(path)
    if (!m) continue
    const [, lang, ns] = m as unknown as [string, string, string]
    ;(out[lang] ??= {})[ns] = mod.default
  }
  return out
}

export function createI18n(lng: Language = 'vi'): i18n {
  const instance = i18next.createInstance()
  void instance.use(initReactI18next).init({
    lng,
    fallbackLng: 'vi',
    defaultNS: 'common',
    resources: catalogues(),
    interpolation: { escapeValue: false },
    initAsync: false
  })
  return instance
}
