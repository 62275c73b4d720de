/**
 * The bulk importer: NDJSON records → articles, at archive scale.
 *
 * The Local API runs every hook for each article: too slow for an archive. So the importer
 * writes the rows itself, the rows that `payload.create` writes for the same record as the
 * system (no user; the seed's context: no revalidation, no notifications), in multi-row
 * statements (the SQL is in src/db/import.ts):
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
 *
 * This module reads, checks, batches and reports; a caller that measures (scripts/import.ts,
 * the benchmark) observes through `onConnection` and `onWrite`.
 */
import type { Payload } from 'payload'

import {
  analyzeImportedTables,
  backendPidOf,
  connectForImport,
  copyToLatestVersions,
  existingArticleKeys,
  idsBySlug,
  inTransaction,
  insertArticleRels,
  insertArticles,
  insertEditorialEvents,
  readOriginals,
  type ArticleKey,
  type ArticleRelRow,
  type ArticleRow,
  type EditorialEventRow,
  type ImportConnection,
  type OriginalRow,
} from '@/db/import'
import type { Language } from '@/lib/languages'
import { blocksToLexical, lexicalToPlainText, type LexicalState } from '@/lib/lexical'
import { readingTimeOf } from '@/lib/readingTime'
import { TRANSITIONS } from '@/workflow/table'

import { isInvalid, validateRecord, type Invalid, type ValidRecord } from './records'

/** What `onWrite` reports: the statements of one batch, by the rows they write. */
export type ImportWriteStep = 'articles' | 'articles_rels' | 'versions' | 'editorial_events'

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
  /** called once for each database connection the import writes on, with its backend's pid */
  onConnection?: (backendPid: number) => void
  /** called after each write of a batch: what was written, how many rows, how long it took */
  onWrite?: (step: ImportWriteStep, rows: number, ms: number) => void
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

/** The fields a language version takes from its original. */
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

type Original = { row: OriginalRow; shared: Shared; versions: Set<string> }

/** The languages as the importer's messages name them. */
const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  az: 'Azerbaijani',
  ru: 'Russian',
}

const keyOf = (language: string, slug: string) => `${language}:${slug}`

