import { randomBytes } from 'node:crypto'

import pg from 'pg'
import { inject } from 'vitest'

const url = (database: string) =>
  `postgres://postgres:postgres@127.0.0.1:${inject('pgPort')}/${database}`

const onServer = async (sql: string) => {
  const client = new pg.Client({ connectionString: url('postgres') })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

/** A new empty database on the run's PostgreSQL; returns its URL and a function that drops it. */
export const createTestDatabase = async (prefix = 'test') => {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`
  await onServer(`CREATE DATABASE "${name}"`)
  return {
    name,
    url: url(name),
    drop: () => onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  }
}

/** Runs one query against a database and returns its rows. */
export const query = async <T extends Record<string, unknown>>(
  databaseUrl: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> => {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    return (await client.query<T>(sql, params)).rows
  } finally {
    await client.end()
  }
}

/**
 * Runs `fn` and returns its result with the SQL statements sent meanwhile by any client of the
 * process (Payload's pool included): for tests of how many queries a read costs. Not for
 * concurrent use.
 */
export const countQueries = async <T>(fn: () => Promise<T>) => {
  const statements: string[] = []
  const original = pg.Client.prototype.query
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [first] = args as [string | { text?: string }]
    statements.push(typeof first === 'string' ? first : (first?.text ?? ''))
    return (original as (...a: unknown[]) => unknown).apply(this, args)
  } as typeof original
  try {
    return { result: await fn(), statements }
  } finally {
    pg.Client.prototype.query = original
  }
}
