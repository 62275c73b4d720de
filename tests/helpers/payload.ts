import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'

import { poolOf } from '@/db/client'

import { createTestDatabase } from './database'

export type TestPayload = {
  payload: Payload
  databaseUrl: string
  /** where the app's email goes (the nodemailer outbox transport); read it with readOutbox */
  outboxDir: string
  /** closes Payload and drops the database */
  teardown: () => Promise<void>
}

/**
 * payload.destroy() waits forever: the Postgres adapter checks one client out of its pool when
 * it connects and never gives it back (`connectWithReconnect` in @payloadcms/db-postgres), so
 * `pool.end()` never settles either. End the pool ourselves: its idle clients close at once;
 * after a moment, DROP ... WITH (FORCE) closes the one the adapter holds (it has the adapter's
 * error listener) and anything still running. Waiting longer gains nothing: it was 2 s per
 * Payload, every file, every run.
 */
const closePayload = async (payload: Payload) => {
  // Undefined when the adapter never connected.
  const pool = poolOf(payload) as ReturnType<typeof poolOf> | undefined
  pool?.on('error', () => undefined)
  await Promise.race([pool?.end().catch(() => undefined), new Promise((r) => setTimeout(r, 150))])
}

/**
 * A second Payload instance, with the same config as createTestPayload's but on another
 * database (not migrated: that is the caller's business). `key` names it in Payload's cache.
 * Its media settings are the first instance's (the config is built once per file).
 */
export const createPayloadOn = async (databaseUrl: string, key: string) => {
  const { default: configPromise } = await import('@payload-config')
  const { postgresAdapter } = await import('@payloadcms/db-postgres')
  const { getPayload } = await import('payload')
  const base = await configPromise
  const db = postgresAdapter({ pool: { connectionString: databaseUrl }, push: false })
  const payload = await getPayload({
    config: { ...base, db: { ...base.db, ...db, allowIDOnCreate: Boolean(db.allowIDOnCreate) } },
    key,
  })
  return { payload, close: () => closePayload(payload) }
}

/**
 * A Payload instance on a fresh database of its own, with every committed migration applied
 * (the same migrations production runs; nothing is pushed). Media go to a temp folder.
 */
export const createTestPayload = async (): Promise<TestPayload> => {
  const database = await createTestDatabase()
  const mediaDir = await mkdtemp(path.join(os.tmpdir(), 'newsroom-test-media-'))
  const outboxDir = await mkdtemp(path.join(os.tmpdir(), 'newsroom-test-mail-'))
  process.env.DATABASE_URL = database.url
  process.env.PAYLOAD_SECRET = 'test-secret'
  process.env.MEDIA_DIR = mediaDir
  process.env.MAIL_OUTBOX_DIR = outboxDir

  const { default: config } = await import('@payload-config')
  const { getPayload } = await import('payload')
  const { migrations } = await import('../../migrations')
  const payload = await getPayload({ config })
  await payload.db.migrate({ migrations: migrations as never })

  return {
    payload,
    databaseUrl: database.url,
    outboxDir,
    teardown: async () => {
      await closePayload(payload)
      await database.drop()
      await rm(mediaDir, { recursive: true, force: true })
      await rm(outboxDir, { recursive: true, force: true })
    },
  }
}
