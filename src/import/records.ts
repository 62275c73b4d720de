/**
 * The bulk importer's record format (one JSON object per line of an NDJSON file) and its
 * validation. Pure: no database. The README documents the format.
 */
import type { TextBlock } from '@/lib/lexical'
import { LANGUAGES, type Language, SOURCE_LANGUAGES, type SourceLanguage } from '@/lib/languages'
import { checkUrl } from '@/lib/safeUrl'
import { slugify } from '@/lib/slug'
import type { Stage } from '@/workflow/table'

/** Stages an imported draft may be placed in; `scheduled` needs a job and is not importable. */
const DRAFT_STAGES = ['draft', 'in_review', 'changes_requested', 'approved', 'archived'] as const

export type ImportSource = {
  outlet?: string | null
  url?: string | null
  originalLanguage?: SourceLanguage | null
  originalTitle?: string | null
  originalDate?: string | null
}

/** A record as it is written in the file. */
export type ImportRecord = {
  title: string
  slug?: string
  language: Language
  dek?: string
  body: TextBlock[]
  section?: string
  tags?: string[]
  authors?: string[]
  heroCaption?: string
  publishedAt?: string
  status: 'published' | 'draft'
  stage?: Stage
  source?: ImportSource
  translationOf?: { language: Language; slug: string }
}

/** A record that passed validation, with its slug and stage decided. */
export type ValidRecord = {
  line: number
  title: string
  slug: string
  language: Language
  dek: string | null
  body: TextBlock[]
  section: string | null
  tags: string[]
  authors: string[]
  heroCaption: string | null
  publishedAt: string | null
  status: 'published' | 'draft'
  stage: Stage
  source: ImportSource | null
  translationOf: { language: Language; slug: string } | null
}

export type Invalid = { line: number; reason: string }

const KNOWN_KEYS = new Set([
  'title',
  'slug',
  'language',
  'dek',
  'body',
  'section',
  'tags',
  'authors',
  'heroCaption',
  'publishedAt',
  'status',
  'stage',
  'source',
  'translationOf',
])

const isString = (value: unknown): value is string => typeof value === 'string'
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/

/** A date as Payload stores it (ISO string, milliseconds), or an error message. */
const toDate = (value: unknown, field: string): string | { error: string } => {
  if (!isString(value) || !ISO_DATE.test(value) || Number.isNaN(Date.parse(value))) {
    return { error: `${field} must be an ISO 8601 date (e.g. 2026-09-02T06:40:00Z)` }
  }
  return new Date(value).toISOString()
}

const blockProblem = (block: unknown, index: number): string | null => {
  const where = `body[${index}]`
  if (isString(block)) return block.trim() ? null : `${where} is an empty paragraph`
  if (!isObject(block)) return `${where} must be a string or {heading}, {quote} or {list}`
  const keys = Object.keys(block)
  if (keys.length !== 1) return `${where} must have exactly one of heading, quote, list`
  if ('heading' in block) return isString(block.heading) ? null : `${where}.heading must be text`
  if ('quote' in block) return isString(block.quote) ? null : `${where}.quote must be text`
  if ('list' in block) {
    return Array.isArray(block.list) && block.list.length > 0 && block.list.every(isString)
      ? null
      : `${where}.list must be a non-empty array of text`
  }
  return `${where} must be a string or {heading}, {quote} or {list}`
}

const slugList = (value: unknown, field: string): string[] | { error: string } => {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value) || !value.every((item) => isString(item) && item.trim())) {
    return { error: `${field} must be an array of slugs` }
  }
  return [...new Set(value.map((item: string) => item.trim()))]
}

const optionalText = (value: unknown, field: string): string | null | { error: string } => {
  if (value === undefined || value === null) return null
  return isString(value) ? value : { error: `${field} must be text` }
}

const failed = (value: unknown): value is { error: string } => isObject(value) && 'error' in value

/**
 * Checks one line of the file: JSON, types, required fields, language, dates, status and stage.
 * Whether sections, authors and originals exist is checked against the database afterwards.
 */
