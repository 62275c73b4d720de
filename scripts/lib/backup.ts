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
 */
import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { Transform, type TransformCallback } from 'node:stream'
import { pipeline } from 'node:stream/promises'

import pg from 'pg'
import { to as copyTo } from 'pg-copy-streams'
import * as tar from 'tar'

export const BACKUP_FORMAT = 'newsroom-backup'
export const BACKUP_FORMAT_VERSION = 1
export const DEFAULT_SCHEMA = 'public'

export type TableEntry = {
  name: string
  /** the columns dumped, in order (GENERATED columns are left out: PostgreSQL recomputes them) */
  columns: string[]
  rows: number
  /** SHA-256 (hex) of the table's COPY data, ordered by primary key */
  sha256: string
  file: string
}

export type SequenceEntry = {
  name: string
  table: string
  column: string
  lastValue: string
  isCalled: boolean
}

export type MediaFileEntry = { path: string; bytes: number; sha256: string }

export type Manifest = {
  format: typeof BACKUP_FORMAT
  formatVersion: number
  createdAt: string
  server: { version: string; versionNum: number }
  database: string
  schema: string
  /** names from `payload_migrations`, in the order they were applied */
  migrations: string[]
  tables: TableEntry[]
  sequences: SequenceEntry[]
  media: { included: boolean; note?: string; files: MediaFileEntry[] }
}

/** A refusal or failure with a message meant for the person running the command. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BackupError'
  }
}

/**
 * Settings that fix how COPY writes values (dates, intervals, floats, bytea), so a dump and the
 * check after a restore produce the same bytes whatever the server's or role's defaults.
 * `SET LOCAL`: they end with the transaction and never leak into a pooled connection.
 */
export const SESSION_SETTINGS = [
  "SET LOCAL client_encoding = 'UTF8'",
  "SET LOCAL TimeZone = 'UTC'",
  "SET LOCAL DateStyle = 'ISO, YMD'",
  "SET LOCAL IntervalStyle = 'postgres'",
  'SET LOCAL extra_float_digits = 3',
  "SET LOCAL bytea_output = 'hex'",
]

const ident = (name: string) => pg.escapeIdentifier(name)
const qualified = (schema: string, table: string) => `${ident(schema)}.${ident(table)}`

export type Queryable = Pick<pg.ClientBase, 'query'>

export type TableShape = { name: string; columns: string[]; orderBy: string }

/**
 * Every table of the schema with the columns a dump carries (not GENERATED ones) and an ORDER BY
 * that makes its dump deterministic: the primary key, compared bytewise ("C") for text keys.
 */
export const describeTables = async (client: Queryable, schema: string): Promise<TableShape[]> => {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind = 'r' ORDER BY c.relname COLLATE "C"`,
    [schema],
  )
  const shapes: TableShape[] = []
  for (const { name } of tables) {
    const { rows: columns } = await client.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns
        WHERE table_schema = $1 AND table_name = $2 AND is_generated <> 'ALWAYS'
        ORDER BY ordinal_position`,
      [schema, name],
    )
    const { rows: key } = await client.query<{ name: string; collatable: boolean }>(
      `SELECT a.attname AS name, t.typcollation <> 0 AS collatable
         FROM pg_index i
         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey::int2[])
         JOIN pg_type t ON t.oid = a.atttypid
        WHERE i.indrelid = $1::regclass AND i.indisprimary
        ORDER BY array_position(i.indkey::int2[], a.attnum)`,
      [qualified(schema, name)],
    )
    const columnNames = columns.map((c) => c.column_name)
    const orderBy = key.length
      ? key.map((k) => `${ident(k.name)}${k.collatable ? ' COLLATE "C"' : ''}`).join(', ')
      : // no primary key: the whole row's text, bytewise
        `(ROW(${columnNames.map(ident).join(', ')}))::text COLLATE "C"`
    shapes.push({ name, columns: columnNames, orderBy })
  }
  return shapes
}

/** The COPY … TO STDOUT statement of one table; a restore's check runs the same one. */
export const copyOutSql = (schema: string, table: TableShape) =>
  `COPY (SELECT ${table.columns.map(ident).join(', ')} FROM ${qualified(schema, table.name)} ` +
  `ORDER BY ${table.orderBy}) TO STDOUT`

/** Passes bytes through, hashing them and counting lines (one line is one row in COPY text). */
export class CopyDigest extends Transform {
  private hash = createHash('sha256')
  private hex: string | null = null
  rows = 0
  bytes = 0

  _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    this.hash.update(chunk)
    this.bytes += chunk.length
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) this.rows++
    callback(null, chunk)
  }

  /** the SHA-256 of everything that passed (hex); call it once the stream has ended */
  digest() {
    this.hex ??= this.hash.digest('hex')
    return this.hex
  }
}

/** The SHA-256 and row count of a table's data as the database holds it now. */
export const digestTable = async (client: pg.ClientBase, schema: string, table: TableShape) => {
  const digest = new CopyDigest()
  await pipeline(client.query(copyTo(copyOutSql(schema, table))), digest, async function* (source) {
    for await (const _chunk of source) void _chunk
  })
  return { rows: digest.rows, sha256: digest.digest() }
}

/** The sequences owned by the schema's columns (serial ids), with the table and column. */
export const describeSequences = async (client: Queryable, schema: string) =>
  (
    await client.query<{ name: string; table: string; column: string }>(
      `SELECT s.relname AS name, t.relname AS "table", a.attname AS "column"
         FROM pg_depend d
         JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
         JOIN pg_namespace n ON n.oid = s.relnamespace
         JOIN pg_class t ON t.oid = d.refobjid
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
        WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
          AND d.deptype IN ('a', 'i') AND n.nspname = $1
        ORDER BY s.relname COLLATE "C"`,
      [schema],
    )
  ).rows

export const sha256File = async (file: string) => {
  const hash = createHash('sha256')
  await pipeline(createReadStream(file), hash)
  return hash.digest('hex')
}

/** Every regular file under a folder, as sorted relative paths with `/` separators. */
export const listFiles = async (dir: string): Promise<string[]> => {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .map((relative) => relative.split(path.sep).join('/'))
    .sort()
}

export const describeMedia = async (dir: string): Promise<MediaFileEntry[]> => {
  const files: MediaFileEntry[] = []
  for (const relative of await listFiles(dir)) {
    const full = path.join(dir, relative)
    files.push({
      path: relative,
      bytes: (await fs.stat(full)).size,
      sha256: await sha256File(full),
    })
  }
  return files
}

const exists = (file: string) =>
  fs.access(file).then(
    () => true,
    () => false,
  )

export const timestampName = (date = new Date()) =>
  `newsroom-${date.toISOString().replace(/[:.]/g, '-')}.tar.gz`

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
