/**
 * Backs up the newsroom: the database (a consistent snapshot, in COPY format) and the media
 * folder, in one .tar.gz (format in scripts/lib/backup.ts):
 *
 *   npm run backup                       → .data/backups/newsroom-<timestamp>.tar.gz
 *   npm run backup -- --out <file>
 *
 * Started by scripts/app.ts: the embedded database, or DATABASE_URL when it is set. The app may
 * keep running meanwhile. With S3 media storage (S3_BUCKET) the media are not on this disk and
 * are left out: back the bucket up with the storage's own tools.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'

import { backupNewsroom } from './lib/backup'
import { BackupError, timestampName } from './lib/backup/format'
import { MEDIA_DIR } from '../src/lib/uploads'

const usage = 'Usage: npm run backup [-- --out <file.tar.gz>]'

const main = async () => {
  let values: { out?: string }
  try {
    ;({ values } = parseArgs({ options: { out: { type: 'string' } }, strict: true }))
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`)
    return 2
  }
  const databaseUrl = process.env.DATABASE_URL
  if (!databaseUrl) {
    console.error('DATABASE_URL is not set (run this through `npm run backup`).')
    return 2
  }
  // npm runs scripts from the package folder; a relative --out is the caller's.
  const out = values.out
    ? path.resolve(process.env.INIT_CWD || process.cwd(), values.out)
    : path.resolve(process.env.DATA_DIR || '.data', 'backups', timestampName())
  const s3 = Boolean(process.env.S3_BUCKET)
  console.log(`Backing up to ${out}`)
  const { manifest } = await backupNewsroom({
    databaseUrl,
    out,
    mediaDir: s3 ? null : MEDIA_DIR,
    mediaNote: s3 ? `media are stored in the S3 bucket ${process.env.S3_BUCKET}` : undefined,
    log: (message) => console.log(message),
  })
  const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0)
  console.log(
    `Backed up ${manifest.tables.length} tables (${rows} rows, PostgreSQL ${manifest.server.version}, ` +
      `${manifest.migrations.length} migrations) and ` +
      (manifest.media.included
        ? `${manifest.media.files.length} media files from ${MEDIA_DIR}`
        : `no media files (${manifest.media.note})`) +
      ` to ${out}`,
  )
  return 0
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof BackupError ? error.message : error)
    process.exit(1)
  },
)
