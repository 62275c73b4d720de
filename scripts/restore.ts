/**
 * Restores an archive written by `npm run backup` into an EMPTY database and media folder:
 *
 *   npm run restore -- <archive.tar.gz>
 *   npm run restore -- <archive.tar.gz> --force    replaces a database that has content
 *
 * Started by scripts/app.ts: the embedded database, or DATABASE_URL when it is set. Stop the app
 * first. All database work is one transaction (scripts/lib/restore.ts): on any refusal or
 * failure the database is left as it was and the reason is printed; the exit code is then 1.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'

import { getPayload } from 'payload'

import config from '@payload-config'

import { migrations } from '../migrations'
import { BackupError } from './lib/backup/format'
import { RestoredWithErrors, restoreNewsroom, type Migration } from './lib/restore'
import { MEDIA_DIR } from '../src/lib/uploads'

const usage = 'Usage: npm run restore -- <archive.tar.gz> [--force]'

const main = async () => {
  let parsed: { values: { force?: boolean }; positionals: string[] }
  try {
    parsed = parseArgs({
      options: { force: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    })
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`)
    return 2
  }
  if (parsed.positionals.length !== 1) {
    console.error(usage)
    return 2
  }
  const archive = path.resolve(process.env.INIT_CWD || process.cwd(), parsed.positionals[0])
  const s3 = Boolean(process.env.S3_BUCKET)
  const payload = await getPayload({ config })
  console.log(`Restoring ${archive}`)
  const result = await restoreNewsroom({
    payload,
    archive,
    migrations: migrations as unknown as Migration[],
    mediaDir: s3 ? null : MEDIA_DIR,
    force: parsed.values.force ?? false,
    log: (message) => console.log(`  ${message}`),
  })
  for (const note of result.notes) console.log(note)
  console.log(
    `Restored ${result.tables} tables (${result.rows} rows) from a backup of ` +
      `${result.manifest.createdAt} and ${result.mediaFiles} media files` +
      (result.mediaFiles ? ` into ${MEDIA_DIR}` : '') +
      (result.migratedAfter.length
        ? `; then applied ${result.migratedAfter.length} newer migrations`
        : '') +
      '.',
  )
  return 0
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof RestoredWithErrors) {
      console.error(error.message)
    } else {
      console.error(error instanceof BackupError ? `Restore refused: ${error.message}` : error)
      console.error('Nothing was changed in the database.')
    }
    process.exit(1)
  },
)
