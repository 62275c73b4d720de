/**
 * The languages of the newsroom, in one place: the public site's prefixes (`/en`, `/az`, `/ru`),
 * an article's `language`, the admin's content locales, a translator's languages, the importer's
 * and the feeds' all read this list. Adding a language starts here.
 */
export const LANGUAGES = ['en', 'az', 'ru'] as const
export type Language = (typeof LANGUAGES)[number]

/** The site's language when the reader has not chosen one, and the admin's fallback. */
export const DEFAULT_LANGUAGE: Language = 'en'

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)

/**
 * Each language's name in each language, `[in][language]`: "Russian" in an Azerbaijani admin is
 * `LANGUAGE_NAMES_IN.az.ru` (Rus dili), as a name standing alone (a list, a menu, a field's
 * value). Grammar inside a sentence ("translated from English") stays with the sentence, in its
 * dictionary.
 */
export const LANGUAGE_NAMES_IN: Record<Language, Record<Language, string>> = {
  en: { en: 'English', az: 'Azerbaijani', ru: 'Russian' },
  az: { en: 'İngilis dili', az: 'Azərbaycan dili', ru: 'Rus dili' },
  ru: { en: 'Английский', az: 'Азербайджанский', ru: 'Русский' },
}

/** A language's name in another language (the admin's, a message's): English when unknown. */
export const languageNameIn = (language: string | null | undefined, code: string): string => {
  const names = LANGUAGE_NAMES_IN[isLanguage(language) ? language : DEFAULT_LANGUAGE]
  return isLanguage(code) ? names[code] : code
}

/** One language's name in every language, as Payload takes a label it resolves per admin language. */
export const namesOf = (code: Language): Record<Language, string> =>
  Object.fromEntries(
    LANGUAGES.map((inLanguage) => [inLanguage, LANGUAGE_NAMES_IN[inLanguage][code]]),
  ) as Record<Language, string>

/** Each language's name in that language: how a reader or translator looks for their own. */
export const LANGUAGE_NAMES = Object.fromEntries(
  LANGUAGES.map((language) => [language, LANGUAGE_NAMES_IN[language][language]]),
) as Record<Language, string>

/** Each language's short form, as the site's language switcher shows it ("AZ"). */
export const languageCode = (language: Language): string => language.toUpperCase()

/**
 * The content locales for Payload's `localization`: the admin's locale switcher names each
 * language in the admin's own language ("Rus dili" to a person working in Azerbaijani).
 */
export const CONTENT_LOCALES = LANGUAGES.map((code) => ({ code, label: namesOf(code) }))

/**
 * The content languages as options of a field or filter that says what language a document is
 * in, named in the admin's language (Payload resolves the label per admin language). A person's
 * own choice of language (the admin language, a translator's languages) keeps `LANGUAGE_OPTIONS`,
 * each language by its own name.
 */
export const CONTENT_LANGUAGE_OPTIONS = LANGUAGES.map((value) => ({ label: namesOf(value), value }))

/** The same options as plain text in one language, for the admin's own components (the desk). */
export const languageOptionsIn = (inLanguage: string | null | undefined) =>
  LANGUAGES.map((value) => ({ label: languageNameIn(inLanguage, value), value }))

/** The languages as select options (admin fields, the desk's filter). */
export const LANGUAGE_OPTIONS = LANGUAGES.map((value) => ({ label: LANGUAGE_NAMES[value], value }))

/** What a story may have been written in first (an article's `source.originalLanguage`). */
export const SOURCE_LANGUAGES = [...LANGUAGES, 'tr', 'fr', 'de', 'other'] as const
export type SourceLanguage = (typeof SOURCE_LANGUAGES)[number]

/**
 * The source languages as select options: the site's own first, named in the admin's language
 * (as `CONTENT_LANGUAGE_OPTIONS`); the others' English labels are replaced by the admin
 * dictionary's `sourceLanguages` where the field is declared.
 */
export const SOURCE_LANGUAGE_OPTIONS = [
  ...CONTENT_LANGUAGE_OPTIONS,
  { label: 'Turkish', value: 'tr' },
  { label: 'French', value: 'fr' },
  { label: 'German', value: 'de' },
  { label: 'Other', value: 'other' },
] satisfies { label: string | Record<Language, string>; value: SourceLanguage }[]
