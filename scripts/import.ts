/**
 * Bulk import of articles from an NDJSON file (one JSON record per line; format in the README):
 *
 *   npm run import -- archive.ndjson
 *
 * Runs through `payload run` (started by scripts/app.ts, so the embedded database is up when
 * DATABASE_URL is not set). Prints each failed record's line number and reason, then a summary.
 * Exits 1 when a record failed, 0 otherwise. IMPORT_BATCH_SIZE sets records per transaction,
 * IMPORT_CONCURRENCY batches written at once.
 */
import { createReadStream, existsSync } from 'node:fs'
import path from 'node:path'
import { createInterface } from 'node:readline'

import config from '@payload-config'
import { getPayload } from 'payload'

import { importArticles } from '@/import/importer'

const [file] = process.argv.slice(2)
if (!file) {
  console.error('Usage: npm run import -- <file.ndjson>')
  process.exit(2)
}
// npm runs scripts from the package folder; a relative path is the caller's.
const filePath = path.resolve(process.env.INIT_CWD || process.cwd(), file)
if (!existsSync(filePath)) {
  console.error(`No such file: ${filePath}`)
  process.exit(2)
}

const payload = await getPayload({ config })
const lines = createInterface({
  input: createReadStream(filePath, 'utf8'),
  crlfDelay: Infinity,
})
let lastReport = 0
const summary = await importArticles(payload, lines, {
  batchSize: Number(process.env.IMPORT_BATCH_SIZE) || undefined,
  concurrency: Number(process.env.IMPORT_CONCURRENCY) || undefined,
  onProgress: (s) => {
    if (Date.now() - lastReport < 2000) return
    lastReport = Date.now()
    console.log(`  … ${s.imported} imported, ${s.skipped} skipped, ${s.failed} failed`)
  },
})

const MAX_LISTED = 200
for (const failure of summary.failures.slice(0, MAX_LISTED)) {
  console.error(`line ${failure.line}: ${failure.reason}`)
}
if (summary.failures.length > MAX_LISTED) {
  console.error(`… and ${summary.failures.length - MAX_LISTED} more failed records`)
}
if (summary.createdTags.length) {
  console.log(`Created ${summary.createdTags.length} tag(s): ${summary.createdTags.join(', ')}`)
}
console.log(
  `Imported ${summary.imported}, skipped ${summary.skipped} (already present), failed ${summary.failed} ` +
    `in ${summary.seconds.toFixed(1)} s: ${Math.round(summary.articlesPerSecond)} articles/s`,
)
const { importer, database } = summary.cpuSeconds
console.log(
  `CPU: ${importer.toFixed(1)} s in the importer` +
    (database === null ? '' : `, ${database.toFixed(1)} s in the database`) +
    (summary.imported
      ? ` (${((1000 * (importer + (database ?? 0))) / summary.imported).toFixed(2)} ms per article)`
      : ''),
)
// Machine-readable line for scripts (the benchmark reads it).
console.log(
  `IMPORT_SUMMARY ${JSON.stringify({ ...summary, failures: undefined, skippedLines: undefined })}`,
)
if (summary.imported > 0) {
  // The importer runs outside Next: it cannot expire a running server's data cache.
  console.log(
    "A running server's cached lists do not show the imported articles until the tag " +
      '"articles" is revalidated: publish, unpublish or edit any published article in the admin ' +
      '(its hook expires the tag), or stop the server, delete .next/cache/fetch-cache and start it.',
  )
}
process.exit(summary.failed ? 1 : 0)
