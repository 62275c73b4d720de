/**
 * Restore of an archive written by scripts/lib/backup.ts into an empty newsroom database.
 *
 * Everything that touches the database happens in ONE transaction: (with --force) drop and
 * recreate the schema, run the migrations the archive was made with, load every table with
 * COPY … FROM STDIN under `session_replication_role = replica` (so foreign keys and load order
 * do not matter), set every sequence, then check each table's row count and checksum against
 * the manifest by dumping it again. Only then does it commit; any failure rolls back and leaves
 * the database as it was. Migrations the repository has beyond the archive's run afterwards,
 * as `npm run migrate` would. The media files are checked before, and put in place after.
 */
import { createReadStream } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'

import { createLocalReq, type Payload } from 'payload'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import * as tar from 'tar'

import { drizzleOfTransaction } from '@/db/client'

import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupError,
  CopyDigest,
  DEFAULT_SCHEMA,
  SESSION_SETTINGS,
  describeSequences,
  describeTables,
  digestTable,
  listFiles,
  sha256File,
  type Manifest,
} from './backup'

export type Migration = {
  name: string
  up: (args: { db: unknown; payload: Payload; req: unknown }) => Promise<void>
}

export type RestoreOptions = {
  /** a Payload instance whose database is the target */
  payload: Payload
  archive: string
  /** the repository's migrations (migrations/index.ts), in order */
  migrations: Migration[]
  /** the local media folder to restore into; null when media are stored in S3 */
  mediaDir: string | null
  /** replace a database (and media folder) that already has content */
  force?: boolean
  log?: (message: string) => void
}

export type RestoreResult = {
  manifest: Manifest
  tables: number
  rows: number
  mediaFiles: number
  /** migrations of the repository that were applied after the archive's */
  migratedAfter: string[]
  notes: string[]
}

/** A failure after the database committed: the data are restored, something after is not. */
export class RestoredWithErrors extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'RestoredWithErrors'
  }
}

const ident = (name: string) => pg.escapeIdentifier(name)

const exists = (file: string) =>
  fs.access(file).then(
    () => true,
    () => false,
  )

/** Reads and checks the manifest of an extracted archive. */
const readManifest = async (dir: string): Promise<Manifest> => {
  let manifest: Manifest
  try {
    manifest = JSON.parse(await fs.readFile(path.join(dir, 'manifest.json'), 'utf8')) as Manifest
  } catch {
    throw new BackupError('The archive has no readable manifest.json: it is not a newsroom backup.')
  }
  if (manifest?.format !== BACKUP_FORMAT) {
    throw new BackupError('The archive is not a newsroom backup (unknown format in manifest.json).')
  }
  if (manifest.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      `The archive has format version ${manifest.formatVersion}; this version of the newsroom ` +
        `reads version ${BACKUP_FORMAT_VERSION}.`,
    )
  }
  if (
    !Array.isArray(manifest.migrations) ||
    !Array.isArray(manifest.tables) ||
    !Array.isArray(manifest.sequences) ||
    !manifest.media ||
    !Array.isArray(manifest.media.files)
  ) {
    throw new BackupError("The archive's manifest.json is incomplete.")
  }
  return manifest
}

/** The archive's migrations must be the repository's, or the first of them. */
const checkMigrations = (archived: string[], repository: string[]) => {
  const mismatch = archived.findIndex((name, i) => repository[i] !== name)
  if (mismatch === -1) return repository.slice(archived.length)
  if (mismatch >= repository.length) {
    throw new BackupError(
      `The archive was made by a newer version of the newsroom: its migrations ` +
        `${archived.slice(repository.length).join(', ')} are not in this repository. ` +
        'Restore it with the code it was made with (or newer).',
    )
  }
  throw new BackupError(
    `The archive's migrations differ from this repository's at position ${mismatch + 1}: ` +
      `the archive has ${archived[mismatch]}, the repository ${repository[mismatch]}. ` +
      'Restore it with the code it was made with.',
  )
}

