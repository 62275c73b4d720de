import { createTranslator } from 'next-intl'
import { describe, expect, it } from 'vitest'

import { ADMIN_DICTIONARIES } from '@/i18n/admin'
import siteAz from '@/i18n/messages/az.json'
import siteEn from '@/i18n/messages/en.json'
import siteRu from '@/i18n/messages/ru.json'
import type { Shape } from '@/lib/dictionary'
import {
  CONTENT_LOCALES,
  LANGUAGE_NAMES,
  LANGUAGE_NAMES_IN,
  LANGUAGES,
  languageNameIn,
  languageOptionsIn,
} from '@/lib/languages'
import { messagesAz, messagesEn, messagesRu } from '@/lib/messages'

import { icuArguments, keyDifferences, leaves, payloadPlaceholders } from '../helpers/dictionaries'
import { offendersIn, sourcesOf } from '../helpers/languageSweep'

/**
 * Every text tree of the project has the same keys in en, az and ru, so that no string ships
 * untranslated: the admin dictionary with its area files (panels, emails, server messages; az and
 * ru are also checked by `tsc`, see admin-i18n.int.spec.ts), the server messages on their own,
 * and the site's next-intl messages (JSON, which `tsc` cannot check). Placeholders match across
 * languages, every ICU message formats, and plurals have every form the language needs.
 */

/**
 * The site's JSON checked by `tsc` too: az and ru typed as English's shape, so a key missing from
 * either fails the type check (an extra key is caught by the run-time comparison below).
 */
const SITE: { en: typeof siteEn } & Record<'az' | 'ru', Shape<typeof siteEn>> = {
  en: siteEn,
  az: siteAz,
  ru: siteRu,
}

const { found: _found, ...searchWithoutFound } = siteRu.search
// @ts-expect-error a site dictionary without every key of the English one fails the type check
export const incompleteSite: Shape<typeof siteEn> = { ...siteRu, search: searchWithoutFound }
// @ts-expect-error server messages without every key of the English ones fail the type check
export const incompleteMessages: Shape<typeof messagesEn> = { ...messagesRu, request: {} }
const TREES = {
  'admin dictionary (src/i18n/admin)': { ...ADMIN_DICTIONARIES },
  'server messages (src/lib/messages)': { en: messagesEn, az: messagesAz, ru: messagesRu },
  'site messages (src/i18n/messages/*.json)': SITE,
}

describe('the key comparison', () => {
  it('finds a key missing in a translation and one it has in excess', () => {
    const source = { a: { b: 'B', c: 'C' }, d: 'D' }
    expect(keyDifferences(source, { a: { b: 'b' }, d: 'd', e: 'e' })).toEqual({
      missing: ['a:c'],
      extra: ['e'],
    })
    expect(keyDifferences(source, { a: { b: 'b', c: 'c' }, d: 'd' })).toEqual({
      missing: [],
      extra: [],
    })
  })

  it('reads placeholders of both kinds', () => {
    expect(payloadPlaceholders('{{title}} by {{ name }}, {{title}}')).toEqual(['name', 'title'])
    expect(
      icuArguments('«{q}» {count, plural, one {найдена # статья} other {найдено # статей}}'),
    ).toEqual(['count', 'q'])
  })
})

describe("the admin language sweep's matcher (tests/e2e/admin-language)", () => {
  it('flags English texts of the dictionary on an az page, and keys left unresolved', () => {
    const strings = ['Draft', 'Qaralama', 'Caspian ferry', 'URL', 'custom:stages:draft', 'Title *']
    const found = offendersIn('desk', 'az', strings).map(({ text, key, expected }) => [
      text,
      key,
      expected,
    ])
    expect(found).toEqual(
      expect.arrayContaining([
        ['Draft', 'custom:stages:draft', 'Qaralama'],
        ['custom:stages:draft', 'custom:stages:draft', '(unresolved)'],
        ['Title', 'custom:common:title', 'Başlıq'],
      ]),
    )
    // Azerbaijani text, a proper noun and a word the same in both languages are not offenders
    // ("Title" may stand for more than one key of the dictionary).
    expect(new Set(found.map(([text]) => text))).toEqual(
      new Set(['Draft', 'custom:stages:draft', 'Title']),
    )
    expect(offendersIn('desk', 'en', ['Draft', 'Title'])).toEqual([])
  })

  it('reads a {{language}} placeholder as a language name only', () => {
    const texts = (strings: string[]) => offendersIn('desk', 'az', strings).map(({ text }) => text)
    expect(texts(['Russian version'])).toEqual(['Russian version'])
    expect(texts(['My version'])).toEqual([])
  })

  it('names the files that still hold an English text outside the dictionaries', () => {
    expect(sourcesOf('Needs update')).toContain('src/components/translations/NeedsUpdateCell.tsx')
    expect(sourcesOf('Qaralama')).toEqual([])
  })
})

