/**
 * Bulk import of articles from an NDJSON file (one JSON record per line; format in the README):
 *
 *   npm run import -- archive.ndjson
 *
 * Runs through `payload run` (started by scripts/app.ts, so the embedded database is up when
 * DATABASE_URL is not set). Prints each failed record's line number and reason, then a summary.
 * Exits 1 when a record failed, 0 otherwise. IMPORT_BATCH_SIZE sets records per transaction,
 * IMPORT_CONCURRENCY batches written at once; IMPORT_PROFILE=1 prints each write of each batch
 * (what, rows, milliseconds). The CPU time of the import and of the database backends that wrote
 * its rows (from /proc, when the database runs on this machine) is measured here, not in the
 * importer.
 */
import { createReadStream, existsSync } from 'node:fs'
import path from 'node:path'
import { createInterface } from 'node:readline'

import { getPayload } from 'payload'

import { importArticles } from '@/import/importer'
import config from '@payload-config'

import { cpuAccounting } from './lib/cpuAccounting'

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
const cpu = cpuAccounting()
const summary = await importArticles(payload, lines, {
  batchSize: Number(process.env.IMPORT_BATCH_SIZE) || undefined,
  concurrency: Number(process.env.IMPORT_CONCURRENCY) || undefined,
  onProgress: (s) => {
    if (Date.now() - lastReport < 2000) return
    lastReport = Date.now()
    console.log(`  … ${s.imported} imported, ${s.skipped} skipped, ${s.failed} failed`)
  },
  onConnection: cpu.noteBackend,
  onWrite: process.env.IMPORT_PROFILE
    ? (step, rows, ms) => console.log(step, rows, ms.toFixed(0), 'ms')
    : undefined,
})
const cpuSeconds = cpu.read()

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
const { importer, database } = cpuSeconds
console.log(
  `CPU: ${importer.toFixed(1)} s in the importer` +
    (database === null ? '' : `, ${database.toFixed(1)} s in the database`) +
    (summary.imported
      ? ` (${((1000 * (importer + (database ?? 0))) / summary.imported).toFixed(2)} ms per article)`
      : ''),
)
// Machine-readable line for scripts (the benchmark reads it).
console.log(
  `IMPORT_SUMMARY ${JSON.stringify({ ...summary, cpuSeconds, failures: undefined, skippedLines: undefined })}`,
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
