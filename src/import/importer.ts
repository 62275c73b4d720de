/**
 * The bulk importer: NDJSON records → articles, at archive scale.
 *
 * The Local API with every hook costs tens of milliseconds per article; an archive of 100,000
 * would take hours. So the importer writes the rows itself, the rows that `payload.create` writes
 * for the same record as the system (no user; the seed's context: no revalidation, no
 * notifications), in multi-row statements:
 *
 * - `articles` (stage and `_status` consistent, `readingTime` from the body, slug, `needsUpdate`,
 *   and for a language version the original's shared fields and the `translatedFrom` snapshot,
 *   as `followOriginal` does), `articles_rels` (sections, tags, authors in order);
 * - `_articles_v`, the version Payload keeps (`latest`), and `_articles_v_rels`;
 * - `editorial_events`: the "Publish" event `recordWorkflow` writes for an article created
 *   published (a stage placed directly, e.g. in review, records none).
 *
 * tests/int/import.int.spec.ts proves it against `payload.create` row by row.
 *
 * Each batch is one transaction; a batch that fails in the database is rolled back and its
 * records written again one transaction each, so a bad record fails alone and no record is ever
 * half written. Validation (src/import/records.ts) and the checks against the database (known
 * sections and authors, existing language+slug, originals) happen before any write.
 */
import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'
import type { PoolClient } from 'pg'

import { blocksToLexical, lexicalToPlainText, type LexicalState } from '@/lib/lexical'
import { readingTimeOf } from '@/lib/readingTime'
import { TRANSITIONS } from '@/workflow/table'

import { isInvalid, validateRecord, type Invalid, type ValidRecord } from './records'

export type ImportOptions = {
  /** records per transaction (default 500) */
  batchSize?: number
  /** called after each batch with the running totals */
  onProgress?: (summary: ImportSummary) => void
}

export type ImportSummary = {
  imported: number
  skipped: number
  failed: number
  /** every failed record: its line number in the file and why */
  failures: Invalid[]
  /** lines of records skipped because their language+slug already exists */
  skippedLines: number[]
  /** tags that did not exist and were created */
  createdTags: string[]
  seconds: number
  articlesPerSecond: number
}

type Shared = {
  categoryId: number | null
  categories: number[]
  tags: number[]
  authors: number[]
  heroImageId: number | null
  source: {
    outlet: string | null
    url: string | null
    originalLanguage: string | null
    originalTitle: string | null
    originalDate: string | null
  }
}

/** Everything one article's rows are made of. */
type Prepared = {
  record: ValidRecord
  key: string
  shared: Shared
  body: object
  readingTime: number
  translationOfId: number | null
  translatedFrom: { title: string; dek: string; bodyText: string; at: string } | null
}

const keyOf = (language: string, slug: string) => `${language}:${slug}`

/** [column, SQL type] of `articles`, in the order `mainValues` gives them. */
const ARTICLE_COLUMNS: [string, string][] = [
  ['title', 'varchar'],
  ['dek', 'varchar'],
  ['body', 'jsonb'],
  ['hero_image_id', 'integer'],
  ['hero_caption', 'varchar'],
  ['source_outlet', 'varchar'],
  ['source_url', 'varchar'],
  ['source_original_language', 'enum_articles_source_original_language'],
  ['source_original_title', 'varchar'],
  ['source_original_date', 'timestamptz'],
  ['language', 'enum_articles_language'],
  ['slug', 'varchar'],
  ['translation_of_id', 'integer'],
  ['category_id', 'integer'],
  ['published_at', 'timestamptz'],
  ['reading_time', 'numeric'],
  ['updated_at', 'timestamptz'],
  ['created_at', 'timestamptz'],
  ['_status', 'enum_articles_status'],
  ['stage', 'enum_articles_stage'],
  ['needs_update', 'boolean'],
  ['translated_from_title', 'varchar'],
  ['translated_from_dek', 'varchar'],
  ['translated_from_body_text', 'varchar'],
  ['translated_from_at', 'timestamptz'],
]

