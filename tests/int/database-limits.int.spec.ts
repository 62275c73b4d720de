import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { LOCKED_MESSAGE } from '@/access/documentLocks'
import { poolOf } from '@/db/client'
import { answerDatabaseRefusals, DATABASE_MESSAGES, databaseRefusalOf } from '@/db/errors'
import { Slots } from '@/db/slots'
import type { User } from '@/payload-types'

import { createArticle, createUser } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'

let ctx: TestPayload
let editor: User, colleague: User

beforeAll(async () => {
  ctx = await createTestPayload()
  editor = await createUser(ctx.payload, 'editor')
  colleague = await createUser(ctx.payload, 'editor')
})

afterAll(async () => {
  await ctx?.teardown()
})

/** The error PostgreSQL (or the pool) really raises for `fn`. */
const errorFrom = async (fn: () => Promise<unknown>) => {
  try {
    await fn()
  } catch (error) {
    return error
  }
  throw new Error('expected an error')
}

describe('transaction slots', () => {
  it('hands a freed slot to the next waiter and refuses a waiter whose time runs out', async () => {
    const slots = new Slots(2, 100, () => new Error('busy'))
    const first = await slots.acquire()
    await slots.acquire()
    expect(slots.inUse).toBe(2)
    const waiting = slots.acquire()
    expect(slots.queued).toBe(1)
    first()
    first() // releasing twice frees one slot only
    const third = await waiting
    expect(slots.inUse).toBe(2)
    await expect(slots.acquire()).rejects.toThrow('busy')
    expect(slots.queued).toBe(0)
    third()
    expect(slots.inUse).toBe(1)
  })

  it('refuses at once when the queue is full', async () => {
    const slots = new Slots(1, 10_000, () => new Error('busy'), 1)
    await slots.acquire()
    const queued = slots.acquire()
    await expect(slots.acquire()).rejects.toThrow('busy')
    queued.catch(() => undefined)
  })
})