describe.each(Object.entries(TREES))('%s', (_, trees) => {
  it.each(['az', 'ru'] as const)('has every English key in %s, and no other', (language) => {
    expect(keyDifferences(trees.en, trees[language])).toEqual({ missing: [], extra: [] })
  })

  it.each(['az', 'ru'] as const)(
    'has no empty text and the same placeholders in %s',
    (language) => {
      const english = new Map(leaves(trees.en).map((leaf) => [leaf.key, leaf.text]))
      const wrong = leaves(trees[language])
        .filter(({ key, text }) => {
          const source = english.get(key)
          if (source === undefined) return false
          const args = trees === SITE ? icuArguments : payloadPlaceholders
          return !text.trim() || args(text).join() !== args(source).join()
        })
        .map(({ key, text }) => `${key}: "${text}" (English: "${english.get(key)}")`)
      expect(wrong).toEqual([])
    },
  )
})

describe("the site's messages (next-intl, ICU)", () => {
  const translator = (language: keyof typeof SITE) =>
    createTranslator({
      locale: language,
      messages: SITE[language],
      onError: (error) => {
        throw error
      },
    })

  it('format in every language with their arguments filled', () => {
    for (const language of LANGUAGES) {
      const t = translator(language) as unknown as (key: string, values: object) => string
      for (const { key, text } of leaves(SITE[language], '.')) {
        const values = Object.fromEntries(icuArguments(text).map((name) => [name, 3]))
        expect(() => t(key, values), `${language} ${key}`).not.toThrow()
      }
    }
  })

  it('give every plural the forms its language needs (ru: one, few, many, other)', () => {
    const missing: string[] = []
    for (const language of LANGUAGES) {
      const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories
      for (const { key, text } of leaves(SITE[language], '.')) {
        if (!/,\s*plural\s*,/.test(text)) continue
        for (const form of needed) {
          if (!new RegExp(`\\b${form}\\s*\\{`).test(text))
            missing.push(`${language} ${key}: ${form}`)
        }
      }
    }
    expect(missing).toEqual([])
  })

  it('count search results in Russian, Azerbaijani and English as each language does', () => {
    const found = (language: keyof typeof SITE, count: number) =>
      translator(language)('search.found', { count, q: 'нефть' })
    expect([1, 2, 5, 21].map((n) => found('ru', n))).toEqual([
      'По запросу «нефть» найдена 1 статья',
      'По запросу «нефть» найдены 2 статьи',
      'По запросу «нефть» найдено 5 статей',
      'По запросу «нефть» найдена 21 статья',
    ])
    expect(found('ru', 11)).toBe('По запросу «нефть» найдено 11 статей')
    expect([1, 2].map((n) => found('az', n))).toEqual([
      '“нефть” üzrə 1 məqalə tapıldı',
      '“нефть” üzrə 2 məqalə tapıldı',
    ])
    expect([1, 2, 21].map((n) => found('en', n))).toEqual([
      '1 article matches “нефть”',
      '2 articles match “нефть”',
      '21 articles match “нефть”',
    ])
  })
})

describe('the languages, in one table', () => {
  it('names every language in every language, each in its own by LANGUAGE_NAMES', () => {
    for (const language of LANGUAGES) {
      expect(Object.keys(LANGUAGE_NAMES_IN[language]).sort()).toEqual([...LANGUAGES].sort())
      expect(LANGUAGE_NAMES[language]).toBe(languageNameIn(language, language))
    }
    expect(languageNameIn('en', 'az')).toBe('Azerbaijani')
    expect(languageNameIn('az', 'az')).toBe('Azərbaycan dili')
    expect(languageNameIn('ru', 'en')).toBe('Английский')
    expect(languageNameIn('xx', 'ru')).toBe('Russian')
    expect(languageNameIn('az', 'tr')).toBe('tr')
    // Payload's locale switcher and the options of a document's language: per admin language.
    expect(CONTENT_LOCALES.find(({ code }) => code === 'ru')?.label).toEqual({
      en: 'Russian',
      az: 'Rus dili',
      ru: 'Русский',
    })
    expect(languageOptionsIn('az').map(({ label }) => label)).toEqual([
      'İngilis dili',
      'Azərbaycan dili',
      'Rus dili',
    ])
    // An English sentence of the site ("Translated from {language}") names them in English.
    for (const language of LANGUAGES) {
      expect(siteEn.languages[language]).toBe(languageNameIn('en', language))
    }
  })
})
