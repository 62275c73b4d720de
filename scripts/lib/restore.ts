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
 *
 * `restoreNewsroom` reads as that list: one function per phase below, in order. The checks on
 * the archive are in restore/archive.ts, the SQL of the transaction in restore/database.ts.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { createLocalReq, type Payload } from 'payload'
import type pg from 'pg'

import { drizzleOfTransaction } from '@/db/client'

import { SESSION_SETTINGS } from './backup/copy'
import { exists, listFiles } from './backup/files'
import { BackupError, DEFAULT_SCHEMA, type Manifest } from './backup/format'
import {
  checkMedia,
  checkMigrations,
  extractArchive,
  mediaNotes,
  readManifest,
} from './restore/archive'
import {
  checkSchema,
  clientOf,
  emptyTables,
  loadTables,
  recreateSchema,
  schemaHasObjects,
  setSequences,
  tablesWithContent,
  verifyTables,
} from './restore/database'

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

/** The temporary folders of one restore, removed at the end whatever happened. */
type Workspace = {
  /** where the archive is unpacked */
  dir: string
  /** the media copied beside their target before the commit, until they are moved into place */
  stagedMedia: string | null
}

/** What the checked archive asks for, before the database is touched. */
type Plan = {
  manifest: Manifest
  schema: string
  /** the archive's migrations: they build the schema its data were dumped from */
  toRun: Migration[]
  /** the repository's migrations after the archive's, applied once the data are restored */
  later: string[]
  /** the folder the archive's media go into; null when they are not restored here */
  mediaTarget: string | null
  notes: string[]
}

/** Reads and checks the archive: it unpacks, its manifest, its migrations, its media. */
const planRestore = async (
  dir: string,
  { archive, migrations, mediaDir }: RestoreOptions,
): Promise<Plan> => {
  await extractArchive(archive, dir)
  const manifest = await readManifest(dir)
  const later = checkMigrations(
    manifest.migrations,
    migrations.map((m) => m.name),
  )
  if (manifest.media.included) await checkMedia(dir, manifest)
  return {
    manifest,
    schema: manifest.schema || DEFAULT_SCHEMA,
    toRun: migrations.slice(0, manifest.migrations.length),
    later,
    mediaTarget: manifest.media.included ? mediaDir : null,
    notes: mediaNotes(manifest, mediaDir),
  }
}

/**
 * Runs `work` in one Payload transaction on its own connection: committed when `work` returns,
 * rolled back (and the database left as it was) when anything throws, the commit included.
 */
const inTransaction = async (
  payload: Payload,
  work: (transactionId: string | number, client: pg.PoolClient) => Promise<void>,
) => {
  const transactionId = await payload.db.beginTransaction()
  if (transactionId === null) throw new Error('The database adapter has no transactions.')
  const client = clientOf(payload, transactionId)
  let committed = false
  try {
    await work(transactionId, client)
    await payload.db.commitTransaction(transactionId)
    committed = true
  } finally {
    if (!committed) await payload.db.rollbackTransaction(transactionId).catch(() => undefined)
  }
}

/** Refuses a database with rows, or a media folder with files, unless told to replace them. */
const refuseContent = async (client: pg.ClientBase, plan: Plan, force: boolean) => {
  const content = await tablesWithContent(client, plan.schema)
  if (content.length && !force) {
    throw new BackupError(
      `The target database is not empty (${content.length} tables have rows, e.g. ` +
        `${content.slice(0, 3).join(', ')}). Restore into an empty database, or pass --force ` +
        'to drop and recreate its schema.',
    )
  }
  const { mediaTarget } = plan
  if (
    mediaTarget !== null &&
    !force &&
    (await exists(mediaTarget)) &&
    (await listFiles(mediaTarget)).length
  ) {
    throw new BackupError(
      `The media folder ${mediaTarget} is not empty. Restore into an empty one, or pass ` +
        '--force to replace its files.',
    )
  }
}