/** The same columns on `_articles_v` (`version_` prefixed, enums of their own). */
const VERSION_COLUMNS: [string, string][] = ARTICLE_COLUMNS.map(([column, type]) => [
  column === '_status' ? 'version__status' : `version_${column}`,
  type.startsWith('enum_articles_')
    ? type.replace('enum_articles_', 'enum__articles_v_version_')
    : type,
])

const str = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value)

const mainValues = (p: Prepared, now: string): (string | null)[] => [
  p.record.title,
  p.record.dek,
  JSON.stringify(p.body),
  str(p.shared.heroImageId),
  p.record.heroCaption,
  p.shared.source.outlet,
  p.shared.source.url,
  p.shared.source.originalLanguage,
  p.shared.source.originalTitle,
  p.shared.source.originalDate,
  p.record.language,
  p.record.slug,
  str(p.translationOfId),
  str(p.shared.categoryId),
  p.record.publishedAt,
  String(p.readingTime),
  now,
  now,
  p.record.stage === 'published' ? 'published' : 'draft',
  p.record.stage,
  'false',
  p.translatedFrom?.title ?? null,
  p.translatedFrom?.dek ?? null,
  p.translatedFrom?.bodyText ?? null,
  p.translatedFrom?.at ?? null,
]

/**
 * `INSERT … SELECT FROM unnest(…)`: one statement and one parameter per column, whatever the
 * number of rows (no 65,535-parameter limit, one plan).
 */
const insertRows = async (
  client: PoolClient,
  table: string,
  columns: [string, string][],
  rows: (string | null)[][],
  returning = '',
) => {
  if (!rows.length) return []
  const params = columns.map((_, c) => rows.map((row) => row[c]))
  const names = columns.map(([name]) => `"${name}"`).join(', ')
  const aliases = columns.map((_, c) => `c${c}`)
  const select = columns.map(([, type], c) => `t.c${c}::${type}`).join(', ')
  const unnest = columns.map((_, c) => `$${c + 1}::text[]`).join(', ')
  const { rows: result } = await client.query(
    `INSERT INTO "${table}" (${names}) SELECT ${select} FROM unnest(${unnest}) AS t(${aliases.join(', ')})${returning ? ` RETURNING ${returning}` : ''}`,
    params,
  )
  return result as Record<string, unknown>[]
}

const RELS_COLUMNS: [string, string][] = [
  ['parent_id', 'integer'],
  ['path', 'varchar'],
  ['order', 'integer'],
  ['categories_id', 'integer'],
  ['tags_id', 'integer'],
  ['authors_id', 'integer'],
]

/** Rows of the hasMany relationships; on a version their paths are `version.<field>`. */
const relsRows = (parentId: number, shared: Shared, prefix = ''): (string | null)[][] => {
  const row = (path: string, order: number, column: number, id: number) => {
    const values: (string | null)[] = [
      String(parentId),
      `${prefix}${path}`,
      String(order),
      null,
      null,
      null,
    ]
    values[3 + column] = String(id)
    return values
  }
  return [
    ...shared.categories.map((id, i) => row('categories', i + 1, 0, id)),
    ...shared.tags.map((id, i) => row('tags', i + 1, 1, id)),
    ...shared.authors.map((id, i) => row('authors', i + 1, 2, id)),
  ]
}

const EVENT_COLUMNS: [string, string][] = [
  ['article_id', 'integer'],
  ['kind', 'enum_editorial_events_kind'],
  ['transition', 'enum_editorial_events_transition'],
  ['from', 'enum_editorial_events_from'],
  ['to', 'enum_editorial_events_to'],
  ['language', 'enum_editorial_events_language'],
  ['summary', 'varchar'],
  ['updated_at', 'timestamptz'],
  ['created_at', 'timestamptz'],
]

