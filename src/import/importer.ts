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
import { readFileSync } from 'node:fs'

import type { Payload } from 'payload'
import type { PoolClient } from 'pg'

import { poolOf } from '@/db/client'
import { blocksToLexical, lexicalToPlainText, type LexicalState } from '@/lib/lexical'
import { readingTimeOf } from '@/lib/readingTime'
import { TRANSITIONS } from '@/workflow/table'

import { isInvalid, validateRecord, type Invalid, type ValidRecord } from './records'

export type ImportOptions = {
  /** records per transaction (default 500) */
  batchSize?: number
  /**
   * batches written at the same time, each on its own connection (default 2: the database
   * side costs more CPU than the reading, so two backends use both cores). A language version
   * whose original is in a batch still being written waits for the end of the file.
   */
  concurrency?: number
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
  /**
   * CPU time spent by this process and by the database backends that wrote the rows (read from
   * /proc when the database runs on this machine, else null): what the import costs whatever
   * else the machine is doing.
   */
  cpuSeconds: { importer: number; database: number | null }
}

/** CPU seconds (user + system) a process has used so far, from /proc; null when unreadable. */
const processCpuSeconds = (pid: number): number | null => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return null
  }
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

/** The `articles` row Payload writes for this record (column → value). */
const articleRow = (p: Prepared, now: string): Record<string, unknown> => ({
  title: p.record.title,
  dek: p.record.dek,
  body: p.body,
  hero_image_id: p.shared.heroImageId,
  hero_caption: p.record.heroCaption,
  source_outlet: p.shared.source.outlet,
  source_url: p.shared.source.url,
  source_original_language: p.shared.source.originalLanguage,
  source_original_title: p.shared.source.originalTitle,
  source_original_date: p.shared.source.originalDate,
  language: p.record.language,
  slug: p.record.slug,
  translation_of_id: p.translationOfId,
  category_id: p.shared.categoryId,
  published_at: p.record.publishedAt,
  reading_time: p.readingTime,
  updated_at: now,
  created_at: now,
  _status: p.record.stage === 'published' ? 'published' : 'draft',
  stage: p.record.stage,
  needs_update: false,
  translated_from_title: p.translatedFrom?.title ?? null,
  translated_from_dek: p.translatedFrom?.dek ?? null,
  translated_from_body_text: p.translatedFrom?.bodyText ?? null,
  translated_from_at: p.translatedFrom?.at ?? null,
})

/** The columns the importer writes; the rest keep their defaults (NULL). */
const ARTICLE_COLUMNS = Object.keys(
  articleRow(
    {
      record: { title: '', stage: 'draft' } as ValidRecord,
      key: '',
      body: {},
      readingTime: 0,
      translationOfId: null,
      translatedFrom: null,
      shared: { source: {} } as Shared,
    },
    '',
  ),
)
/** Enum columns: the version table has its own enum types. */
const VERSION_ENUMS: Record<string, string> = {
  source_original_language: 'enum__articles_v_version_source_original_language',
  language: 'enum__articles_v_version_language',
  _status: 'enum__articles_v_version_status',
  stage: 'enum__articles_v_version_stage',
}
const versionValue = (column: string) =>
  VERSION_ENUMS[column] ? `"${column}"::text::"${VERSION_ENUMS[column]}"` : `"${column}"`
const quoted = (columns: string[]) => columns.map((column) => `"${column}"`).join(', ')

/**
 * `INSERT … SELECT FROM json_populate_recordset(…)`: all rows in one JSON parameter, typed by
 * the table's own row type, whatever the number of rows (one statement, no parameter limit).
 */
const insertRows = async (
  client: PoolClient,
  table: string,
  rows: Record<string, unknown>[],
  returning = '',
) => {
  if (!rows.length) return []
  const t0 = performance.now()
  const columns = quoted(Object.keys(rows[0]))
  const { rows: result } = await client.query(
    `INSERT INTO "${table}" (${columns}) SELECT ${columns}
     FROM json_populate_recordset(NULL::"${table}", $1::json)${returning ? ` RETURNING ${returning}` : ''}`,
    [JSON.stringify(rows)],
  )
  if (process.env.IMPORT_PROFILE) {
    console.log(table, rows.length, (performance.now() - t0).toFixed(0), 'ms')
  }
  return result as Record<string, unknown>[]
}

