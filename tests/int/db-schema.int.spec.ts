import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { getTableConfig, type PgTable } from '@payloadcms/db-postgres/drizzle/pg-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { adapterOf } from '@/db/client'
import { MIGRATION_FUNCTIONS, RAW_SQL_ENUMS, RAW_SQL_NAMES, RAW_SQL_SCHEMA } from '@/db/schema'

import { query } from '../helpers/database'
import { createTestPayload, type TestPayload } from '../helpers/payload'

/**
 * Raw SQL (src/db/) names Payload's tables and columns by hand; RAW_SQL_SCHEMA lists every one
 * of them. These tests fail when that list and Payload's generated schema, or the migrated
 * database, drift apart, and when SQL in src/db/ names a table the list does not have.
 */

let ctx: TestPayload

beforeAll(async () => {
  ctx = await createTestPayload()
})

afterAll(async () => {
  await ctx?.teardown()
})

/** `table.column` for every pair `manifest` lists that `has` does not. */
const missing = (
  has: (table: string, column: string) => 'table' | 'column' | null,
  manifest = Object.entries(RAW_SQL_SCHEMA),
) =>
  manifest.flatMap(([table, columns]) =>
    columns.flatMap((column) => {
      const absent = has(table, column)
      return absent ? [{ table, column, absent }] : []
    }),
  )

describe('the tables and columns raw SQL names (src/db/schema.ts)', () => {
  it("are in Payload's generated schema", () => {
    const tables = adapterOf(ctx.payload).tables as Record<string, PgTable>
    const columnsOf = new Map(
      Object.entries(tables).map(([name, table]) => [
        name,
        new Set(getTableConfig(table).columns.map((column) => column.name)),
      ]),
    )
    const drift = missing((table, column) =>
      !columnsOf.has(table) ? 'table' : columnsOf.get(table)!.has(column) ? null : 'column',
    ).map(({ table, column, absent }) =>
      absent === 'table'
        ? `${table} is named in src/db but Payload's schema has no such table`
        : `${table}.${column} is named in src/db but Payload's schema has no such column`,
    )
    expect([...new Set(drift)]).toEqual([])
  })

  it('are in the migrated database', async () => {
    const rows = await query<{ table_name: string; column_name: string }>(
      ctx.databaseUrl,
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'`,
    )
    const columnsOf = new Map<string, Set<string>>()
    for (const row of rows) {
      if (!columnsOf.has(row.table_name)) columnsOf.set(row.table_name, new Set())
      columnsOf.get(row.table_name)!.add(row.column_name)
    }
    const drift = missing(
      (table, column) =>
        !columnsOf.has(table) ? 'table' : columnsOf.get(table)!.has(column) ? null : 'column',
      Object.entries(RAW_SQL_NAMES),
    ).map(({ table, column, absent }) =>
      absent === 'table'
        ? `${table} is named in src/db but the migrated database has no such table (a migration missing?)`
        : `${table}.${column} is named in src/db but the migrated database has no such column (a migration missing?)`,
    )
    expect([...new Set(drift)]).toEqual([])
  })

  it('call only functions the migrations create', async () => {
    const rows = await query<{ proname: string }>(
      ctx.databaseUrl,
      `SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE n.nspname = 'public'`,
    )
    const functions = new Set(rows.map((row) => row.proname))
    const drift = MIGRATION_FUNCTIONS.filter((name) => !functions.has(name)).map(
      (name) => `the function ${name} is called in src/db but the migrated database has none`,
    )
    expect(drift).toEqual([])
  })

  it("cast only to enum types Payload's schema has", () => {
    const enums = new Set(
      Object.values(adapterOf(ctx.payload).enums).map((pgEnum) => pgEnum.enumName),
    )
    const drift = RAW_SQL_ENUMS.filter((name) => !enums.has(name)).map(
      (name) => `the enum type ${name} is named in src/db but Payload's schema has none`,
    )
    expect(drift).toEqual([])
  })

  it('cast only to enum types the migrated database has', async () => {
    const rows = await query<{ typname: string }>(
      ctx.databaseUrl,
      `SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
       WHERE n.nspname = 'public' AND t.typtype = 'e'`,
    )
    const enums = new Set(rows.map((row) => row.typname))
    const drift = RAW_SQL_ENUMS.filter((name) => !enums.has(name)).map(
      (name) => `the enum type ${name} is named in src/db but the migrated database has none`,
    )
    expect(drift).toEqual([])
  })
})