/** A tag's display name from its slug: `middle-corridor` → "Middle corridor". */
const tagName = (slug: string) => {
  const words = slug.replace(/-/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

// ─── rows ─────────────────────────────────────────────────────────────────────────────────────

/** The `articles` row Payload writes for this record. */
const articleRow = (p: Prepared, now: string): ArticleRow => ({
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

/** Rows of the hasMany relationships, in order. */
const relsRows = (parentId: number, shared: Shared): ArticleRelRow[] => {
  const row = (path: ArticleRelRow['path'], order: number, id: number): ArticleRelRow => ({
    parent_id: parentId,
    path,
    order,
    categories_id: path === 'categories' ? id : null,
    tags_id: path === 'tags' ? id : null,
    authors_id: path === 'authors' ? id : null,
  })
  return [
    ...shared.categories.map((id, i) => row('categories', i + 1, id)),
    ...shared.tags.map((id, i) => row('tags', i + 1, id)),
    ...shared.authors.map((id, i) => row('authors', i + 1, id)),
  ]
}

/** The "Publish" event of each article created published. */
const publishEvents = (batch: Prepared[], ids: Map<string, number>, now: string) => {
  const publish = TRANSITIONS.publish
  return batch
    .filter((p) => p.record.stage === 'published')
    .map((p): EditorialEventRow => ({
      article_id: ids.get(p.key)!,
      kind: 'transition',
      transition: 'publish',
      from: 'draft',
      to: publish.to,
      language: p.record.language,
      summary: `${publish.label}: "${p.record.title}"`,
      updated_at: now,
      created_at: now,
    }))
}

/** A language version's shared fields, as its original has them. */
const sharedOfOriginal = (row: OriginalRow, rels: Omit<ArticleRelRow, 'order'>[]): Shared => ({
  categoryId: row.category_id,
  categories: rels.filter((r) => r.path === 'categories').map((r) => r.categories_id!),
  tags: rels.filter((r) => r.path === 'tags').map((r) => r.tags_id!),
  authors: rels.filter((r) => r.path === 'authors').map((r) => r.authors_id!),
  heroImageId: row.hero_image_id,
  source: {
    outlet: row.source_outlet,
    url: row.source_url,
    originalLanguage: row.source_original_language,
    originalTitle: row.source_original_title,
    originalDate: row.source_original_date ? row.source_original_date.toISOString() : null,
  },
})

// ─── one run ──────────────────────────────────────────────────────────────────────────────────

/** The state of one import: lookups, totals, what waits for the end of the file. */
type Run = {
  payload: Payload
  options: ImportOptions
  batchSize: number
  concurrency: number
  started: number
  summary: ImportSummary
  sections: Map<string, number>
  authors: Map<string, number>
  tags: Map<string, number>
  /** language+slug → line, for every record of this run (a file names each article once) */
  seen: Map<string, number>
  /**
   * The Lexical body and reading time, made while reading the file (so that this work overlaps
   * with the database writing the previous batch).
   */
  bodies: WeakMap<ValidRecord, { body: object; readingTime: number }>
  /** connections already reported to `onConnection` */
  connections: WeakSet<ImportConnection>
  /** language versions whose originals were not written yet */
  deferred: ValidRecord[]
}

const startRun = async (payload: Payload, options: ImportOptions): Promise<Run> => {
  const started = performance.now()
  const sections = await idsBySlug(payload, 'categories')
  const authors = await idsBySlug(payload, 'authors')
  const tags = await idsBySlug(payload, 'tags')
  return {
    payload,
    options,
    batchSize: options.batchSize ?? 500,
    concurrency: Math.max(1, options.concurrency ?? 2),
    started,
    summary: {
      imported: 0,
      skipped: 0,
      failed: 0,
      failures: [],
      skippedLines: [],
      createdTags: [],
      seconds: 0,
      articlesPerSecond: 0,
    },
    sections,
    authors,
    tags,
    seen: new Map(),
    bodies: new WeakMap(),
    connections: new WeakSet(),
    deferred: [],
  }
}

const fail = (run: Run, line: number, reason: string) => {
  run.summary.failed++
  run.summary.failures.push({ line, reason })
}

/** Times one write for `onWrite` (nothing is reported for a write of no rows). */
const timed = async <T>(run: Run, step: ImportWriteStep, rows: number, write: () => Promise<T>) => {
  const t0 = performance.now()
  const result = await write()
  if (rows) run.options.onWrite?.(step, rows, performance.now() - t0)
  return result
}

/** Creates the tags these slugs name that do not exist yet. */
const ensureTags = async (run: Run, slugs: string[]) => {
  for (const slug of slugs) {
    if (run.tags.has(slug)) continue
    const tag = await run.payload.create({
      collection: 'tags',
      data: { name: tagName(slug), slug },
      context: { disableRevalidate: true, seeding: true },
    })
    run.tags.set(slug, tag.id)
    run.summary.createdTags.push(slug)
  }
}

/** One line of the file: a valid record not named before, its body built; else a failure. */
const readRecord = (run: Run, text: string, line: number): ValidRecord | null => {
  const result = validateRecord(text, line)
  if (isInvalid(result)) {
    fail(run, result.line, result.reason)
    return null
  }
  const key = keyOf(result.language, result.slug)
  const first = run.seen.get(key)
  if (first !== undefined) {
    fail(
      run,
      result.line,
      `slug "${result.slug}" is already used in ${LANGUAGE_NAMES[result.language]} by line ${first}`,
    )
    return null
  }
  run.seen.set(key, result.line)
  const body = blocksToLexical(result.body)
  run.bodies.set(result, { body, readingTime: readingTimeOf(body) })
  return result
}

// ─── preparing rows ───────────────────────────────────────────────────────────────────────────

/** Checks that need the database, then turns originals into rows to write. */
const prepareOriginals = (run: Run, records: ValidRecord[]): Prepared[] => {
  const prepared: Prepared[] = []
  for (const record of records) {
    const section = run.sections.get(record.section!)
    if (section === undefined) {
      fail(run, record.line, `unknown section "${record.section}"`)
      continue
    }
    const unknownAuthor = record.authors.find((slug) => !run.authors.has(slug))
    if (unknownAuthor) {
      fail(run, record.line, `unknown author "${unknownAuthor}"`)
      continue
    }
    prepared.push({
      record,
      key: keyOf(record.language, record.slug),
      ...run.bodies.get(record)!,
      translationOfId: null,
      translatedFrom: null,
      shared: {
        categoryId: section,
        categories: [],
        tags: record.tags.map((slug) => run.tags.get(slug)!),
        authors: record.authors.map((slug) => run.authors.get(slug)!),
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

/** The originals these keys name, with their shared fields and their versions' languages. */
const loadOriginals = async (client: ImportConnection, keys: ArticleKey[]) => {
  const { originals, rels, versions } = await readOriginals(client, keys)
  const found = new Map<string, Original>()
  for (const row of originals) {
    found.set(keyOf(row.language, row.slug), {
      row,
      versions: new Set(
        versions.filter((v) => v.translation_of_id === row.id).map((v) => v.language),
      ),
      shared: sharedOfOriginal(
        row,
        rels.filter((rel) => rel.parent_id === row.id),
      ),
    })
  }
  return found
}

/** Why this record cannot be a version of this original, if it cannot. */
const versionRefusal = (record: ValidRecord, original: Original): string | null => {
  const of = record.translationOf!
  if (original.row.translation_of_id) {
    return `${of.language}/${of.slug} is itself a language version; name its original`
  }
  if (original.versions.has(record.language)) {
    return `${of.language}/${of.slug} already has a version in ${LANGUAGE_NAMES[record.language]}`
  }
  return null
}

/** Language versions: their originals are read inside the transaction (this batch's included). */
const prepareVersions = async (
  run: Run,
  client: ImportConnection,
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
      if (final) fail(run, record.line, `original ${of.language}/${of.slug} not found`)
      else deferred.push(record)
      continue
    }
    const refusal = versionRefusal(record, original)
    if (refusal) {
      fail(run, record.line, refusal)
      continue
    }
    original.versions.add(record.language)
    prepared.push({
      record,
      key: keyOf(record.language, record.slug),
      ...run.bodies.get(record)!,
      translationOfId: original.row.id,
      shared: original.shared,
      translatedFrom: {
        title: original.row.title ?? '',
        dek: original.row.dek ?? '',
        bodyText: lexicalToPlainText(original.row.body as LexicalState),
        at: now,
      },
    })
  }
  return { prepared, deferred }
}

// ─── writing ──────────────────────────────────────────────────────────────────────────────────

/** Writes the rows of these articles (in one transaction the caller holds). */
const writeArticles = async (run: Run, client: ImportConnection, batch: Prepared[]) => {
  if (!batch.length) return
  const now = new Date().toISOString()
  const inserted = await timed(run, 'articles', batch.length, () =>
    insertArticles(
      client,
      batch.map((p) => articleRow(p, now)),
    ),
  )
  const ids = new Map(inserted.map((row) => [keyOf(row.language, row.slug), Number(row.id)]))
  const rels = batch.flatMap((p) => relsRows(ids.get(p.key)!, p.shared))
  await timed(run, 'articles_rels', rels.length, () => insertArticleRels(client, rels))
  await timed(run, 'versions', batch.length, () =>
    copyToLatestVersions(
      client,
      batch.map((p) => ids.get(p.key)!),
      now,
    ),
  )
  const events = publishEvents(batch, ids, now)
  await timed(run, 'editorial_events', events.length, () => insertEditorialEvents(client, events))
}

/** One transaction: originals, then the versions whose originals now exist. */
const transaction = (
  run: Run,
  client: ImportConnection,
  originals: Prepared[],
  versions: ValidRecord[],
  final: boolean,
) =>
  inTransaction(client, async () => {
    await writeArticles(run, client, originals)
    const result = await prepareVersions(run, client, versions, final)
    await writeArticles(run, client, result.prepared)
    return result
  })

/** After a batch failed in the database: each record alone, so that the bad one fails alone. */
const writeOneByOne = async (
  run: Run,
  client: ImportConnection,
  originals: Prepared[],
  versions: ValidRecord[],
  final: boolean,
): Promise<ValidRecord[]> => {
  const deferred: ValidRecord[] = []
  for (const one of [...originals.map((p) => p.record), ...versions]) {
    const asOriginal = one.translationOf ? [] : originals.filter((p) => p.record === one)
    try {
      const result = await transaction(
        run,
        client,
        asOriginal,
        one.translationOf ? [one] : [],
        final,
      )
      run.summary.imported += asOriginal.length + result.prepared.length
      deferred.push(...result.deferred)
    } catch (error) {
      fail(run, one.line, `database refused it: ${(error as Error).message}`)
    }
  }
  return deferred
}

/** Records already in the database (trashed ones too) are skipped: the key is language + slug. */
const withoutExisting = async (run: Run, records: ValidRecord[]) => {
  const existing = await existingArticleKeys(run.payload, records)
  const exists = new Set(existing.map((row) => keyOf(row.language, row.slug)))
  return records.filter((record) => {
    if (!exists.has(keyOf(record.language, record.slug))) return true
    run.summary.skipped++
    run.summary.skippedLines.push(record.line)
    return false
  })
}

/** Writes one batch on a connection of its own; answers the versions to try again later. */
const writeBatch = async (run: Run, records: ValidRecord[], final = false) => {
  const fresh = await withoutExisting(run, records)
  const originals = prepareOriginals(
    run,
    fresh.filter((r) => !r.translationOf),
  )
  const versions = fresh.filter((r) => r.translationOf)
  const client = await connectForImport(run.payload)
  try {
    if (run.options.onConnection && !run.connections.has(client)) {
      run.connections.add(client)
      run.options.onConnection(await backendPidOf(client))
    }
    try {
      const { prepared, deferred } = await transaction(run, client, originals, versions, final)
      run.summary.imported += originals.length + prepared.length
      return deferred
    } catch {
      // Something only the database could tell: write each record alone to find it.
      return await writeOneByOne(run, client, originals, versions, final)
    }
  } finally {
    client.release()
  }
}

/**
 * Batches records as they are read and writes up to `concurrency` batches at once (reading and
 * validating the next batch overlaps with the database writing these).
 */
const batchWriter = (run: Run) => {
  let batch: ValidRecord[] = []
  const inFlight = new Set<Promise<void>>()
  const flush = async () => {
    const records = batch
    batch = []
    if (!records.length) return
    // Tags are shared by batches: created here, one batch at a time.
    await ensureTags(run, [
      ...new Set(records.filter((r) => !r.translationOf).flatMap((r) => r.tags)),
    ])
    while (inFlight.size >= run.concurrency) await Promise.race(inFlight)
    const writing: Promise<void> = writeBatch(run, records)
      .then((later) => {
        run.deferred.push(...later)
        run.options.onProgress?.(run.summary)
      })
      .finally(() => inFlight.delete(writing))
    inFlight.add(writing)
  }
  return {
    add: async (record: ValidRecord) => {
      batch.push(record)
      if (batch.length >= run.batchSize) await flush()
    },
    close: async () => {
      await flush()
      await Promise.all(inFlight)
    },
  }
}

/** Language versions that came before their originals in the file. */
const writeDeferred = async (run: Run) => {
  while (run.deferred.length) {
    await writeBatch(run, run.deferred.splice(0, run.batchSize), true)
  }
}

const finish = async (run: Run): Promise<ImportSummary> => {
  const { summary } = run
  // Fresh statistics, so that the planner knows the tables' new sizes before the first reader.
  if (summary.imported >= 1000) await analyzeImportedTables(run.payload)
  summary.failures.sort((a, b) => a.line - b.line)
  summary.seconds = (performance.now() - run.started) / 1000
  summary.articlesPerSecond = summary.imported / Math.max(summary.seconds, 0.001)
  run.options.onProgress?.(summary)
  return summary
}

/**
 * The lines as one async iterable, the iterator taken now: a readline interface emits lines
 * from the start and drops those that nobody is iterating yet.
 */
const takeLines = (lines: AsyncIterable<string> | Iterable<string>): AsyncIterable<string> => {
  const iterator =
    Symbol.asyncIterator in lines
      ? lines[Symbol.asyncIterator]()
      : (lines as Iterable<string>)[Symbol.iterator]()
  return { [Symbol.asyncIterator]: () => ({ next: async () => iterator.next() }) }
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
  // Before the first await.
  const input = takeLines(lines)
  const run = await startRun(payload, options)
  const writer = batchWriter(run)
  let lineNumber = 0
  for await (const text of input) {
    lineNumber++
    if (!text.trim()) continue
    const record = readRecord(run, text, lineNumber)
    if (record) await writer.add(record)
  }
  await writer.close()
  await writeDeferred(run)
  return finish(run)
}
