/**
 * The database side of a restore, every step on the one client of the restore's transaction:
 * the emptiness check, recreating the schema, comparing the migrated schema with the archive,
 * loading the tables with COPY, setting the sequences, and checking every table again.
 */
import { createReadStream } from 'node:fs'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'

import type { Payload } from 'payload'
import type pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'

import { drizzleOfTransaction } from '@/db/client'

import { safeRelative } from './archive'
import {
  CopyDigest,
  describeSequences,
  describeTables,
  digestTable,
  ident,
  qualified,
  type TableShape,
} from '../backup/copy'
import { exists } from '../backup/files'
import { BackupError, type Manifest, type TableEntry } from '../backup/format'

/** The pg client under a Payload transaction (Drizzle's node-postgres session holds it). */
export const clientOf = (payload: Payload, transactionId: string | number): pg.PoolClient => {
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
export const tablesWithContent = async (client: pg.ClientBase, schema: string) => {
  const found: string[] = []
  for (const table of await describeTables(client, schema)) {
    if (table.name === 'payload_migrations') continue
    const { rows } = await client.query<{ any: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM ${qualified(schema, table.name)}) AS any`,
    )
    if (rows[0].any) found.push(table.name)
  }
  return found
}

export const schemaHasObjects = async (client: pg.ClientBase, schema: string) => {
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
export const recreateSchema = async (client: pg.ClientBase, schema: string) => {
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

/**
 * The schema the archive's migrations built, table by table, after checking that it has exactly
 * the archive's tables with the archive's columns; with each table's manifest entry.
 */
export const checkSchema = async (
  client: pg.ClientBase,
  schema: string,
  manifest: Manifest,
): Promise<{ table: TableShape; entry: TableEntry }[]> => {
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
  return target.map((table) => {
    const entry = archived.get(table.name)!
    if (JSON.stringify(entry.columns) !== JSON.stringify(table.columns)) {
      throw new BackupError(
        `Table ${table.name} has columns (${table.columns.join(', ')}) here but ` +
          `(${entry.columns.join(', ')}) in the archive.`,
      )
    }
    return { table, entry }
  })
}

/** Loads one table from its COPY file, checking the bytes against the manifest on the way. */
const loadTable = async (client: pg.ClientBase, schema: string, dir: string, entry: TableEntry) => {
  const file = path.join(dir, safeRelative(entry.file))
  if (!(await exists(file)))
    throw new BackupError(`The archive has no data for table ${entry.name}.`)
  const digest = new CopyDigest()
  await pipeline(
    createReadStream(file),
    digest,
    client.query(
      copyFrom(
        `COPY ${qualified(schema, entry.name)} (${entry.columns.map(ident).join(', ')}) ` +
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

/** Empties the migrated tables: migrations may insert rows of their own (payload_migrations is one). */
export const emptyTables = async (client: pg.ClientBase, schema: string, target: TableShape[]) => {
  if (target.length) {
    await client.query(`TRUNCATE ${target.map((t) => qualified(schema, t.name)).join(', ')}`)
  }
}

/** Loads every table of the archive; returns the number of rows loaded. */
export const loadTables = async (
  client: pg.ClientBase,
  schema: string,
  dir: string,
  manifest: Manifest,
) => {
  let rows = 0
  for (const entry of manifest.tables) {
    await loadTable(client, schema, dir, entry)
    rows += entry.rows
  }
  return rows
}

/** The value and `is_called` to give a sequence: its backed-up value, never below max(id). */
const sequenceValue = (
  highest: bigint | null,
  saved: Manifest['sequences'][number] | undefined,
): { value: bigint | null; called: boolean } => {
  let value: bigint | null = null
  let called = true
  if (saved?.isCalled) value = BigInt(saved.lastValue)
  if (highest !== null && (value === null || highest > value)) value = highest
  if (value === null && saved) {
    value = BigInt(saved.lastValue)
    called = false
  }
  return { value, called }
}

/** Sets every sequence of the schema to its backed-up value, or past the highest id loaded. */
export const setSequences = async (client: pg.ClientBase, schema: string, manifest: Manifest) => {
  const recorded = new Map(manifest.sequences.map((s) => [s.name, s]))
  for (const sequence of await describeSequences(client, schema)) {
    const { rows: max } = await client.query<{ max: string | null }>(
      `SELECT max(${ident(sequence.column)})::text AS max FROM ${qualified(schema, sequence.table)}`,
    )
    const highest = max[0].max === null ? null : BigInt(max[0].max)
    const { value, called } = sequenceValue(highest, recorded.get(sequence.name))
    if (value !== null) {
      await client.query(`SELECT setval($1::regclass, $2::bigint, $3)`, [
        qualified(schema, sequence.name),
        value.toString(),
        called,
      ])
    }
  }
}

/** Dumps every table again and compares its row count and checksum with the manifest. */
export const verifyTables = async (
  client: pg.ClientBase,
  schema: string,
  tables: { table: TableShape; entry: TableEntry }[],
) => {
  for (const { table, entry } of tables) {
    const now = await digestTable(client, schema, table)
    if (now.rows !== entry.rows || now.sha256 !== entry.sha256) {
      throw new BackupError(
        `Table ${table.name} does not match the archive after loading: ${now.rows} rows ` +
          `(${entry.rows} expected), checksum ${now.sha256 === entry.sha256 ? 'matches' : 'differs'}.`,
      )
    }
  }
}
