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
 * src/import/ reads, checks, batches and reports: `run.ts` (one import's state, reading a
 * record), `prepare.ts` (the checks against the database, records → rows), `rows.ts` (the rows
 * themselves), `write.ts` (batches and transactions); the SQL is src/db/import.ts. A caller that
 * measures (scripts/import.ts, the benchmark) observes through `onConnection` and `onWrite`.
 */
import type { Payload } from 'payload'

import { readRecord, startRun } from './run'
import type { ImportOptions, ImportSummary } from './types'
import { batchWriter, finish, writeDeferred } from './write'

export type { ImportOptions, ImportSummary, ImportWriteStep } from './types'

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
