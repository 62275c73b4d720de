/** One import's state (lookups, totals, what waits) and the steps that read records into it. */
import type { Payload } from 'payload'

import { idsBySlug, type ImportConnection } from '@/db/import'
import { bodyToHtml } from '@/lib/bodyHtml'
import { blocksToLexical } from '@/lib/lexical'
import { readingTimeOf } from '@/lib/readingTime'

import { isInvalid, validateRecord, type ValidRecord } from './records'
import { keyOf, languageInMessages } from './rows'
import type { ImportOptions, ImportSummary, ImportWriteStep } from './types'

/** A tag's display name from its slug: `middle-corridor` → "Middle corridor". */
const tagName = (slug: string) => {
  const words = slug.replace(/-/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** The state of one import: lookups, totals, what waits for the end of the file. */
export type Run = {
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
  /** old address → line, for every record of this run (one old address leads to one article) */
  oldUrls: Map<string, number>
  /**
   * The Lexical body and reading time, made while reading the file (so that this work overlaps
   * with the database writing the previous batch).
   */
  bodies: WeakMap<ValidRecord, { body: object; readingTime: number; bodyHtml: string | null }>
  /** connections already reported to `onConnection` */
  connections: WeakSet<ImportConnection>
  /** language versions whose originals were not written yet */
  deferred: ValidRecord[]
}

export const startRun = async (payload: Payload, options: ImportOptions): Promise<Run> => {
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
    oldUrls: new Map(),
    bodies: new WeakMap(),
    connections: new WeakSet(),
    deferred: [],
  }
}

export const fail = (run: Run, line: number, reason: string) => {
  run.summary.failed++
  run.summary.failures.push({ line, reason })
}

/** Times one write for `onWrite` (nothing is reported for a write of no rows). */
export const timed = async <T>(
  run: Run,
  step: ImportWriteStep,
  rows: number,
  write: () => Promise<T>,
) => {
  const t0 = performance.now()
  const result = await write()
  if (rows) run.options.onWrite?.(step, rows, performance.now() - t0)
  return result
}

/** Creates the tags these slugs name that do not exist yet. */
export const ensureTags = async (run: Run, slugs: string[]) => {
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
export const readRecord = (run: Run, text: string, line: number): ValidRecord | null => {
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
      `slug "${result.slug}" is already used in ${languageInMessages(result.language)} by line ${first}`,
    )
    return null
  }
  const claimed = result.oldUrls.find((path) => run.oldUrls.has(path))
  if (claimed !== undefined) {
    fail(
      run,
      result.line,
      `old URL "${claimed}" is already claimed by line ${run.oldUrls.get(claimed)}`,
    )
    return null
  }
  run.seen.set(key, result.line)
  for (const path of result.oldUrls) run.oldUrls.set(path, result.line)
  const body = blocksToLexical(result.body)
  run.bodies.set(result, { body, readingTime: readingTimeOf(body), bodyHtml: bodyToHtml(body) })
  return result
}