/** Every .ts file under src/db/. */
const sourcesOf = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourcesOf(file)
    return entry.name.endsWith('.ts') ? [file] : []
  })

/**
 * The tables a source text's SQL names: the identifiers after FROM, JOIN, INTO, UPDATE, TABLE
 * and ANALYZE (upper case, as this project writes SQL; a list after ANALYZE), quoted or not.
 * Function calls (`FROM unnest(`), interpolations (`FROM ${…}`), CTE names (`WITH x AS (`) and
 * system catalogs (`pg_*`, `information_schema`) are not tables of Payload's schema.
 */
const tablesNamedIn = (source: string): string[] => {
  const ctes = new Set(
    [
      ...source.matchAll(
        /(?:\bWITH(?:\s+RECURSIVE)?|,)\s+"?([a-z_][a-z0-9_]*)"?\s+AS\s+(?:(?:NOT\s+)?MATERIALIZED\s+)?\(/g,
      ),
    ].map((m) => m[1]),
  )
  const names: string[] = []
  const identifier = /^\s*"?([a-zA-Z_][a-zA-Z0-9_]*)"?(\s*\()?/
  for (const match of source.matchAll(/\b(FROM|JOIN|INTO|UPDATE|TABLE|ANALYZE)\b/g)) {
    let rest = source.slice(match.index + match[0].length)
    for (;;) {
      const name = identifier.exec(rest)
      if (!name || name[2]) break
      names.push(name[1])
      rest = rest.slice(name[0].length)
      // ANALYZE takes a list of tables.
      if (match[1] !== 'ANALYZE' || !/^\s*,/.test(rest)) break
      rest = rest.replace(/^\s*,/, '')
    }
  }
  return names.filter(
    (name) =>
      !ctes.has(name) &&
      !name.startsWith('pg_') &&
      name !== 'information_schema' &&
      // SQL keywords that may follow these words (`INSERT INTO … SELECT … FROM`, `DELETE FROM`,
      // `ON CONFLICT … DO UPDATE SET`)
      !/^(SELECT|ONLY|LATERAL|ROWS|IF|NOT|EXISTS|SET)$/i.test(name),
  )
}

describe('the SQL in src/db/', () => {
  it('names only tables src/db/schema.ts lists', () => {
    const root = path.resolve(import.meta.dirname, '../..')
    const drift = sourcesOf(path.join(root, 'src', 'db')).flatMap((file) =>
      tablesNamedIn(readFileSync(file, 'utf8'))
        .filter((table) => !(table in RAW_SQL_NAMES))
        .map(
          (table) =>
            `${path.relative(root, file)} names the table ${table}, which RAW_SQL_SCHEMA (src/db/schema.ts) does not list`,
        ),
    )
    expect([...new Set(drift)]).toEqual([])
  })

  it('is read for table names (the scan itself)', () => {
    expect(
      tablesNamedIn(`WITH picked AS (SELECT id FROM "articles" a JOIN articles_rels r ON true),
        kept AS NOT MATERIALIZED (SELECT * FROM picked)
        INSERT INTO "_articles_v" SELECT * FROM picked, unnest($1::int[]) JOIN ${'${BY_KEYS}'}
        ANALYZE articles, tags`),
    ).toEqual(['articles', 'articles_rels', '_articles_v', 'articles', 'tags'])
  })
})
