/**
 * The bulk importer's record format (one JSON object per line of an NDJSON file) and its
 * validation. Pure: no database. The README documents the format.
 */
import { embargoActive, formatEmbargo } from '@/lib/embargo'
import { LANGUAGES, type Language, SOURCE_LANGUAGES, type SourceLanguage } from '@/lib/languages'
import type { TextBlock } from '@/lib/lexical'
import { normalizeRedirectPath } from '@/lib/redirectPaths'
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
  /** not before (ISO 8601): a draft keeps it; a published record may not carry a future one */
  embargoUntil?: string
  /** an archive's old addresses of this article (paths, or URLs on any host: path + query kept) */
  oldUrls?: string[]
}

/** How many old addresses one record may bring. */
export const MAX_OLD_URLS = 20

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
  embargoUntil: string | null
  /** the old addresses in the redirects' normal form (src/lib/redirectPaths.ts), distinct */
  oldUrls: string[]
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
  'embargoUntil',
  'oldUrls',
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

type Raw = Record<string, unknown>
type Checked<T> = T | { error: string }

/** Title, language and slug: what names the article. */
const checkNaming = (raw: Raw): Checked<Pick<ValidRecord, 'title' | 'language' | 'slug'>> => {
  if (!isString(raw.title) || !raw.title.trim()) return { error: 'title is required' }
  const title = raw.title.trim()
  if (!LANGUAGES.includes(raw.language as Language)) {
    return { error: `language must be one of ${LANGUAGES.join(', ')}` }
  }
  const language = raw.language as Language
  let slug: string
  if (raw.slug !== undefined && raw.slug !== null) {
    if (!isString(raw.slug) || !raw.slug.trim()) return { error: 'slug must be non-empty text' }
    slug = slugify(raw.slug)
  } else {
    slug = slugify(title)
  }
  if (!slug) return { error: 'no slug can be made from the title: give one' }
  return { title, language, slug }
}

/** Dek, hero caption and body. */
const checkTexts = (raw: Raw): Checked<Pick<ValidRecord, 'dek' | 'heroCaption' | 'body'>> => {
  const dek = optionalText(raw.dek, 'dek')
  if (failed(dek)) return dek
  const heroCaption = optionalText(raw.heroCaption, 'heroCaption')
  if (failed(heroCaption)) return heroCaption
  if (!Array.isArray(raw.body) || raw.body.length === 0) {
    return { error: 'body must be a non-empty array of blocks' }
  }
  for (let i = 0; i < raw.body.length; i++) {
    const problem = blockProblem(raw.body[i], i)
    if (problem) return { error: problem }
  }
  return { dek: dek ?? null, heroCaption: heroCaption ?? null, body: raw.body as TextBlock[] }
}

/**
 * Status, stage (a draft's may be placed; a published record's is `published`), publishedAt, the
 * embargo (nobody publishes before it: a published record with one in the future is refused).
 */
const checkStatus = (
  raw: Raw,
): Checked<Pick<ValidRecord, 'status' | 'stage' | 'publishedAt' | 'embargoUntil'>> => {
  if (raw.status !== 'published' && raw.status !== 'draft') {
    return { error: 'status must be "published" or "draft"' }
  }
  const status = raw.status
  let stage: Stage
  if (status === 'published') {
    if (raw.stage !== undefined && raw.stage !== 'published') {
      return { error: 'a published record can only be in the stage "published"' }
    }
    stage = 'published'
  } else {
    if (raw.stage !== undefined && !DRAFT_STAGES.includes(raw.stage as never)) {
      return { error: `a draft's stage must be one of ${DRAFT_STAGES.join(', ')}` }
    }
    stage = (raw.stage as Stage | undefined) ?? 'draft'
  }
  let publishedAt: string | null = null
  if (raw.publishedAt !== undefined && raw.publishedAt !== null) {
    const date = toDate(raw.publishedAt, 'publishedAt')
    if (failed(date)) return date
    publishedAt = date
  } else if (status === 'published') {
    return { error: 'publishedAt is required for a published record' }
  }
  let embargoUntil: string | null = null
  if (raw.embargoUntil !== undefined && raw.embargoUntil !== null) {
    const date = toDate(raw.embargoUntil, 'embargoUntil')
    if (failed(date)) return date
    embargoUntil = date
  }
  if (status === 'published' && embargoActive(embargoUntil)) {
    return {
      error: `a published record cannot carry an embargo in the future (${formatEmbargo('en', embargoUntil)}): import it as a draft`,
    }
  }
  return { status, stage, publishedAt, embargoUntil }
}

/** The original a language version names (in another language), or null. */
const checkTranslationOf = (
  raw: Raw,
  language: Language,
): Checked<{ translationOf: ValidRecord['translationOf'] }> => {
  if (raw.translationOf === undefined || raw.translationOf === null) return { translationOf: null }
  const of = raw.translationOf
  if (
    !isObject(of) ||
    !LANGUAGES.includes(of.language as Language) ||
    !isString(of.slug) ||
    !of.slug.trim()
  ) {
    return { error: 'translationOf must be {language: en|az|ru, slug}' }
  }
  if (of.language === language) {
    return { error: 'translationOf must name an original in another language' }
  }
  return { translationOf: { language: of.language as Language, slug: slugify(of.slug) } }
}

