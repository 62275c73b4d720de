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
 * Every language's name in every language: `LANGUAGE_NAME_IN[language][inLanguage]`, as a
 * sentence of that language writes it standing alone (a list, a menu, a table heading). Grammar
 * inside a sentence ("translated from English") stays with the sentence, in its dictionary.
 */
export const LANGUAGE_NAME_IN = {
  en: { en: 'English', az: 'İngilis dili', ru: 'Английский' },
  az: { en: 'Azerbaijani', az: 'Azərbaycan dili', ru: 'Азербайджанский' },
  ru: { en: 'Russian', az: 'Rus dili', ru: 'Русский' },
} as const satisfies Record<Language, Record<Language, string>>

/** A language's name in another language (`languageName('az', 'ru')` is "Азербайджанский"). */
export const languageName = (language: Language, inLanguage: Language): string =>
  LANGUAGE_NAME_IN[language][inLanguage]

/** Each language's name in that language: how a reader or translator looks for their own. */
export const LANGUAGE_NAMES = Object.fromEntries(
  LANGUAGES.map((language) => [language, languageName(language, language)]),
) as Record<Language, string>

/** Each language's short form, as the site's language switcher shows it ("AZ"). */
export const languageCode = (language: Language): string => language.toUpperCase()

/**
 * The content locales for Payload's `localization`: the admin's locale switcher names each
 * language in the admin's own language ("Rus dili" to a person working in Azerbaijani).
 */
export const CONTENT_LOCALES = LANGUAGES.map((code) => ({
  code,
  label: { ...LANGUAGE_NAME_IN[code] } as Record<Language, string>,
}))

/** A language's name in the language `inLanguage` (an admin's, a reader's); English when that is
 * not one of ours, the code itself when `code` is not a language. */
export const languageNameIn = (inLanguage: string | null | undefined, code: string): string =>
  isLanguage(code)
    ? languageName(code, isLanguage(inLanguage) ? inLanguage : DEFAULT_LANGUAGE)
    : code

/** The languages as select options (admin fields, the desk's filter). */
export const LANGUAGE_OPTIONS = LANGUAGES.map((value) => ({ label: LANGUAGE_NAMES[value], value }))

/** What a story may have been written in first (an article's `source.originalLanguage`). */
export const SOURCE_LANGUAGES = [...LANGUAGES, 'tr', 'fr', 'de', 'other'] as const
export type SourceLanguage = (typeof SOURCE_LANGUAGES)[number]

/** The source languages as select options: the site's own first, by their own names. */
export const SOURCE_LANGUAGE_OPTIONS = [
  ...LANGUAGE_OPTIONS,
  { label: 'Turkish', value: 'tr' },
  { label: 'French', value: 'fr' },
  { label: 'German', value: 'de' },
  { label: 'Other', value: 'other' },
] satisfies { label: string; value: SourceLanguage }[]