/** A path inside the archive's media folder that stays inside it. */
const safeRelative = (relative: string) => {
  const normal = path.posix.normalize(relative)
  if (path.posix.isAbsolute(normal) || normal.startsWith('../') || normal === '..') {
    throw new BackupError(`The archive lists a media file outside the media folder: ${relative}`)
  }
  return normal
}

/** Checks the extracted media against the manifest (names, sizes, checksums). */
const checkMedia = async (dir: string, manifest: Manifest) => {
  const folder = path.join(dir, 'media')
  const present = (await exists(folder)) ? await listFiles(folder) : []
  const listed = manifest.media.files.map((file) => safeRelative(file.path)).sort()
  if (JSON.stringify(present) !== JSON.stringify(listed)) {
    throw new BackupError(
      `The archive's media folder does not match its manifest ` +
        `(${present.length} files present, ${listed.length} listed).`,
    )
  }
  for (const file of manifest.media.files) {
    if ((await sha256File(path.join(folder, file.path))) !== file.sha256) {
      throw new BackupError(
        `Media file ${file.path} in the archive is corrupted (checksum mismatch).`,
      )
    }
  }
}

/** The pg client under a Payload transaction (Drizzle's node-postgres session holds it). */
const clientOf = (payload: Payload, transactionId: string | number): pg.PoolClient => {
  const client = (
    drizzleOfTransaction(payload, transactionId) as unknown as {
      session?: { client?: unknown }
    }
  ).session?.client as pg.PoolClient | undefined
  if (!client || typeof client.query !== 'function') {
    throw new Error('Could not reach the database connection of the Payload transaction.')
  }
  return client
}

/** Tables of the target schema that hold rows (payload_migrations alone is not content). */
const tablesWithContent = async (client: pg.ClientBase, schema: string) => {
  const found: string[] = []
  for (const table of await describeTables(client, schema)) {
    if (table.name === 'payload_migrations') continue
    const { rows } = await client.query<{ any: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM ${ident(schema)}.${ident(table.name)}) AS any`,
    )
    if (rows[0].any) found.push(table.name)
  }
  return found
}

const schemaHasObjects = async (client: pg.ClientBase, schema: string) => {
  const { rows } = await client.query<{ any: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE n.nspname = $1)
         OR EXISTS (SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                     WHERE n.nspname = $1)
         OR EXISTS (SELECT 1 FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                     WHERE n.nspname = $1) AS any`,
    [schema],
  )
  return rows[0].any
}

/** Drops the schema with everything in it and creates it again for its previous owner. */
const recreateSchema = async (client: pg.ClientBase, schema: string) => {
  const { rows } = await client.query<{ owner: string }>(
    `SELECT pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE nspname = $1`,
    [schema],
  )
  await client.query(`DROP SCHEMA IF EXISTS ${ident(schema)} CASCADE`)
  await client.query(
    `CREATE SCHEMA ${ident(schema)}` + (rows[0] ? ` AUTHORIZATION ${ident(rows[0].owner)}` : ''),
  )
  if (schema === 'public') await client.query('GRANT USAGE ON SCHEMA public TO PUBLIC')
}

/** Loads one table from its COPY file, checking the bytes against the manifest on the way. */
const loadTable = async (
  client: pg.ClientBase,
  schema: string,
  dir: string,
  entry: Manifest['tables'][number],
) => {
  const file = path.join(dir, safeRelative(entry.file))
  if (!(await exists(file)))
    throw new BackupError(`The archive has no data for table ${entry.name}.`)
  const digest = new CopyDigest()
  await pipeline(
    createReadStream(file),
    digest,
    client.query(
      copyFrom(
        `COPY ${ident(schema)}.${ident(entry.name)} (${entry.columns.map(ident).join(', ')}) ` +
          'FROM STDIN',
      ),
    ),
  )
  if (digest.rows !== entry.rows || digest.digest() !== entry.sha256) {
    throw new BackupError(
      `The archive's data for table ${entry.name} is corrupted: ${digest.rows} rows read, ` +
        `${entry.rows} expected, checksum ${digest.digest() === entry.sha256 ? 'matches' : 'differs'}.`,
    )
  }
}