/** Rows of the hasMany relationships, in order. */
const relsRows = (parentId: number, shared: Shared) => {
  const row = (path: string, order: number, column: string, id: number) => ({
    parent_id: parentId,
    path,
    order,
    categories_id: null,
    tags_id: null,
    authors_id: null,
    [column]: id,
  })
  return [
    ...shared.categories.map((id, i) => row('categories', i + 1, 'categories_id', id)),
    ...shared.tags.map((id, i) => row('tags', i + 1, 'tags_id', id)),
    ...shared.authors.map((id, i) => row('authors', i + 1, 'authors_id', id)),
  ]
}

/** Writes the rows of these articles (in one transaction the caller holds). */
const writeArticles = async (client: PoolClient, batch: Prepared[]): Promise<void> => {
  if (!batch.length) return
  const now = new Date().toISOString()
  const inserted = await insertRows(
    client,
    'articles',
    batch.map((p) => articleRow(p, now)),
    'id, language, slug',
  )
  const ids = new Map(
    inserted.map((row) => [keyOf(String(row.language), String(row.slug)), Number(row.id)]),
  )
  const idList = batch.map((p) => ids.get(p.key)!)
  await insertRows(
    client,
    'articles_rels',
    batch.flatMap((p) => relsRows(ids.get(p.key)!, p.shared)),
  )

  // The version Payload keeps of each: a copy of the row just written (the body is sent once).
  const t0 = performance.now()
  await client.query(
    `INSERT INTO "_articles_v" ("parent_id", ${quoted(ARTICLE_COLUMNS.map((c) => (c === '_status' ? 'version__status' : `version_${c}`)))}, "created_at", "updated_at", "latest")
     SELECT "id", ${ARTICLE_COLUMNS.map(versionValue).join(', ')}, $2::timestamptz, $2::timestamptz, true
     FROM "articles" WHERE "id" = ANY($1::int[]) ORDER BY "id"`,
    [idList, now],
  )
  await client.query(
    `INSERT INTO "_articles_v_rels" ("parent_id", "path", "order", "categories_id", "tags_id", "authors_id")
     SELECT v."id", 'version.' || r."path", r."order", r."categories_id", r."tags_id", r."authors_id"
     FROM "articles_rels" r JOIN "_articles_v" v ON v."parent_id" = r."parent_id"
     WHERE r."parent_id" = ANY($1::int[]) ORDER BY v."id", r."id"`,
    [idList],
  )
  if (process.env.IMPORT_PROFILE) {
    console.log('versions', batch.length, (performance.now() - t0).toFixed(0), 'ms')
  }

  const publish = TRANSITIONS.publish
  await insertRows(
    client,
    'editorial_events',
    batch
      .filter((p) => p.record.stage === 'published')
      .map((p) => ({
        article_id: ids.get(p.key)!,
        kind: 'transition',
        transition: 'publish',
        from: 'draft',
        to: publish.to,
        language: p.record.language,
        summary: `${publish.label}: "${p.record.title}"`,
        updated_at: now,
        created_at: now,
      })),
  )
}