/** Writes the rows of these articles (in one transaction the caller holds). */
const writeArticles = async (client: PoolClient, batch: Prepared[]): Promise<void> => {
  if (!batch.length) return
  const now = new Date().toISOString()
  const inserted = await insertRows(
    client,
    'articles',
    ARTICLE_COLUMNS,
    batch.map((p) => mainValues(p, now)),
    'id, language, slug',
  )
  const ids = new Map(
    inserted.map((row) => [keyOf(String(row.language), String(row.slug)), Number(row.id)]),
  )
  const idOf = (p: Prepared) => ids.get(p.key)!

  await insertRows(
    client,
    'articles_rels',
    RELS_COLUMNS,
    batch.flatMap((p) => relsRows(idOf(p), p.shared)),
  )

  const versions = await insertRows(
    client,
    '_articles_v',
    [
      ['parent_id', 'integer'],
      ...VERSION_COLUMNS,
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
      ['latest', 'boolean'],
    ],
    batch.map((p) => [String(idOf(p)), ...mainValues(p, now), now, now, 'true']),
    'id, parent_id',
  )
  const versionIds = new Map(versions.map((row) => [Number(row.parent_id), Number(row.id)]))
  await insertRows(
    client,
    '_articles_v_rels',
    RELS_COLUMNS,
    batch.flatMap((p) => relsRows(versionIds.get(idOf(p))!, p.shared, 'version.')),
  )

  const publish = TRANSITIONS.publish
  await insertRows(
    client,
    'editorial_events',
    EVENT_COLUMNS,
    batch
      .filter((p) => p.record.stage === 'published')
      .map((p) => [
        String(idOf(p)),
        'transition',
        'publish',
        'draft',
        publish.to,
        p.record.language,
        `${publish.label}: "${p.record.title}"`,
        now,
        now,
      ]),
  )
}

type OriginalRow = {
  id: number
  language: string
  slug: string
  translation_of_id: number | null
  category_id: number | null
  hero_image_id: number | null
  source_outlet: string | null
  source_url: string | null
  source_original_language: string | null
  source_original_title: string | null
  source_original_date: Date | null
  title: string | null
  dek: string | null
  body: LexicalState
}

