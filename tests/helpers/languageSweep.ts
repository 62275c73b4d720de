import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import type { Page } from 'playwright-core'

import { ADMIN_DICTIONARIES } from '@/i18n/admin'
import { lookup } from '@/lib/dictionary'
import { LANGUAGE_NAMES_IN, type Language } from '@/lib/languages'

import { leaves } from './dictionaries'

/**
 * The admin's language sweep: what a page shows, checked against the project's own dictionary
 * (src/i18n/admin/en.ts with its area files: panels, emails and the server messages of
 * src/lib/messages). A string on a page in az or ru that is the English text of one of its keys,
 * where that key's text in the page's language differs, is an offender: something the person
 * reads in English although the project has (or must have) their words for it.
 */

/** One English string found on a page, with the key it belongs to and what it should read. */
export type Offender = {
  page: string
  text: string
  key: string
  /** the key's text in the page's language ("" when the key has none there) */
  expected: string
  /** the English text as the dictionary has it, placeholders and all */
  english: string
}

/** A line or attribute as compared: single spaces, no decoration around it. */
const normalize = (text: string) =>
  text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[✓✗•*·:→←\s-]+|[\s*:…·→←]+$/gu, '')

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const LETTERS = /\p{L}/gu
const lettersOf = (text: string) => (text.match(LETTERS) ?? []).join('')

type Pattern = { key: string; english: string; expected: string; test: (line: string) => boolean }

/**
 * The English texts worth looking for on a page in `language`: every leaf whose text differs
 * there (a proper noun or a word the same in both languages is no offender), but single words
 * shorter than four letters ("URL", "SEO"), which match too much by accident. `{{name}}`
 * placeholders match any text. A text matches a whole line or attribute; a text of three words
 * or more also matches inside a longer line (a message in a sentence), at word boundaries.
 */
/** Any language's name in any of the languages, as a pattern. */
const LANGUAGE_NAME = `(?:${[
  ...new Set(Object.values(LANGUAGE_NAMES_IN).flatMap((names) => Object.values(names))),
]
  .map(escapeRegExp)
  .join('|')})`

export const patternsFor = (language: Language): Pattern[] =>
  leaves(ADMIN_DICTIONARIES.en).flatMap(({ key, text }) => {
    const expected = lookup(ADMIN_DICTIONARIES[language], key) ?? ''
    if (normalize(expected) === normalize(text)) return []
    const english = normalize(text)
    const parts = english.split(/\{\{\s*\w+\s*\}\}/)
    const names = [...english.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1])
    const fixed = lettersOf(parts.join(''))
    const words = english.split(' ').length
    if (fixed.length < 4) return []
    // A `{{language}}` stands for a language's name (so "My version", a title, is not
    // "{{language}} version"); any other placeholder for any text.
    const body = parts
      .map(escapeRegExp)
      .reduce(
        (joined, part, i) =>
          `${joined}${names[i - 1] === 'language' ? LANGUAGE_NAME : '.+?'}${part}`,
      )
    const whole = new RegExp(`^${body}$`, 'u')
    const inside = words >= 3 ? new RegExp(`(?:^|[^\\p{L}])${body}(?:$|[^\\p{L}])`, 'u') : null
    return [
      {
        key,
        english: text,
        expected,
        test: (line: string) => whole.test(line) || Boolean(inside?.test(line)),
      },
    ]
  })

/**
 * What a page shows a person (or the part of it `within` selects): its text line by line
 * (`innerText`), the page's title, and every `title`, `placeholder` and `aria-label` attribute.
 */
export const visibleStrings = (page: Page, within = 'body'): Promise<string[]> =>
  page.evaluate((selector) => {
    const root = document.querySelector<HTMLElement>(selector)
    if (!root) return []
    const attributes = ['title', 'placeholder', 'aria-label']
    const values = [root, ...root.querySelectorAll('[title], [placeholder], [aria-label]')].flatMap(
      (element) => attributes.map((name) => element.getAttribute(name) ?? ''),
    )
    return [
      ...(selector === 'body' ? [document.title] : []),
      ...root.innerText.split('\n'),
      ...values,
    ]
  }, within)

/** Texts no page should show in any language: a key Payload could not resolve, a placeholder left. */
const UNRESOLVED = [/\bcustom:[\w:]+/u, /\{\{\s*\w+\s*\}\}/u]

/** The offenders among `strings` of the page named `page`, shown in `language`. */
export const offendersIn = (page: string, language: Language, strings: string[]): Offender[] => {
  const patterns = patternsFor(language)
  const found = new Map<string, Offender>()
  for (const line of new Set(strings.map(normalize).filter(Boolean))) {
    for (const pattern of patterns) {
      if (pattern.test(line)) {
        found.set(`${line}\u0000${pattern.key}`, {
          page,
          text: line,
          key: `custom:${pattern.key}`,
          expected: pattern.expected,
          english: pattern.english,
        })
      }
    }
    for (const unresolved of UNRESOLVED) {
      const match = line.match(unresolved)
      if (match) {
        found.set(`${line}\u0000${match[0]}`, {
          page,
          text: line,
          key: match[0],
          expected: '(unresolved)',
          english: match[0],
        })
      }
    }
  }
  return [...found.values()]
}

const SRC = path.resolve(import.meta.dirname, '../../src')
/** The dictionaries themselves, which hold every English text: not where an offender comes from. */
const DICTIONARIES = ['i18n/admin/', 'lib/messages/', 'i18n/messages/'].map((dir) =>
  path.join(SRC, dir),
)

let sources: { file: string; text: string }[] | undefined
/** Every source file of src/ but the dictionaries and the generated types, read once. */
const sourceFiles = () => {
  sources ??= (readdirSync(SRC, { recursive: true }) as string[])
    .filter((file) => /\.(ts|tsx)$/.test(file) && !file.endsWith('payload-types.ts'))
    .map((file) => path.join(SRC, file))
    .filter((file) => !DICTIONARIES.some((dir) => file.startsWith(dir)))
    .map((file) => ({
      file: path.relative(path.join(SRC, '..'), file),
      text: readFileSync(file, 'utf8'),
    }))
  return sources
}

/**
 * Where an English text still lives in the code outside the dictionaries (a hand-written string,
 * an older dictionary): the files holding it as a string literal or JSX text (with placeholders,
 * its longest fixed part inside one). Empty when the page takes it from the dictionary but the
 * page's language has the English text there (then the dictionary is what to fix).
 */
export const sourcesOf = (english: string): string[] => {
  const parts = english.split(/\{\{\s*\w+\s*\}\}/)
  const fixed = [...parts].sort((a, b) => b.length - a.length)[0].trim()
  if (fixed.length < 4) return []
  const literal =
    parts.length === 1
      ? new RegExp(`(['"\`>]\\s*)${escapeRegExp(fixed)}(\\s*['"\`<])`)
      : new RegExp(`['"\`][^'"\`\\n]*${escapeRegExp(fixed)}[^'"\`\\n]*['"\`]`)
  return sourceFiles()
    .filter(({ text }) => literal.test(text))
    .map(({ file }) => file)
}

/** The offenders as a list a person fixes from: page, the English text, its key, the translation. */
export const describeOffenders = (offenders: Offender[]) =>
  offenders.map(({ page, text, key, expected, english }) => {
    const from = sourcesOf(english)
    return [
      page,
      `"${text}"`,
      key,
      `should read: ${expected ? `"${expected}"` : '(no translation)'}`,
      `English in: ${from.length ? from.join(', ') : 'the dictionary only'}`,
    ].join(' | ')
  })