/** Articles by (language, slug) pairs ($1, $2), through the unique index on both. */
const BY_KEYS = `unnest($1::enum_articles_language[], $2::varchar[]) AS k(language, slug)
  JOIN articles a ON a.language = k.language AND a.slug = k.slug`

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
    `SELECT a.id, a.language, a.slug, a.translation_of_id, a.category_id, a.hero_image_id,
       a.source_outlet, a.source_url, a.source_original_language, a.source_original_title,
       a.source_original_date, a.title, a.dek, a.body
     FROM ${BY_KEYS}`,
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
  // Take the iterator before the first await: a readline interface emits lines from the start
  // and drops those that nobody is iterating yet.
  const iterator =
    Symbol.asyncIterator in lines
      ? lines[Symbol.asyncIterator]()
      : (lines as Iterable<string>)[Symbol.iterator]()
  const input: AsyncIterable<string> = {
    [Symbol.asyncIterator]: () => ({ next: async () => iterator.next() }),
  }
  const started = performance.now()
  const batchSize = options.batchSize ?? 500
  const concurrency = Math.max(1, options.concurrency ?? 2)
  const pool = poolOf(payload)
  const summary: ImportSummary = {
    imported: 0,
    skipped: 0,
    failed: 0,
    failures: [],
    skippedLines: [],
    createdTags: [],
    seconds: 0,
    articlesPerSecond: 0,
    cpuSeconds: { importer: 0, database: null },
  }
  const cpuAtStart = process.cpuUsage()
  /** backend pid → its CPU seconds when this import first used it */
  const backends = new Map<number, number | null>()
  const clientPids = new WeakMap<PoolClient, number>()
  const noteBackend = async (client: PoolClient) => {
    if (clientPids.has(client)) return
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')
    clientPids.set(client, rows[0].pid)
    if (!backends.has(rows[0].pid)) backends.set(rows[0].pid, processCpuSeconds(rows[0].pid))
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

  /**
   * The Lexical body and reading time, made while reading the file (so that this work overlaps
   * with the database writing the previous batch).
   */
  const bodies = new WeakMap<ValidRecord, { body: object; readingTime: number }>()
  const build = (record: ValidRecord) => {
    const body = blocksToLexical(record.body)
    bodies.set(record, { body, readingTime: readingTimeOf(body) })
  }
  const built = (record: ValidRecord) => bodies.get(record)!

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
      prepared.push({
        record,
        key: keyOf(record.language, record.slug),
        ...built(record),
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
      prepared.push({
        record,
        key: keyOf(record.language, record.slug),
        ...built(record),
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
      `SELECT a.language::text, a.slug FROM ${BY_KEYS}`,
      [records.map((r) => r.language), records.map((r) => r.slug)],
    )
    const exists = new Set(existing.map((row) => keyOf(row.language, row.slug)))
    const fresh = records.filter((record) => {
      if (!exists.has(keyOf(record.language, record.slug))) return true
      summary.skipped++
      summary.skippedLines.push(record.line)
      return false
    })
    const originals = prepareOriginals(fresh.filter((r) => !r.translationOf))
    const versions = fresh.filter((r) => r.translationOf)

    const client = await pool.connect()
    await noteBackend(client)
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
  const inFlight = new Set<Promise<void>>()
  const flush = async () => {
    const records = batch
    batch = []
    if (!records.length) return
    // Tags are shared by batches: created here, one batch at a time.
    await ensureTags([...new Set(records.filter((r) => !r.translationOf).flatMap((r) => r.tags))])
    // Reading and validating the next batch overlaps with the database writing these.
    while (inFlight.size >= concurrency) await Promise.race(inFlight)
    const writing: Promise<void> = writeBatch(records)
      .then((later) => {
        deferred.push(...later)
        options.onProgress?.(summary)
      })
      .finally(() => inFlight.delete(writing))
    inFlight.add(writing)
  }

  for await (const text of input) {
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
    build(result)
    batch.push(result)
    if (batch.length >= batchSize) await flush()
  }
  await flush()
  await Promise.all(inFlight)
  // Language versions that came before their originals in the file.
  while (deferred.length) {
    const records = deferred.splice(0, batchSize)
    await writeBatch(records, true)
  }

  // Fresh statistics, so that the planner knows the tables' new sizes before the first reader.
  if (summary.imported >= 1000) {
    await pool.query(
      'ANALYZE articles, articles_rels, _articles_v, _articles_v_rels, editorial_events',
    )
  }
  summary.failures.sort((a, b) => a.line - b.line)
  summary.seconds = (performance.now() - started) / 1000
  summary.articlesPerSecond = summary.imported / Math.max(summary.seconds, 0.001)
  const cpu = process.cpuUsage(cpuAtStart)
  let database: number | null = 0
  for (const [pid, start] of backends) {
    const now = processCpuSeconds(pid)
    database = database === null || now === null || start === null ? null : database + now - start
  }
  summary.cpuSeconds = { importer: (cpu.user + cpu.system) / 1e6, database }
  options.onProgress?.(summary)
  return summary
}