/** The originals these keys name, with their shared fields and text (as `followOriginal` reads them). */
const loadOriginals = async (client: PoolClient, keys: { language: string; slug: string }[]) => {
  const found = new Map<string, { row: OriginalRow; shared: Shared; versions: Set<string> }>()
  if (!keys.length) return found
  const { rows } = await client.query<OriginalRow>(
    `SELECT id, language, slug, translation_of_id, category_id, hero_image_id, source_outlet,
       source_url, source_original_language, source_original_title, source_original_date,
       title, dek, body
     FROM articles WHERE (language::text, slug) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
    [keys.map((k) => k.language), keys.map((k) => k.slug)],
  )
  const ids = rows.map((row) => row.id)
  const { rows: rels } = await client.query<{
    parent_id: number
    path: string
    categories_id: number | null
    tags_id: number | null
    authors_id: number | null
  }>(
    `SELECT parent_id, path, categories_id, tags_id, authors_id FROM articles_rels
     WHERE parent_id = ANY($1::int[]) AND path IN ('categories', 'tags', 'authors')
     ORDER BY parent_id, path, "order"`,
    [ids],
  )
  const { rows: taken } = await client.query<{ translation_of_id: number; language: string }>(
    `SELECT translation_of_id, language FROM articles WHERE translation_of_id = ANY($1::int[])`,
    [ids],
  )
  for (const row of rows) {
    const mine = rels.filter((rel) => rel.parent_id === row.id)
    found.set(keyOf(row.language, row.slug), {
      row,
      versions: new Set(taken.filter((t) => t.translation_of_id === row.id).map((t) => t.language)),
      shared: {
        categoryId: row.category_id,
        categories: mine.filter((r) => r.path === 'categories').map((r) => r.categories_id!),
        tags: mine.filter((r) => r.path === 'tags').map((r) => r.tags_id!),
        authors: mine.filter((r) => r.path === 'authors').map((r) => r.authors_id!),
        heroImageId: row.hero_image_id,
        source: {
          outlet: row.source_outlet,
          url: row.source_url,
          originalLanguage: row.source_original_language,
          originalTitle: row.source_original_title,
          originalDate: row.source_original_date ? row.source_original_date.toISOString() : null,
        },
      },
    })
  }
  return found
}

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', az: 'Azerbaijani', ru: 'Russian' }

/** A tag's display name from its slug: `middle-corridor` → "Middle corridor". */
const tagName = (slug: string) => {
  const words = slug.replace(/-/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/**
 * Imports NDJSON lines. Records are validated, checked against the database, and written in
 * batches; see the README for the record format and the rules (skip on an existing
 * language+slug, missing tags created, unknown sections and authors refused).
 */
export const importArticles = async (
  payload: Payload,
  lines: AsyncIterable<string> | Iterable<string>,
  options: ImportOptions = {},
): Promise<ImportSummary> => {
  const started = performance.now()
  const batchSize = options.batchSize ?? 500
  const pool = (payload.db as unknown as PostgresAdapter).pool
  const summary: ImportSummary = {
    imported: 0,
    skipped: 0,
    failed: 0,
    failures: [],
    skippedLines: [],
    createdTags: [],
    seconds: 0,
    articlesPerSecond: 0,
  }
  const fail = (line: number, reason: string) => {
    summary.failed++
    summary.failures.push({ line, reason })
  }

  const lookup = async (table: string) => {
    const { rows } = await pool.query<{ id: number; slug: string }>(
      `SELECT id, slug FROM "${table}" WHERE slug IS NOT NULL`,
    )
    return new Map(rows.map((row) => [row.slug, row.id]))
  }
  const sections = await lookup('categories')
  const authors = await lookup('authors')
  const tags = await lookup('tags')
  /** language+slug → line, for every record of this run (a file names each article once) */
  const seen = new Map<string, number>()

  const ensureTags = async (slugs: string[]) => {
    for (const slug of slugs) {
      if (tags.has(slug)) continue
      const tag = await payload.create({
        collection: 'tags',
        data: { name: tagName(slug), slug },
        context: { disableRevalidate: true, seeding: true },
      })
      tags.set(slug, tag.id)
      summary.createdTags.push(slug)
    }
  }

  /** Checks that need the database, then turns records into rows to write. */
  const prepareOriginals = (records: ValidRecord[]): Prepared[] => {
    const prepared: Prepared[] = []
    for (const record of records) {
      const section = sections.get(record.section!)
      if (section === undefined) {
        fail(record.line, `unknown section "${record.section}"`)
        continue
      }
      const unknownAuthor = record.authors.find((slug) => !authors.has(slug))
      if (unknownAuthor) {
        fail(record.line, `unknown author "${unknownAuthor}"`)
        continue
      }
      const body = blocksToLexical(record.body)
      prepared.push({
        record,
        key: keyOf(record.language, record.slug),
        body,
        readingTime: readingTimeOf(body),
        translationOfId: null,
        translatedFrom: null,
        shared: {
          categoryId: section,
          categories: [],
          tags: record.tags.map((slug) => tags.get(slug)!),
          authors: record.authors.map((slug) => authors.get(slug)!),
          heroImageId: null,
          source: {
            outlet: record.source?.outlet ?? null,
            url: record.source?.url ?? null,
            originalLanguage: record.source?.originalLanguage ?? null,
            originalTitle: record.source?.originalTitle ?? null,
            originalDate: record.source?.originalDate ?? null,
          },
        },
      })
    }
    return prepared
  }

  /** Language versions: their originals are read inside the transaction (this batch's included). */
  const prepareVersions = async (
    client: PoolClient,
    records: ValidRecord[],
    final: boolean,
  ): Promise<{ prepared: Prepared[]; deferred: ValidRecord[] }> => {
    const originals = await loadOriginals(
      client,
      records.map((r) => r.translationOf!),
    )
    const prepared: Prepared[] = []
    const deferred: ValidRecord[] = []
    const now = new Date().toISOString()
    for (const record of records) {
      const of = record.translationOf!
      const original = originals.get(keyOf(of.language, of.slug))
      if (!original) {
        if (final) fail(record.line, `original ${of.language}/${of.slug} not found`)
        else deferred.push(record)
        continue
      }
      if (original.row.translation_of_id) {
        fail(
          record.line,
          `${of.language}/${of.slug} is itself a language version; name its original`,
        )
        continue
      }
      if (original.versions.has(record.language)) {
        fail(
          record.line,
          `${of.language}/${of.slug} already has a version in ${LANGUAGE_NAMES[record.language]}`,
        )
        continue
      }
      original.versions.add(record.language)
      const body = blocksToLexical(record.body)
      prepared.push({
        record,
        key: keyOf(record.language, record.slug),
        body,
        readingTime: readingTimeOf(body),
        translationOfId: original.row.id,
        shared: original.shared,
        translatedFrom: {
          title: original.row.title ?? '',
          dek: original.row.dek ?? '',
          bodyText: lexicalToPlainText(original.row.body),
          at: now,
        },
      })
    }
    return { prepared, deferred }
  }

  /** One transaction: originals, then the versions whose originals now exist. */
  const transaction = async (
    client: PoolClient,
    originals: Prepared[],
    versions: ValidRecord[],
    final: boolean,
  ) => {
    await client.query('BEGIN')
    try {
      await writeArticles(client, originals)
      const result = await prepareVersions(client, versions, final)
      await writeArticles(client, result.prepared)
      await client.query('COMMIT')
      return result
    } catch (error) {
      await client.query('ROLLBACK')
      throw error
    }
  }

  const writeBatch = async (records: ValidRecord[], final = false): Promise<ValidRecord[]> => {
    // Records already in the database (trashed ones too) are skipped: the natural key is
    // language + slug.
    const { rows: existing } = await pool.query<{ language: string; slug: string }>(
      `SELECT language::text, slug FROM articles
       WHERE (language::text, slug) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [records.map((r) => r.language), records.map((r) => r.slug)],
    )
    const exists = new Set(existing.map((row) => keyOf(row.language, row.slug)))
    const fresh = records.filter((record) => {
      if (!exists.has(keyOf(record.language, record.slug))) return true
      summary.skipped++
      summary.skippedLines.push(record.line)
      return false
    })
    await ensureTags([...new Set(fresh.filter((r) => !r.translationOf).flatMap((r) => r.tags))])
    const originals = prepareOriginals(fresh.filter((r) => !r.translationOf))
    const versions = fresh.filter((r) => r.translationOf)

    const client = await pool.connect()
    try {
      try {
        const { prepared, deferred } = await transaction(client, originals, versions, final)
        summary.imported += originals.length + prepared.length
        return deferred
      } catch {
        // Something only the database could tell: write each record alone to find it.
        const deferred: ValidRecord[] = []
        for (const one of [...originals.map((p) => p.record), ...versions]) {
          const asOriginal = one.translationOf ? [] : originals.filter((p) => p.record === one)
          try {
            const result = await transaction(
              client,
              asOriginal,
              one.translationOf ? [one] : [],
              final,
            )
            summary.imported += asOriginal.length + result.prepared.length
            deferred.push(...result.deferred)
          } catch (error) {
            fail(one.line, `database refused it: ${(error as Error).message}`)
          }
        }
        return deferred
      }
    } finally {
      client.release()
    }
  }

  let lineNumber = 0
  let batch: ValidRecord[] = []
  const deferred: ValidRecord[] = []
  let pending: Promise<void> = Promise.resolve()
  const flush = async () => {
    const records = batch
    batch = []
    // Validation of the next batch overlaps with the database writing this one.
    await pending
    pending = writeBatch(records).then((later) => {
      deferred.push(...later)
      options.onProgress?.(summary)
    })
  }

  for await (const text of lines) {
    lineNumber++
    if (!text.trim()) continue
    const result = validateRecord(text, lineNumber)
    if (isInvalid(result)) {
      fail(result.line, result.reason)
      continue
    }
    const key = keyOf(result.language, result.slug)
    const first = seen.get(key)
    if (first !== undefined) {
      fail(
        result.line,
        `slug "${result.slug}" is already used in ${LANGUAGE_NAMES[result.language]} by line ${first}`,
      )
      continue
    }
    seen.set(key, result.line)
    batch.push(result)
    if (batch.length >= batchSize) await flush()
  }
  await flush()
  await pending
  // Language versions that came before their originals in the file.
  while (deferred.length) {
    const records = deferred.splice(0, batchSize)
    await writeBatch(records, true)
  }

  summary.failures.sort((a, b) => a.line - b.line)
  summary.seconds = (performance.now() - started) / 1000
  summary.articlesPerSecond = summary.imported / Math.max(summary.seconds, 0.001)
  options.onProgress?.(summary)
  return summary
}
