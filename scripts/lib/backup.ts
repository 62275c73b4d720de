/**
 * Backup of the newsroom: a logical, data-only dump of the database taken with COPY (what
 * `pg_dump --data-only` writes, table by table) plus the media folder, in one `.tar.gz`:
 *
 *   manifest.json        format, creation time, server version, applied migrations, every
 *                        table (columns, row count, SHA-256 of its data), every sequence, media
 *   data/<table>.copy    the table's rows in COPY text format, ordered by primary key
 *   media/…              the media folder as it was (absent when media are stored in S3)
 *
 * Why COPY and not pg_dump: the database is PostgreSQL 18, and pg_dump refuses to dump a server
 * newer than itself; the only client packaged where this runs is version 15. The schema is not
 * dumped: it is rebuilt by the repository's own migrations on restore (scripts/lib/restore.ts),
 * so the archive records which migrations built it.
 *
 * Beside this file, in backup/: the format (`format.ts`: the manifest, `BackupError`), the COPY
 * text a dump writes and a restore checks (`copy.ts`), and the media listing (`files.ts`).
 * `backupNewsroom` reads as its phases, one function each.
 */
import { createWriteStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'

import pg from 'pg'
import { to as copyTo } from 'pg-copy-streams'
import * as tar from 'tar'

import {
  CopyDigest,
  SESSION_SETTINGS,
  copyOutSql,
  describeSequences,
  describeTables,
  qualified,
} from './backup/copy'
import { describeMedia, exists } from './backup/files'
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupError,
  DEFAULT_SCHEMA,
  type Manifest,
  type SequenceEntry,
  type TableEntry,
} from './backup/format'

export type BackupOptions = {
  databaseUrl: string
  /** the archive to write (.tar.gz); its folder is created */
  out: string
  /** the local media folder; null when media are stored elsewhere (S3) */
  mediaDir: string | null
  /** why media are not included, for the manifest (when mediaDir is null) */
  mediaNote?: string
  schema?: string
  log?: (message: string) => void
  /** called after each table is written (a test writes to the database here) */
  onTableDumped?: (table: string) => Promise<void> | void
}

type ServerInfo = { version: string; num: string; db: string }

/** Opens the snapshot: one REPEATABLE READ, READ ONLY transaction with the dump's settings. */
const openSnapshot = async (client: pg.Client) => {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY')
  for (const statement of SESSION_SETTINGS) await client.query(statement)
}

/** The server, the database and its applied migrations; refuses a database never migrated. */
const readServer = async (
  client: pg.Client,
  schema: string,
): Promise<{ server: ServerInfo; migrations: string[] }> => {
  const { rows: server } = await client.query<ServerInfo & { migrations: string | null }>(
    `SELECT current_setting('server_version') AS version,
            current_setting('server_version_num') AS num, current_database() AS db,
            to_regclass($1) AS migrations`,
    [qualified(schema, 'payload_migrations')],
  )
  if (!server[0].migrations) {
    throw new BackupError(
      `Database "${server[0].db}" has no ${schema}.payload_migrations table: it is not a ` +
        'migrated newsroom database (run `npm run migrate` first, or check DATABASE_URL).',
    )
  }
  const { rows: migrations } = await client.query<{ name: string }>(
    `SELECT name FROM ${qualified(schema, 'payload_migrations')} ORDER BY id`,
  )
  return { server: server[0], migrations: migrations.map((m) => m.name) }
}

/** Writes every table of the schema to `data/<table>.copy` under `staging`, hashing it. */
const dumpTables = async (
  client: pg.Client,
  schema: string,
  staging: string,
  log: (message: string) => void,
  onTableDumped?: (table: string) => Promise<void> | void,
) => {
  await fs.mkdir(path.join(staging, 'data'))
  const tables: TableEntry[] = []
  for (const table of await describeTables(client, schema)) {
    const file = `data/${table.name}.copy`
    const digest = new CopyDigest()
    await pipeline(
      client.query(copyTo(copyOutSql(schema, table))),
      digest,
      createWriteStream(path.join(staging, file)),
    )
    tables.push({
      name: table.name,
      columns: table.columns,
      rows: digest.rows,
      sha256: digest.digest(),
      file,
    })
    log(`  ${table.name}: ${digest.rows} rows`)
    await onTableDumped?.(table.name)
  }
  return tables
}

/** Every sequence of the schema with its current value. */
const readSequences = async (client: pg.Client, schema: string) => {
  const sequences: SequenceEntry[] = []
  for (const sequence of await describeSequences(client, schema)) {
    const { rows } = await client.query<{ last_value: string; is_called: boolean }>(
      `SELECT last_value::text, is_called FROM ${qualified(schema, sequence.name)}`,
    )
    sequences.push({ ...sequence, lastValue: rows[0].last_value, isCalled: rows[0].is_called })
  }
  return sequences
}

/**
 * Copies the media folder into `staging/media` and lists it; taken after the snapshot, every
 * upload the snapshot references was on disk before its row committed, so it is copied (a file
 * deleted in between is the one exception).
 */
const copyMedia = async (
  staging: string,
  mediaDir: string | null,
  mediaNote: string | undefined,
  log: (message: string) => void,
): Promise<Manifest['media']> => {
  if (mediaDir === null) {
    return { included: false, note: mediaNote ?? 'media are not stored locally', files: [] }
  }
  if (await exists(mediaDir)) {
    await fs.cp(mediaDir, path.join(staging, 'media'), { recursive: true })
  }
  await fs.mkdir(path.join(staging, 'media'), { recursive: true })
  const media = { included: true, files: await describeMedia(path.join(staging, 'media')) }
  log(`  media: ${media.files.length} files`)
  return media
}

/** Writes the manifest beside the data and packs the staging folder as `partial`. */
const packArchive = async (staging: string, partial: string, manifest: Manifest) => {
  await fs.writeFile(path.join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  await tar.create({ gzip: true, file: partial, cwd: staging, portable: true }, [
    'manifest.json',
    'data',
    ...(manifest.media.included ? ['media'] : []),
  ])
}

/**
 * Writes one archive of the database (a consistent snapshot: one REPEATABLE READ, READ ONLY
 * transaction, so the app may keep writing meanwhile) and the media folder. The archive appears
 * under its name only when complete.
 */
export const backupNewsroom = async ({
  databaseUrl,
  out,
  mediaDir,
  mediaNote,
  schema = DEFAULT_SCHEMA,
  log = () => undefined,
  onTableDumped,
}: BackupOptions): Promise<{ file: string; manifest: Manifest }> => {
  if (await exists(out)) throw new BackupError(`${out} already exists; choose another --out.`)
  await fs.mkdir(path.dirname(out), { recursive: true })
  const staging = await fs.mkdtemp(path.join(path.dirname(out), '.backup-'))
  const partial = `${out}.partial`
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    await openSnapshot(client)
    const { server, migrations } = await readServer(client, schema)
    const tables = await dumpTables(client, schema, staging, log, onTableDumped)
    const sequences = await readSequences(client, schema)
    await client.query('COMMIT')
    const media = await copyMedia(staging, mediaDir, mediaNote, log)

    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      server: { version: server.version, versionNum: Number(server.num) },
      database: server.db,
      schema,
      migrations,
      tables,
      sequences,
      media,
    }
    await packArchive(staging, partial, manifest)
    await fs.rename(partial, out)
    return { file: out, manifest }
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    await fs.rm(partial, { force: true })
    throw error
  } finally {
    await client.end().catch(() => undefined)
    await fs.rm(staging, { recursive: true, force: true })
  }
}
