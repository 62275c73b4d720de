/**
 * The admin's own words through Payload's i18n: one dictionary per admin language (en is the
 * source; az and ru must have every key, `tsc` checks), given to Payload as the `custom`
 * namespace of `i18n.translations`. Collections, globals and fields label with
 * `label('articles:dek')`, a function Payload calls with its `t` in the admin's language; where
 * Payload takes no function (a collection's `admin.group`), `inLanguages('groups:content')`
 * gives the text in every language at once; descriptions use it too, so that
 * Payload's generated types keep their English doc comments (it does not call functions there).
 */
import type { TFunction } from '@payloadcms/translations'

import { lookup } from '@/lib/dictionary'
import { LANGUAGES, type Language } from '@/lib/languages'

import { az } from './az'
import type { AdminDictionary, AdminKey } from './dictionary'
import { en } from './en'
import { ru } from './ru'

export type { AdminDictionary, AdminKey } from './dictionary'

/** Each admin language's dictionary. */
export const ADMIN_DICTIONARIES: Record<Language, AdminDictionary> = { en, az, ru }

/** For `i18n.translations` in payload.config.ts: the dictionaries as Payload's `custom:` keys. */
export const adminTranslations = {
  en: { custom: en },
  az: { custom: az },
  ru: { custom: ru },
}

/** Payload's translation key of an admin key. */
export const customKey = (key: AdminKey) => `custom:${key}` as const

/** One key's text in one language (for code that has no Payload `t` at hand). */
export const adminText = (language: Language, key: AdminKey): string =>
  lookup(ADMIN_DICTIONARIES[language], key) ?? key

/** A label made by `label()`: Payload calls it; the key stays readable for code that looks it up. */
export type AdminLabel = ((args: { t: TFunction }) => string) & { adminKey: AdminKey }

/**
 * A label or option label: Payload calls it with `t` in the admin's language.
 * (`TFunction` is typed with Payload's own keys; ours are checked by `AdminKey` instead.)
 */
export const label = (key: AdminKey): AdminLabel =>
  Object.assign(({ t }: { t: TFunction }) => (t as TFunction<string>)(customKey(key)), {
    adminKey: key,
  })

/**
 * A label's English text, whichever form it takes (a string, a per-language object, `label()`):
 * for code that finds a field or tab by its label.
 */
export const englishLabel = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value
  if (typeof value === 'function' && 'adminKey' in value) {
    return adminText('en', value.adminKey as AdminKey)
  }
  if (value && typeof value === 'object' && 'en' in value) return String(value.en)
  return undefined
}

/** The text in every admin language, for the places Payload takes no function (`admin.group`). */
export const inLanguages = (key: AdminKey): Record<Language, string> =>
  Object.fromEntries(LANGUAGES.map((language) => [language, adminText(language, key)])) as Record<
    Language,
    string
  >