/** Tags, authors and section; an original needs its section and byline (a version takes its original's). */
const checkPlacement = (
  raw: Raw,
  isVersion: boolean,
): Checked<Pick<ValidRecord, 'tags' | 'authors' | 'section'>> => {
  const tags = slugList(raw.tags, 'tags')
  if (failed(tags)) return tags
  const authors = slugList(raw.authors, 'authors')
  if (failed(authors)) return authors
  if (raw.section !== undefined && raw.section !== null && !isString(raw.section)) {
    return { error: 'section must be a section slug' }
  }
  const section = isString(raw.section) && raw.section.trim() ? raw.section.trim() : null
  if (!isVersion) {
    if (!section) return { error: 'section is required' }
    if (!authors.length) return { error: 'authors must name at least one author' }
  }
  return { tags, authors, section }
}

/** The source of a reprint, or null. */
const checkSource = (raw: Raw): Checked<{ source: ImportSource | null }> => {
  if (raw.source === undefined || raw.source === null) return { source: null }
  if (!isObject(raw.source)) return { error: 'source must be an object' }
  const s = raw.source
  const extra = Object.keys(s).filter(
    (key) => !['outlet', 'url', 'originalLanguage', 'originalTitle', 'originalDate'].includes(key),
  )
  if (extra.length) return { error: `unknown source field(s): ${extra.join(', ')}` }
  for (const key of ['outlet', 'url', 'originalTitle'] as const) {
    if (s[key] !== undefined && s[key] !== null && !isString(s[key])) {
      return { error: `source.${key} must be text` }
    }
  }
  const url = checkUrl(s.url)
  if (url !== true) return { error: `source.url: ${url}` }
  if (
    s.originalLanguage !== undefined &&
    s.originalLanguage !== null &&
    !SOURCE_LANGUAGES.includes(s.originalLanguage as never)
  ) {
    return { error: `source.originalLanguage must be one of ${SOURCE_LANGUAGES.join(', ')}` }
  }
  let originalDate: string | null = null
  if (s.originalDate !== undefined && s.originalDate !== null) {
    const date = toDate(s.originalDate, 'source.originalDate')
    if (failed(date)) return date
    originalDate = date
  }
  return {
    source: {
      outlet: (s.outlet as string | undefined) ?? null,
      url: (s.url as string | undefined) ?? null,
      originalLanguage: (s.originalLanguage as ImportSource['originalLanguage']) ?? null,
      originalTitle: (s.originalTitle as string | undefined) ?? null,
      originalDate,
    },
  }
}

/**
 * The archive's old addresses: a published record's only (a redirect would show a draft's
 * address), at most `MAX_OLD_URLS`, each a path or an http(s) URL on any host (its path and
 * query are kept), never the record's own new address.
 */
const checkOldUrls = (
  raw: Raw,
  naming: Pick<ValidRecord, 'language' | 'slug'>,
  status: ValidRecord['status'],
): Checked<{ oldUrls: string[] }> => {
  if (raw.oldUrls === undefined || raw.oldUrls === null) return { oldUrls: [] }
  if (!Array.isArray(raw.oldUrls)) return { error: 'oldUrls must be an array of URLs or paths' }
  if (raw.oldUrls.length > MAX_OLD_URLS) {
    return { error: `oldUrls may hold at most ${MAX_OLD_URLS} addresses` }
  }
  if (raw.oldUrls.length > 0 && status !== 'published') {
    return { error: 'oldUrls are only for published records' }
  }
  const own = `/${naming.language}/articles/${encodeURIComponent(naming.slug)}`
  const paths: string[] = []
  for (const [index, value] of raw.oldUrls.entries()) {
    const result = normalizeRedirectPath(value, 'from', 'http://localhost')
    if ('problem' in result) {
      return {
        error:
          result.problem === 'reserved'
            ? `oldUrls[${index}] is under /admin, /api, /next or /_next`
            : `oldUrls[${index}] must be a path starting with "/" or an http(s) URL`,
      }
    }
    if (result.path === own) return { error: `oldUrls[${index}] is the article's own address` }
    if (!paths.includes(result.path)) paths.push(result.path)
  }
  return { oldUrls: paths }
}

/**
 * Checks one line of the file: JSON, types, required fields, language, dates, status and stage,
 * in this order (the first problem found is the one reported). Whether sections, authors and
 * originals exist is checked against the database afterwards.
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

  const naming = checkNaming(raw)
  if (failed(naming)) return invalid(naming.error)
  const texts = checkTexts(raw)
  if (failed(texts)) return invalid(texts.error)
  const status = checkStatus(raw)
  if (failed(status)) return invalid(status.error)
  const original = checkTranslationOf(raw, naming.language)
  if (failed(original)) return invalid(original.error)
  const placement = checkPlacement(raw, original.translationOf !== null)
  if (failed(placement)) return invalid(placement.error)
  const source = checkSource(raw)
  if (failed(source)) return invalid(source.error)
  const old = checkOldUrls(raw, naming, status.status)
  if (failed(old)) return invalid(old.error)
  return {
    line,
    title: naming.title,
    slug: naming.slug,
    language: naming.language,
    dek: texts.dek,
    body: texts.body,
    section: placement.section,
    tags: placement.tags,
    authors: placement.authors,
    heroCaption: texts.heroCaption,
    publishedAt: status.publishedAt,
    status: status.status,
    stage: status.stage,
    source: source.source,
    translationOf: original.translationOf,
    embargoUntil: status.embargoUntil,
    oldUrls: old.oldUrls,
  }
}

export const isInvalid = (value: ValidRecord | Invalid): value is Invalid => 'reason' in value
