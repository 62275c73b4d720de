/**
 * The COPY text of a table, the same bytes whether written by a backup or read back by a
 * restore's check: the session settings that fix it, the tables and columns it carries in a
 * deterministic order, its SHA-256 and row count, and the sequences to carry with it.
 */
import { createHash } from 'node:crypto'
import { Transform, type TransformCallback } from 'node:stream'
import { pipeline } from 'node:stream/promises'

import pg from 'pg'
import { to as copyTo } from 'pg-copy-streams'

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

export const ident = (name: string) => pg.escapeIdentifier(name)
export const qualified = (schema: string, table: string) => `${ident(schema)}.${ident(table)}`

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
