import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { migrations } from '../../migrations'
import { query } from '../helpers/database'
import { createTestPayload, type TestPayload } from '../helpers/payload'

describe('database', () => {
  let ctx: TestPayload
  beforeAll(async () => {
    ctx = await createTestPayload()
  })
  afterAll(() => ctx?.teardown())

  it('applies every committed migration to an empty database', async () => {
    const rows = await query<{ name: string }>(
      ctx.databaseUrl,
      'SELECT name FROM payload_migrations ORDER BY id',
    )
    expect(rows.map((row) => row.name)).toEqual(migrations.map((m) => m.name))
  })

  it('creates the tables of every collection, with versions for drafts', async () => {
    const rows = await query<{ table_name: string }>(
      ctx.databaseUrl,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    )
    const tables = rows.map((row) => row.table_name)
    for (const table of [
      'users',
      'authors',
      'categories',
      'tags',
      'media',
      'articles',
      'pages',
      '_articles_v',
      '_pages_v',
      'site_settings',
      'navigation',
    ]) {
      expect(tables).toContain(table)
    }
  })

  it('indexes what the public reads by', async () => {
    const rows = await query<{ indexdef: string }>(
      ctx.databaseUrl,
      "SELECT indexdef FROM pg_indexes WHERE tablename = 'articles'",
    )
    const defs = rows.map((row) => row.indexdef)
    expect(defs).toContainEqual(expect.stringMatching(/UNIQUE INDEX .* \(language, slug\)/))
    expect(defs).toContainEqual(expect.stringMatching(/\(language, _status, published_at\)/))
    expect(defs).toContainEqual(expect.stringMatching(/\(category_id\)/))
    expect(defs).toContainEqual(expect.stringMatching(/\(published_at\)/))
  })

  it('runs nothing more when migrations are applied again', async () => {
    await ctx.payload.db.migrate({ migrations: migrations as never })
    const [{ count }] = await query<{ count: string }>(
      ctx.databaseUrl,
      'SELECT count(*) FROM payload_migrations',
    )
    expect(Number(count)).toBe(migrations.length)
  })
})