/** Restores an archive into the database of `payload` and the media folder. */
export const restoreNewsroom = async ({
  payload,
  archive,
  migrations,
  mediaDir,
  force = false,
  log = () => undefined,
}: RestoreOptions): Promise<RestoreResult> => {
  if (!(await exists(archive))) throw new BackupError(`No such archive: ${archive}`)
  const notes: string[] = []
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-restore-'))
  let stagedMedia: string | null = null
  try {
    try {
      await tar.extract({ file: archive, cwd: dir, strict: true })
    } catch (error) {
      throw new BackupError(
        `The archive could not be read (truncated, or not a .tar.gz): ${(error as Error).message}`,
      )
    }
    const manifest = await readManifest(dir)
    const schema = manifest.schema || DEFAULT_SCHEMA
    const later = checkMigrations(
      manifest.migrations,
      migrations.map((m) => m.name),
    )
    const toRun = migrations.slice(0, manifest.migrations.length)

    const restoreMedia = manifest.media.included && mediaDir !== null
    if (manifest.media.included) await checkMedia(dir, manifest)
    if (manifest.media.included && mediaDir === null) {
      notes.push(
        `The archive's ${manifest.media.files.length} media files were not restored: media are ` +
          "stored in S3 here. Upload the archive's media/ folder to the bucket yourself.",
      )
    }
    if (!manifest.media.included) {
      notes.push(`The archive has no media files (${manifest.media.note ?? 'not included'}).`)
    }

    const transactionId = await payload.db.beginTransaction()
    if (transactionId === null) throw new Error('The database adapter has no transactions.')
    const client = clientOf(payload, transactionId)
    let committed = false
    try {
      for (const statement of SESSION_SETTINGS) await client.query(statement)
      const content = await tablesWithContent(client, schema)
      if (content.length && !force) {
        throw new BackupError(
          `The target database is not empty (${content.length} tables have rows, e.g. ` +
            `${content.slice(0, 3).join(', ')}). Restore into an empty database, or pass --force ` +
            'to drop and recreate its schema.',
        )
      }
      if (
        restoreMedia &&
        !force &&
        (await exists(mediaDir)) &&
        (await listFiles(mediaDir)).length
      ) {
        throw new BackupError(
          `The media folder ${mediaDir} is not empty. Restore into an empty one, or pass ` +
            '--force to replace its files.',
        )
      }
      if (await schemaHasObjects(client, schema)) {
        log(`Dropping and recreating schema ${schema}`)
        await recreateSchema(client, schema)
      }

      log(`Running the archive's ${toRun.length} migrations`)
      const req = await createLocalReq({}, payload)
      req.transactionID = transactionId
      const db = drizzleOfTransaction(payload, transactionId)
      for (const migration of toRun) await migration.up({ db, payload, req })

      const target = await describeTables(client, schema)
      const archived = new Map(manifest.tables.map((t) => [t.name, t]))
      const missing = manifest.tables.filter((t) => !target.some((s) => s.name === t.name))
      const extra = target.filter((t) => !archived.has(t.name))
      if (missing.length || extra.length) {
        throw new BackupError(
          'The schema built by the migrations does not match the archive: ' +
            [
              missing.length && `missing ${missing.map((t) => t.name).join(', ')}`,
              extra.length && `not in the archive ${extra.map((t) => t.name).join(', ')}`,
            ]
              .filter(Boolean)
              .join('; '),
        )
      }
      for (const table of target) {
        const entry = archived.get(table.name)!
        if (JSON.stringify(entry.columns) !== JSON.stringify(table.columns)) {
          throw new BackupError(
            `Table ${table.name} has columns (${table.columns.join(', ')}) here but ` +
              `(${entry.columns.join(', ')}) in the archive.`,
          )
        }
      }

      // Migrations may insert rows of their own (payload_migrations is one): the archive has them.
      if (target.length) {
        await client.query(
          `TRUNCATE ${target.map((t) => `${ident(schema)}.${ident(t.name)}`).join(', ')}`,
        )
      }
      await client.query('SET LOCAL session_replication_role = replica')
      let rows = 0
      for (const entry of manifest.tables) {
        await loadTable(client, schema, dir, entry)
        rows += entry.rows
      }
      log(`Loaded ${manifest.tables.length} tables, ${rows} rows`)

      const recorded = new Map(manifest.sequences.map((s) => [s.name, s]))
      for (const sequence of await describeSequences(client, schema)) {
        const { rows: max } = await client.query<{ max: string | null }>(
          `SELECT max(${ident(sequence.column)})::text AS max FROM ${ident(schema)}.${ident(sequence.table)}`,
        )
        const highest = max[0].max === null ? null : BigInt(max[0].max)
        const saved = recorded.get(sequence.name)
        let value: bigint | null = null
        let called = true
        if (saved?.isCalled) value = BigInt(saved.lastValue)
        if (highest !== null && (value === null || highest > value)) value = highest
        if (value === null && saved) {
          value = BigInt(saved.lastValue)
          called = false
        }
        if (value !== null) {
          await client.query(`SELECT setval($1::regclass, $2::bigint, $3)`, [
            `${ident(schema)}.${ident(sequence.name)}`,
            value.toString(),
            called,
          ])
        }
      }
      await client.query('SET LOCAL session_replication_role = origin')

      for (const table of target) {
        const entry = archived.get(table.name)!
        const now = await digestTable(client, schema, table)
        if (now.rows !== entry.rows || now.sha256 !== entry.sha256) {
          throw new BackupError(
            `Table ${table.name} does not match the archive after loading: ${now.rows} rows ` +
              `(${entry.rows} expected), checksum ${now.sha256 === entry.sha256 ? 'matches' : 'differs'}.`,
          )
        }
      }
      log('Row counts and checksums match the manifest')

      if (restoreMedia) {
        // Copied beside the target before the commit; moved into place after it.
        await fs.mkdir(path.dirname(mediaDir), { recursive: true })
        stagedMedia = await fs.mkdtemp(`${mediaDir.replace(/\/+$/, '')}.restoring-`)
        await fs.chmod(stagedMedia, 0o755)
        await fs.cp(path.join(dir, 'media'), stagedMedia, { recursive: true }).catch((error) => {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
        })
      }

      await payload.db.commitTransaction(transactionId)
      committed = true
    } finally {
      if (!committed) await payload.db.rollbackTransaction(transactionId).catch(() => undefined)
    }

    try {
      if (restoreMedia && stagedMedia) {
        await fs.rm(mediaDir, { recursive: true, force: true })
        await fs.rename(stagedMedia, mediaDir)
        stagedMedia = null
      }
      if (later.length) {
        log(`Applying this repository's newer migrations: ${later.join(', ')}`)
        await payload.db.migrate({ migrations: migrations as never })
      }
    } catch (error) {
      throw new RestoredWithErrors(
        `The database was restored, but a later step failed: ${(error as Error).message}`,
      )
    }

    return {
      manifest,
      tables: manifest.tables.length,
      rows: manifest.tables.reduce((sum, t) => sum + t.rows, 0),
      mediaFiles: restoreMedia ? manifest.media.files.length : 0,
      migratedAfter: later,
      notes,
    }
  } finally {
    // A failed extraction may still be closing files: retry, and never hide the first error.
    const clean = (folder: string) =>
      fs.rm(folder, { recursive: true, force: true, maxRetries: 5 }).catch(() => undefined)
    if (stagedMedia) await clean(stagedMedia)
    await clean(dir)
  }
}
