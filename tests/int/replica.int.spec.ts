import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { adapterOf } from '@/db/client'
import { replicaPoolsOf, withFreshReads } from '@/db/replica'

import { query } from '../helpers/database'
import { createArticle } from '../helpers/fixtures'
import { createPayloadOn } from '../helpers/payload'
import { freePort, startReplicatedDatabase } from '../helpers/replication'

/**
 * A primary and a streaming replica (embedded PostgreSQL, both logging every statement). The
 * read layer runs on a Payload instance configured with the replica (`DATABASE_REPLICA_URLS`);
 * publishes go through another Payload instance with its own pool, as another server process
 * would, so Payload's own read-after-write window (per adapter) never helps the reader.
 */
let db: Awaited<ReturnType<typeof startReplicatedDatabase>>
let reader: Payload
let writer: Awaited<ReturnType<typeof createPayloadOn>>
let data: typeof import('@/data/articles')
let searchData: typeof import('@/data/search')
let mediaDir: string

/** SQL on the `articles` table among a server's logged statements. */
const articleReads = (statements: string[]) =>
  statements.filter((line) => /from "articles"/i.test(line))

/** Forgets any write this reader made itself, so only the replica rule can send it to the primary. */
const noRecentWriteHere = () => {
  adapterOf(reader).lastWriteTimestamp = undefined
}

/**
 * Runs a read once the replica has caught up, logging both servers. The rule is strict (any WAL
 * the replica has not replayed counts as behind), and the primary writes some on its own (a
 * standby snapshot every 15 s, autovacuum), so a read may find the replica a record behind and
 * rightly go to the primary: it is tried again, five times at most, and the first read the
 * replica served is returned with what each server logged meanwhile.
 */
const readOnceCaughtUp = async <T>(read: () => Promise<T>) => {
  let last: { result: T; onReplica: string[]; onPrimary: string[] } | undefined
  for (let attempt = 0; attempt < 5; attempt += 1) {
    await db.replica.waitForCatchUp(10_000)
    noRecentWriteHere()
    const replicaSide = await db.replicaLog.during(db.replicaUrl, () =>
      db.primaryLog.during(db.primaryUrl, read),
    )
    last = {
      result: replicaSide.result.result,
      onReplica: replicaSide.statements,
      onPrimary: replicaSide.result.statements,
    }
    if (articleReads(last.onReplica).length > 0) return last
  }
  return last!
}

beforeAll(async () => {
  db = await startReplicatedDatabase()
  mediaDir = await mkdtemp(path.join(os.tmpdir(), 'newsroom-test-media-'))
  process.env.DATABASE_URL = db.primaryUrl
  process.env.DATABASE_REPLICA_URLS = db.replicaUrl
  process.env.PAYLOAD_SECRET = 'test-secret'
  process.env.MEDIA_DIR = mediaDir
  process.env.MAIL_OUTBOX_DIR = mediaDir
  const { default: config } = await import('@payload-config')
  const { getPayload } = await import('payload')
  const { migrations } = await import('../../migrations')
  // The read layer's instance (getPayload's default one, the one `getPayloadClient` returns).
  reader = await getPayload({ config })
  await reader.db.migrate({ migrations: migrations as never })
  writer = await createPayloadOn(db.primaryUrl, 'writer')
  data = await import('@/data/articles')
  searchData = await import('@/data/search')
})

/** Ends a Payload instance's pools, primary and replicas, waiting 2 s at most (see helpers/payload). */
const closeWithin = async (payload: Payload) => {
  const adapter = adapterOf(payload)
  const pools = [adapter.pool, ...replicaPoolsOf(adapter)]
  pools.forEach((pool) => pool?.on('error', () => undefined))
  await Promise.race([
    Promise.all(pools.map((pool) => pool?.end().catch(() => undefined))),
    new Promise((resolve) => setTimeout(resolve, 2_000)),
  ])
}

afterAll(async () => {
  if (reader) await closeWithin(reader)
  await writer?.close()
  await db?.stop()
  if (mediaDir) await rm(mediaDir, { recursive: true, force: true })
})