/** Builds the archive's schema: an empty schema, then the archive's migrations, in the transaction. */
const buildSchema = async (
  payload: Payload,
  transactionId: string | number,
  client: pg.ClientBase,
  { schema, toRun }: Plan,
  log: (message: string) => void,
) => {
  if (await schemaHasObjects(client, schema)) {
    log(`Dropping and recreating schema ${schema}`)
    await recreateSchema(client, schema)
  }
  log(`Running the archive's ${toRun.length} migrations`)
  const req = await createLocalReq({}, payload)
  req.transactionID = transactionId
  const db = drizzleOfTransaction(payload, transactionId)
  for (const migration of toRun) await migration.up({ db, payload, req })
}

/**
 * Loads every table with COPY under `session_replication_role = replica` (foreign keys and
 * load order do not matter), sets the sequences, then checks every table against the manifest.
 */
const loadData = async (
  client: pg.ClientBase,
  { schema, manifest }: Plan,
  dir: string,
  log: (message: string) => void,
) => {
  const tables = await checkSchema(client, schema, manifest)
  await emptyTables(
    client,
    schema,
    tables.map(({ table }) => table),
  )
  await client.query('SET LOCAL session_replication_role = replica')
  const rows = await loadTables(client, schema, dir, manifest)
  log(`Loaded ${manifest.tables.length} tables, ${rows} rows`)
  await setSequences(client, schema, manifest)
  await client.query('SET LOCAL session_replication_role = origin')

  await verifyTables(client, schema, tables)
  log('Row counts and checksums match the manifest')
}

/** Copies the media beside their target before the commit; `placeMedia` moves them after it. */
const stageMedia = async (work: Workspace, mediaTarget: string) => {
  await fs.mkdir(path.dirname(mediaTarget), { recursive: true })
  work.stagedMedia = await fs.mkdtemp(`${mediaTarget.replace(/\/+$/, '')}.restoring-`)
  await fs.chmod(work.stagedMedia, 0o755)
  await fs
    .cp(path.join(work.dir, 'media'), work.stagedMedia, { recursive: true })
    .catch((error) => {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    })
}

/** The database work, all of it in one transaction. */
const restoreDatabase = async (
  { payload, force = false, log = () => undefined }: RestoreOptions,
  plan: Plan,
  work: Workspace,
) =>
  inTransaction(payload, async (transactionId, client) => {
    for (const statement of SESSION_SETTINGS) await client.query(statement)
    await refuseContent(client, plan, force)
    await buildSchema(payload, transactionId, client, plan, log)
    await loadData(client, plan, work.dir, log)
    if (plan.mediaTarget !== null) await stageMedia(work, plan.mediaTarget)
  })

/** After the commit: the media into place, then the repository's newer migrations. */
const afterCommit = async (
  { payload, migrations, log = () => undefined }: RestoreOptions,
  { mediaTarget, later }: Plan,
  work: Workspace,
) => {
  try {
    if (mediaTarget !== null && work.stagedMedia) {
      await fs.rm(mediaTarget, { recursive: true, force: true })
      await fs.rename(work.stagedMedia, mediaTarget)
      work.stagedMedia = null
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
}

/** Removes the temporary folders; a failed extraction may still be closing files: retry. */
const cleanUp = async ({ dir, stagedMedia }: Workspace) => {
  // Never hide the error that brought us here.
  const clean = (folder: string) =>
    fs.rm(folder, { recursive: true, force: true, maxRetries: 5 }).catch(() => undefined)
  if (stagedMedia) await clean(stagedMedia)
  await clean(dir)
}

/** Restores an archive into the database of `payload` and the media folder. */
export const restoreNewsroom = async (options: RestoreOptions): Promise<RestoreResult> => {
  if (!(await exists(options.archive))) {
    throw new BackupError(`No such archive: ${options.archive}`)
  }
  const work: Workspace = {
    dir: await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-restore-')),
    stagedMedia: null,
  }
  try {
    const plan = await planRestore(work.dir, options)
    await restoreDatabase(options, plan, work)
    await afterCommit(options, plan, work)
    const { manifest, mediaTarget, later, notes } = plan
    return {
      manifest,
      tables: manifest.tables.length,
      rows: manifest.tables.reduce((sum, t) => sum + t.rows, 0),
      mediaFiles: mediaTarget !== null ? manifest.media.files.length : 0,
      migratedAfter: later,
      notes,
    }
  } finally {
    await cleanUp(work)
  }
}
