/** Writing batches: one transaction each, at most `concurrency` at once, a failed one record by record. */
import {
  analyzeImportedTables,
  backendPidOf,
  connectForImport,
  copyToLatestVersions,
  existingArticleKeys,
  inTransaction,
  insertArticleRels,
  insertArticles,
  insertEditorialEvents,
  type ImportConnection,
} from '@/db/import'
import { insertImportedRedirects, takenRedirectSources } from '@/db/redirects'
import { urls } from '@/lib/urls'

import { prepareOriginals, prepareVersions } from './prepare'
import type { ValidRecord } from './records'
import { articleRow, keyOf, publishEvents, relsRows, type Prepared } from './rows'
import { ensureTags, fail, timed, type Run } from './run'
import type { ImportSummary } from './types'

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
  // The archive's old addresses → the new articles', in the same transaction.
  const moved = batch.filter((p) => p.record.oldUrls.length > 0)
  const addresses = moved.map((p) => urls.article(p.record.language, p.record.slug))
  const redirects = moved.flatMap((p, i) =>
    p.record.oldUrls.map((from) => ({ from, to: addresses[i]! })),
  )
  await timed(run, 'redirects', redirects.length, () =>
    insertImportedRedirects(client, redirects, addresses),
  )
}

/** Records whose old addresses another redirect already holds fail, each on its own line. */
const withoutTakenOldUrls = async (
  run: Run,
  client: ImportConnection,
  records: ValidRecord[],
): Promise<ValidRecord[]> => {
  const taken = new Set(
    await takenRedirectSources(
      client,
      records.flatMap((record) => record.oldUrls),
    ),
  )
  if (taken.size === 0) return records
  return records.filter((record) => {
    const path = record.oldUrls.find((one) => taken.has(one))
    if (path === undefined) return true
    fail(run, record.line, `old URL "${path}" already redirects elsewhere`)
    return false
  })
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
  const client = await connectForImport(run.payload)
  try {
    const fresh = await withoutTakenOldUrls(run, client, await withoutExisting(run, records))
    const originals = prepareOriginals(
      run,
      fresh.filter((r) => !r.translationOf),
    )
    const versions = fresh.filter((r) => r.translationOf)
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
export const batchWriter = (run: Run) => {
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
export const writeDeferred = async (run: Run) => {
  while (run.deferred.length) {
    await writeBatch(run, run.deferred.splice(0, run.batchSize), true)
  }
}

export const finish = async (run: Run): Promise<ImportSummary> => {
  const { summary } = run
  // Fresh statistics, so that the planner knows the tables' new sizes before the first reader.
  if (summary.imported >= 1000) await analyzeImportedTables(run.payload)
  summary.failures.sort((a, b) => a.line - b.line)
  summary.seconds = (performance.now() - run.started) / 1000
  summary.articlesPerSecond = summary.imported / Math.max(summary.seconds, 0.001)
  run.options.onProgress?.(summary)
  return summary
}