describe('a streaming replica for the readers', () => {
  it('serves a public read from the replica when it has caught up', async () => {
    expect(replicaPoolsOf(adapterOf(reader))).toHaveLength(1)
    const article = await createArticle(writer.payload, {
      status: 'published',
      title: 'Replica serves this story',
    })
    // A running server's pools are warm: one read first opens their connections.
    await data.getLatestArticles({ language: 'en' })

    const { result, onReplica, onPrimary } = await readOnceCaughtUp(() =>
      data.getArticleBySlug({ language: 'en', slug: article.slug! }),
    )
    expect(result?.title).toBe('Replica serves this story')
    expect(articleReads(onReplica).length).toBeGreaterThan(0)
    expect(articleReads(onPrimary)).toEqual([])
    // The check itself: one trivial statement on each server.
    expect(onPrimary.join('\n')).toContain('pg_current_wal_flush_lsn')
    expect(onReplica.join('\n')).toContain('pg_last_wal_replay_lsn')
  })

  it('reads the new text right after a publish made elsewhere while the replica’s replay is paused', async () => {
    const article = await createArticle(writer.payload, {
      status: 'published',
      title: 'The old headline',
    })
    await db.replica.waitForCatchUp(10_000)
    await db.replica.pauseReplay()
    try {
      await writer.payload.update({
        collection: 'articles',
        id: article.id,
        data: { title: 'The corrected headline' },
      })
      // The replica really lags: it still has the old text.
      expect(await db.replica.replayLagBytes()).toBeGreaterThan(0)
      const [stale] = await query<{ title: string }>(
        db.replicaUrl,
        'SELECT title FROM articles WHERE id = $1',
        [article.id],
      )
      expect(stale.title).toBe('The old headline')
      noRecentWriteHere()

      const onReplica = await db.replicaLog.during(db.replicaUrl, () =>
        db.primaryLog.during(db.primaryUrl, () =>
          data.getArticleBySlug({ language: 'en', slug: article.slug! }),
        ),
      )
      const { result: onPrimary } = onReplica
      expect(onPrimary.result?.title).toBe('The corrected headline')
      expect(articleReads(onPrimary.statements).length).toBeGreaterThan(0)
      expect(articleReads(onReplica.statements)).toEqual([])

      // Raw SQL of the read layer (full-text search here) runs on the primary in any case.
      const search = await db.replicaLog.during(db.replicaUrl, () =>
        db.primaryLog.during(db.primaryUrl, () =>
          searchData.getSearchResults({ language: 'en', q: 'corrected headline' }),
        ),
      )
      const isSearch = (line: string) => line.includes('websearch_to_tsquery')
      expect(search.result.result.hits.map((hit) => hit.id)).toContain(article.id)
      expect(search.result.statements.filter(isSearch)).toHaveLength(1)
      expect(search.statements.filter(isSearch)).toEqual([])
    } finally {
      await db.replica.resumeReplay()
    }

    // Caught up again, the replica serves the reads once more (the read-after-write window the
    // paused replica opened is forgotten by `readOnceCaughtUp`, as after its two seconds).
    const again = await readOnceCaughtUp(() => data.getLatestArticles({ language: 'en' }))
    expect(again.result.map((doc) => doc.title)).toContain('The corrected headline')
    expect(articleReads(again.onReplica).length).toBeGreaterThan(0)
    expect(articleReads(again.onPrimary)).toEqual([])
  })

  it('keeps reading, from the primary, within the timeout when the replica stops', async () => {
    const article = await createArticle(writer.payload, {
      status: 'published',
      title: 'Read while the replica is down',
    })
    await db.replica.waitForCatchUp(10_000)
    await db.replica.stop()
    noRecentWriteHere()

    const started = Date.now()
    const { result, statements } = await db.primaryLog.during(db.primaryUrl, () =>
      data.getArticleBySlug({ language: 'en', slug: article.slug! }),
    )
    expect(result?.title).toBe('Read while the replica is down')
    expect(articleReads(statements).length).toBeGreaterThan(0)
    expect(Date.now() - started).toBeLessThan(3_000)

    // Payload's own reads outside the read layer (REST, the admin) no longer go to it either,
    // long after any read-after-write window.
    await new Promise((resolve) => setTimeout(resolve, 2_100))
    const plain = await reader.findByID({ collection: 'articles', id: article.id, depth: 0 })
    expect(plain.title).toBe('Read while the replica is down')
  })

  it('starts while a replica is down, and the read layer’s rule reads the primary', async () => {
    const { default: configPromise } = await import('@payload-config')
    const { databaseAdapter } = await import('@/db/adapter')
    const { getPayload } = await import('payload')
    const base = await configPromise
    const article = await createArticle(writer.payload, {
      status: 'published',
      title: 'Read with no replica to be had',
    })
    const nobody = `postgres://postgres:postgres@127.0.0.1:${await freePort()}/newsroom_replica`
    const adapter = databaseAdapter({
      connectionString: db.primaryUrl,
      push: false,
      readReplicas: [nobody],
    })
    const other = await getPayload({
      config: {
        ...base,
        db: { ...base.db, ...adapter, allowIDOnCreate: Boolean(adapter.allowIDOnCreate) },
      },
      key: 'replica-down',
    })
    try {
      // Nothing fails in the background meanwhile (vitest reports an unhandled rejection).
      await new Promise((resolve) => setTimeout(resolve, 500))
      const found = await withFreshReads(adapterOf(other), () =>
        other.findByID({ collection: 'articles', id: article.id }),
      )
      expect(found.title).toBe('Read with no replica to be had')
    } finally {
      await closeWithin(other)
    }
  })
  it('restarts a stopped replica on its own folder, which then catches up on what it missed', async () => {
    // The replica was stopped above; this was published meanwhile.
    const missed = await createArticle(writer.payload, {
      status: 'published',
      title: 'Published while the replica was down',
    })
    const restarted = await db.restartReplica()
    await restarted.waitForCatchUp(10_000)
    const [row] = await query<{ title: string }>(
      db.replicaUrl,
      'SELECT title FROM articles WHERE id = $1',
      [missed.id],
    )
    expect(row?.title).toBe('Published while the replica was down')
    expect(restarted.startedFrom).toBe('existing standby')

    // The reader finds it answering again (asked every second) and reads from it once more.
    const deadline = Date.now() + 10_000
    let servedByReplica = false
    while (!servedByReplica && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500))
      noRecentWriteHere()
      const { statements } = await db.replicaLog.during(db.replicaUrl, () =>
        reader.findByID({ collection: 'articles', id: missed.id, depth: 0 }),
      )
      servedByReplica = articleReads(statements).length > 0
    }
    expect(servedByReplica).toBe(true)
  })
})