describe('database limits as the caller sees them', () => {
  it('answers a lock wait past lock_timeout with 409 and a message an editor understands', async () => {
    const holder = new pg.Client({ connectionString: ctx.databaseUrl })
    const waiter = new pg.Client({ connectionString: ctx.databaseUrl, lock_timeout: 100 })
    await holder.connect()
    await waiter.connect()
    try {
      const { id } = await createArticle(ctx.payload, { title: 'Held by another save' })
      await holder.query('BEGIN')
      await holder.query('SELECT id FROM articles WHERE id = $1 FOR UPDATE', [id])
      const error = await errorFrom(() =>
        waiter.query('SELECT id FROM articles WHERE id = $1 FOR UPDATE', [id]),
      )
      expect(databaseRefusalOf(error)).toEqual({
        status: 409,
        code: 'document_busy',
        key: 'locked',
        message: DATABASE_MESSAGES.locked,
      })
    } finally {
      await holder.query('ROLLBACK')
      await holder.end()
      await waiter.end()
    }
  })

  it("words the answer in the requester's language, with the same code", async () => {
    const client = new pg.Client({ connectionString: ctx.databaseUrl, statement_timeout: 50 })
    await client.connect()
    try {
      const error = await errorFrom(() => client.query('SELECT pg_sleep(1)'))
      const answerIn = (language: string) =>
        answerDatabaseRefusals({
          error,
          req: { i18n: { language } },
        } as unknown as Parameters<typeof answerDatabaseRefusals>[0]) as {
          status: number
          response: { errors: { message: string; data: { code: string } }[] }
        }
      const [en, az, ru] = ['en', 'az', 'ru'].map(answerIn)
      expect(en.response.errors[0]).toEqual({
        message: DATABASE_MESSAGES.slow,
        data: { code: 'database_timeout' },
      })
      expect(az.status).toBe(503)
      expect(az.response.errors[0].data.code).toBe('database_timeout')
      expect(az.response.errors[0].message).toMatch(/Verilənlər bazası/)
      expect(ru.response.errors[0].message).toMatch(/База данных/)
    } finally {
      await client.end()
    }
  })

  it('answers a statement past statement_timeout with 503', async () => {
    const client = new pg.Client({ connectionString: ctx.databaseUrl, statement_timeout: 50 })
    await client.connect()
    try {
      const error = await errorFrom(() => client.query('SELECT pg_sleep(1)'))
      expect(databaseRefusalOf(error)).toMatchObject({ status: 503, code: 'database_timeout' })
    } finally {
      await client.end()
    }
  })

  it('answers a pool that has no connection to give in time with 503', async () => {
    const pool = new pg.Pool({
      connectionString: ctx.databaseUrl,
      max: 1,
      connectionTimeoutMillis: 100,
    })
    const held = await pool.connect()
    try {
      const error = await errorFrom(() => pool.query('SELECT 1'))
      expect(databaseRefusalOf(error)).toMatchObject({ status: 503, code: 'database_busy' })
    } finally {
      held.release()
      await pool.end()
    }
  })

  it('outlives the database closing its connections (a restart, a failover, an administrator)', async () => {
    const uncaught: unknown[] = []
    const record = (error: unknown) => uncaught.push(error)
    process.on('uncaughtException', record)
    const pool = poolOf(ctx.payload)
    // Idle connections in the pool, as a server has between requests.
    await Promise.all(Array.from({ length: 3 }, () => pool.query('SELECT pg_sleep(0.05)')))
    expect(pool.idleCount).toBeGreaterThan(0)
    const admin = new pg.Client({ connectionString: ctx.databaseUrl })
    await admin.connect()
    try {
      const { rows } = await admin.query<{ closed: boolean }>(
        `SELECT pg_terminate_backend(pid) AS closed FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      )
      expect(rows.length).toBeGreaterThan(0)
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(uncaught).toEqual([])
      // The pool drops the closed connections and opens new ones for the next read.
      const { totalDocs } = await ctx.payload.count({ collection: 'users' })
      expect(totalDocs).toBeGreaterThan(0)
    } finally {
      process.off('uncaughtException', record)
      await admin.end()
    }
  })

  it('leaves every other error alone (a real error stays a 500)', () => {
    expect(databaseRefusalOf(new Error('Cannot read properties of undefined'))).toBeUndefined()
    expect(databaseRefusalOf(Object.assign(new Error('syntax'), { code: '42601' }))).toBeUndefined()
  })
})

describe('document locks through the Local API on behalf of a person', () => {
  it('refuses a save by someone other than the person editing, and lets the holder and the system save', async () => {
    const { id } = await createArticle(ctx.payload, { title: 'Open in the admin' })
    await ctx.payload.create({
      collection: 'payload-locked-documents',
      data: {
        document: { relationTo: 'articles', value: id },
        user: { relationTo: 'users', value: editor.id },
        globalSlug: null,
      },
    })
    const asColleague = {
      collection: 'articles' as const,
      id,
      user: colleague,
      overrideAccess: false,
    }
    await expect(
      ctx.payload.update({ ...asColleague, draft: true, data: { title: 'Taken over' } }),
    ).rejects.toMatchObject({ status: 423, message: LOCKED_MESSAGE })
    await expect(ctx.payload.delete(asColleague)).rejects.toMatchObject({ status: 423 })
    const unchanged = await ctx.payload.findByID({ collection: 'articles', id, draft: true })
    expect(unchanged.title).toBe('Open in the admin')

    // The system (a scheduled job) is not a person at a keyboard.
    await ctx.payload.update({ collection: 'articles', id, draft: true, data: { dek: 'System' } })
    const mine = await ctx.payload.update({
      collection: 'articles',
      id,
      draft: true,
      user: editor,
      overrideAccess: false,
      data: { title: 'Saved by the person editing' },
    })
    expect(mine.title).toBe('Saved by the person editing')
  })

  it('lets anyone save once the lock has run out', async () => {
    const { id } = await createArticle(ctx.payload, { title: 'Left open yesterday' })
    const lock = await ctx.payload.create({
      collection: 'payload-locked-documents',
      data: {
        document: { relationTo: 'articles', value: id },
        user: { relationTo: 'users', value: editor.id },
        globalSlug: null,
      },
    })
    await ctx.payload.db.updateOne({
      collection: 'payload-locked-documents',
      id: lock.id,
      data: { updatedAt: new Date(Date.now() - 3_600_000).toISOString() },
    })
    const saved = await ctx.payload.update({
      collection: 'articles',
      id,
      draft: true,
      user: colleague,
      overrideAccess: false,
      data: { title: 'Picked up the next day' },
    })
    expect(saved.title).toBe('Picked up the next day')
  })

  it('holds a lock on a global (site settings) the same way', async () => {
    await ctx.payload.create({
      collection: 'payload-locked-documents',
      data: { globalSlug: 'site-settings', user: { relationTo: 'users', value: editor.id } },
    })
    const update = (user: User, tagline: string) =>
      ctx.payload.updateGlobal({
        slug: 'site-settings',
        data: { tagline },
        user,
        overrideAccess: false,
      })
    await expect(update(colleague, 'Taken over')).rejects.toMatchObject({
      status: 423,
      message: LOCKED_MESSAGE,
    })
    expect((await update(editor, 'Kept by the holder')).tagline).toBe('Kept by the holder')
  })
})
