import type { Payload } from 'payload'

import { poolOf } from './client'
import { migrations } from '../../migrations'

/** How long the readiness check waits for the database before it says "not ready". */
const READY_TIMEOUT_MS = 2_000

export type Readiness = { ready: true } | { ready: false; reason: string }

const within = <T>(promise: Promise<T>, ms: number, what: string) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms).unref(),
    ),
  ])

let migrationsSeen = false

/**
 * Ready to serve: the database answers through this process's own pool within a short time (a
 * pool held by stuck work is not ready), and every migration this build ships is applied.
 */
export const readiness = async (payload: Payload): Promise<Readiness> => {
  const pool = poolOf(payload)
  try {
    const { rows } = await within(
      pool.query<{ name: string }>(
        migrationsSeen ? 'SELECT NULL AS name' : 'SELECT name FROM payload_migrations',
      ),
      READY_TIMEOUT_MS,
      'The database',
    )
    if (!migrationsSeen) {
      const applied = new Set(rows.map((row) => row.name))
      const missing = migrations.filter((migration) => !applied.has(migration.name))
      if (missing.length > 0) {
        return {
          ready: false,
          reason: `Migrations not applied: ${missing.map((m) => m.name).join(', ')}`,
        }
      }
      migrationsSeen = true
    }
    return { ready: true }
  } catch (error) {
    return { ready: false, reason: (error as Error).message }
  }
}