export const validateRecord = (text: string, line: number): ValidRecord | Invalid => {
  const invalid = (reason: string): Invalid => ({ line, reason })
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    return invalid(`not valid JSON (${(error as Error).message})`)
  }
  if (!isObject(raw)) return invalid('a record must be a JSON object')
  const unknown = Object.keys(raw).filter((key) => !KNOWN_KEYS.has(key))
  if (unknown.length) return invalid(`unknown field(s): ${unknown.join(', ')}`)

  if (!isString(raw.title) || !raw.title.trim()) return invalid('title is required')
  const title = raw.title.trim()
  if (!LANGUAGES.includes(raw.language as Language)) {
    return invalid(`language must be one of ${LANGUAGES.join(', ')}`)
  }
  const language = raw.language as Language

  let slug: string
  if (raw.slug !== undefined && raw.slug !== null) {
    if (!isString(raw.slug) || !raw.slug.trim()) return invalid('slug must be non-empty text')
    slug = slugify(raw.slug)
  } else {
    slug = slugify(title)
  }
  if (!slug) return invalid('no slug can be made from the title: give one')

  const dek = optionalText(raw.dek, 'dek')
  if (failed(dek)) return invalid(dek.error)
  const heroCaption = optionalText(raw.heroCaption, 'heroCaption')
  if (failed(heroCaption)) return invalid(heroCaption.error)

  if (!Array.isArray(raw.body) || raw.body.length === 0) {
    return invalid('body must be a non-empty array of blocks')
  }
  for (let i = 0; i < raw.body.length; i++) {
    const problem = blockProblem(raw.body[i], i)
    if (problem) return invalid(problem)
  }

  if (raw.status !== 'published' && raw.status !== 'draft') {
    return invalid('status must be "published" or "draft"')
  }
  const status = raw.status
  let stage: Stage
  if (status === 'published') {
    if (raw.stage !== undefined && raw.stage !== 'published') {
      return invalid('a published record can only be in the stage "published"')
    }
    stage = 'published'
  } else {
    if (raw.stage !== undefined && !DRAFT_STAGES.includes(raw.stage as never)) {
      return invalid(`a draft's stage must be one of ${DRAFT_STAGES.join(', ')}`)
    }
    stage = (raw.stage as Stage | undefined) ?? 'draft'
  }

  let publishedAt: string | null = null
  if (raw.publishedAt !== undefined && raw.publishedAt !== null) {
    const date = toDate(raw.publishedAt, 'publishedAt')
    if (failed(date)) return invalid(date.error)
    publishedAt = date
  } else if (status === 'published') {
    return invalid('publishedAt is required for a published record')
  }

  let translationOf: ValidRecord['translationOf'] = null
  if (raw.translationOf !== undefined && raw.translationOf !== null) {
    const of = raw.translationOf
    if (
      !isObject(of) ||
      !LANGUAGES.includes(of.language as Language) ||
      !isString(of.slug) ||
      !of.slug.trim()
    ) {
      return invalid('translationOf must be {language: en|az|ru, slug}')
    }
    if (of.language === language) {
      return invalid('translationOf must name an original in another language')
    }
    translationOf = { language: of.language as Language, slug: slugify(of.slug) }
  }

  const tags = slugList(raw.tags, 'tags')
  if (failed(tags)) return invalid(tags.error)
  const authors = slugList(raw.authors, 'authors')
  if (failed(authors)) return invalid(authors.error)
  if (raw.section !== undefined && raw.section !== null && !isString(raw.section)) {
    return invalid('section must be a section slug')
  }
  const section = isString(raw.section) && raw.section.trim() ? raw.section.trim() : null
  // An original needs its section and byline; a language version takes the original's.
  if (!translationOf) {
    if (!section) return invalid('section is required')
    if (!authors.length) return invalid('authors must name at least one author')
  }

  let source: ImportSource | null = null
  if (raw.source !== undefined && raw.source !== null) {
    if (!isObject(raw.source)) return invalid('source must be an object')
    const s = raw.source
    const extra = Object.keys(s).filter(
      (key) =>
        !['outlet', 'url', 'originalLanguage', 'originalTitle', 'originalDate'].includes(key),
    )
    if (extra.length) return invalid(`unknown source field(s): ${extra.join(', ')}`)
    for (const key of ['outlet', 'url', 'originalTitle'] as const) {
      if (s[key] !== undefined && s[key] !== null && !isString(s[key])) {
        return invalid(`source.${key} must be text`)
      }
    }
    const url = checkUrl(s.url)
    if (url !== true) return invalid(`source.url: ${url}`)
    if (
      s.originalLanguage !== undefined &&
      s.originalLanguage !== null &&
      !SOURCE_LANGUAGES.includes(s.originalLanguage as never)
    ) {
      return invalid(`source.originalLanguage must be one of ${SOURCE_LANGUAGES.join(', ')}`)
    }
    let originalDate: string | null = null
    if (s.originalDate !== undefined && s.originalDate !== null) {
      const date = toDate(s.originalDate, 'source.originalDate')
      if (failed(date)) return invalid(date.error)
      originalDate = date
    }
    source = {
      outlet: (s.outlet as string | undefined) ?? null,
      url: (s.url as string | undefined) ?? null,
      originalLanguage: (s.originalLanguage as ImportSource['originalLanguage']) ?? null,
      originalTitle: (s.originalTitle as string | undefined) ?? null,
      originalDate,
    }
  }

  return {
    line,
    title,
    slug,
    language,
    dek: dek ?? null,
    body: raw.body as TextBlock[],
    section,
    tags,
    authors,
    heroCaption: heroCaption ?? null,
    publishedAt,
    status,
    stage,
    source,
    translationOf,
  }
}

export const isInvalid = (value: ValidRecord | Invalid): value is Invalid => 'reason' in value
