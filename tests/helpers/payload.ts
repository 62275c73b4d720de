import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'

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
      // payload.destroy() can wait forever on a pooled connection the adapter keeps; end the
      // pool ourselves, bounded, and let DROP ... WITH (FORCE) close whatever is left.
      const pool = (
        payload.db as unknown as {
          pool?: { end: () => Promise<void>; on: (e: string, f: () => void) => void }
        }
      ).pool
      pool?.on('error', () => undefined)
      await Promise.race([
        pool?.end().catch(() => undefined),
        new Promise((r) => setTimeout(r, 2000)),
      ])
      await database.drop()
      await rm(mediaDir, { recursive: true, force: true })
      await rm(outboxDir, { recursive: true, force: true })
    },
  }
}
