import { createHash, randomBytes } from 'node:crypto'
import { access, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
} from '@aws-sdk/client-s3'
import { getTableConfig, type PgTable } from '@payloadcms/db-postgres/drizzle/pg-core'
import { handleEndpoints } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { toImage } from '@/data/shapes'
import { adapterOf } from '@/db/client'

import { s3Env, startObjectStore, type ObjectStore } from '../../scripts/lib/objectStore'
import { query } from '../helpers/database'
import { createUser, imageFile } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { startPayloadApiProcess } from '../helpers/payloadApiProcess'

/**
 * Media in an S3-compatible object store: a real one (OpenStack Swift with s3api, started by
 * scripts/lib/objectStore.ts), with the app's own s3Storage settings (src/plugins.ts) turned on by
 * S3_BUCKET as in production.
 */

let store: ObjectStore
/** the store's folder, kept across a restart (removed in afterAll) */
let storeDir: string
let ctx: TestPayload
const bucket = `media-${randomBytes(4).toString('hex')}`

const sha256 = (data: Buffer | Uint8Array) => createHash('sha256').update(data).digest('hex')

const keysInBucket = async () => {
  const listed = await store.client.send(new ListObjectsV2Command({ Bucket: bucket }))
  return (listed.Contents ?? []).map((object) => object.Key).sort()
}

/** A request through Payload's REST handler, with the project's config (what /api/* runs). */
const rest = async (route: string, init: RequestInit = {}) => {
  const { default: config } = await import('@payload-config')
  return handleEndpoints({ config, request: new Request(`http://localhost:3000${route}`, init) })
}

const upload = async (alt: string, size?: { width: number; height: number }) => {
  const file = await imageFile(size)
  const doc = await ctx.payload.create({ collection: 'media', data: { alt, credit: 'Test' }, file })
  const names = [doc.filename, ...Object.values(doc.sizes ?? {}).map((s) => s?.filename)]
  return { file, doc, names: names.filter((name): name is string => Boolean(name)) }
}

beforeAll(async () => {
  storeDir = await mkdtemp(path.join(os.tmpdir(), 'newsroom-test-swift-'))
  store = await startObjectStore({ dir: storeDir })
  await store.createBucket(bucket)
  Object.assign(process.env, s3Env(store, bucket))
  // No scheduled jobs here (their timer would outlive the database at teardown).
  process.env.JOBS_AUTORUN = 'false'
  ctx = await createTestPayload()
})

afterAll(async () => {
  await ctx?.teardown()
  await store?.stop()
  await rm(storeDir, { recursive: true, force: true })
})

describe('media in the object store', () => {
  it('stores an upload and each of its sizes in the bucket, nothing on disk', async () => {
    const { file, doc, names } = await upload('In the bucket', { width: 2000, height: 1500 })
    expect(names).toHaveLength(5)
    expect(await keysInBucket()).toEqual(expect.arrayContaining(names))
    expect(await readdir(process.env.MEDIA_DIR!)).toEqual([])

    const original = await store.client.send(
      new GetObjectCommand({ Bucket: bucket, Key: doc.filename! }),
    )
    expect(sha256(await original.Body!.transformToByteArray())).toBe(sha256(file.data))
    const og = await store.client.send(
      new HeadObjectCommand({ Bucket: bucket, Key: doc.sizes!.og!.filename! }),
    )
    expect(og.ContentType).toBe('image/jpeg')
  })

  it('streams an upload kept in a temp file (a large upload) to the store', async () => {
    // Payload streams from tempFilePath instead of sending a buffer: the AWS SDK then sends an
    // aws-chunked body with a trailing checksum unless told not to, which Swift refuses.
    const file = await imageFile({ width: 1500, height: 1000 })
    const tempFilePath = path.join(
      process.env.MEDIA_DIR!,
      '..',
      `upload-${randomBytes(4).toString('hex')}`,
    )
    await writeFile(tempFilePath, file.data)
    try {
      const doc = await ctx.payload.create({
        collection: 'media',
        data: { alt: 'Streamed', credit: 'Test' },
        file: { ...file, tempFilePath },
      })
      const stored = await store.client.send(
        new GetObjectCommand({ Bucket: bucket, Key: doc.filename! }),
      )
      expect(sha256(await stored.Body!.transformToByteArray())).toBe(sha256(file.data))
    } finally {
      await rm(tempFilePath, { force: true })
    }
  })

  it('has the same media columns as the migrated database (the schema without S3)', async () => {
    const tables = adapterOf(ctx.payload).tables as Record<string, PgTable>
    const inConfig = getTableConfig(tables.media)
      .columns.map((column) => column.name)
      .sort()
    const inDatabase = (
      await query<{ column_name: string }>(
        ctx.databaseUrl,
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'media'",
      )
    )
      .map((row) => row.column_name)
      .sort()
    expect(inConfig).toEqual(inDatabase)
    expect(inConfig).toEqual(expect.arrayContaining(['prefix', '_objectkey']))
  })

  it('keeps the bucket private: no object is readable without credentials', async () => {
    const { doc } = await upload('Private')
    const anonymous = await fetch(`${store.endpoint}/${bucket}/${doc.filename}`)
    expect(anonymous.ok).toBe(false)
  })

  it('serves the file back byte for byte through /api/media/file, where the site points', async () => {
    const { file, doc } = await upload('Served', { width: 1300, height: 800 })
    expect(new URL(doc.url!).pathname).toBe(`/api/media/file/${doc.filename}`)
    const response = await rest(`/api/media/file/${doc.filename}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/jpeg')
    expect(response.headers.get('content-length')).toBe(String(file.size))
    expect(sha256(Buffer.from(await response.arrayBuffer()))).toBe(sha256(file.data))

    // What a page renders (src/data/shapes.ts: the path, next/image's local pattern).
    const card = toImage(doc, 'card')!
    expect(card.url).toBe(`/api/media/file/${doc.sizes!.card!.filename}`)
    const served = await rest(card.url)
    expect(served.headers.get('content-type')).toBe('image/webp')
    const meta = await sharp(Buffer.from(await served.arrayBuffer())).metadata()
    expect([meta.width, meta.height, meta.format]).toEqual([768, 432, 'webp'])
  })

  it('answers a conditional request with 304 and a range request with 206', async () => {
    const { file, doc } = await upload('Cached')
    const first = await rest(`/api/media/file/${doc.filename}`)
    const etag = first.headers.get('etag')
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/)
    await first.arrayBuffer()
    const again = await rest(`/api/media/file/${doc.filename}`, {
      headers: { 'if-none-match': etag! },
    })
    expect(again.status).toBe(304)

    const part = await rest(`/api/media/file/${doc.filename}`, { headers: { range: 'bytes=0-99' } })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe(`bytes 0-99/${file.size}`)
    expect(Buffer.from(await part.arrayBuffer())).toEqual(file.data.subarray(0, 100))
  })

  it('takes an upload over REST from a signed-in editor', async () => {
    const editor = await createUser(ctx.payload, 'editor')
    const signedIn = await rest('/api/users/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: editor.email, password: 'test-password-1' }),
    })
    const { token } = (await signedIn.json()) as { token: string }
    const file = await imageFile({ width: 900, height: 600, format: 'png' })
    const form = new FormData()
    form.append('file', new Blob([file.data], { type: file.mimetype }), file.name)
    form.append('_payload', JSON.stringify({ alt: 'Over REST', credit: 'Test' }))
    const created = await rest('/api/media', {
      method: 'POST',
      headers: { authorization: `JWT ${token}` },
      body: form,
    })
    expect(created.status).toBe(201)
    const { doc } = (await created.json()) as {
      doc: { filename: string; sizes: Record<string, { filename: string | null }> }
    }
    // A 900×600 original gets no 1200×630 og crop (sizes never enlarge): four files.
    const names = [doc.filename, ...Object.values(doc.sizes).map((s) => s.filename)].filter(Boolean)
    expect(names).toHaveLength(4)
    expect(await keysInBucket()).toEqual(expect.arrayContaining(names))
    const served = await rest(`/api/media/file/${doc.filename}`)
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(sha256(Buffer.from(await served.arrayBuffer()))).toBe(sha256(file.data))
  })

  it('removes the objects of every size when the media document is deleted', async () => {
    const { doc, names } = await upload('Gone soon')
    expect(await keysInBucket()).toEqual(expect.arrayContaining(names))
    await ctx.payload.delete({ collection: 'media', id: doc.id })
    const left = await keysInBucket()
    for (const name of names) expect(left).not.toContain(name)
    expect((await rest(`/api/media/file/${doc.filename}`)).status).toBe(404)
  })

  it('replaces the objects when a document gets a new file', async () => {
    const { doc, names: before } = await upload('Old picture')
    const file = await imageFile({ width: 1400, height: 1000, format: 'png' })
    const updated = await ctx.payload.update({
      collection: 'media',
      id: doc.id,
      data: {},
      file,
    })
    const after = [updated.filename, ...Object.values(updated.sizes ?? {}).map((s) => s?.filename)]
    const keys = await keysInBucket()
    expect(keys).toEqual(expect.arrayContaining(after.filter(Boolean)))
    for (const name of before) expect(keys).not.toContain(name)
    const served = await rest(`/api/media/file/${updated.filename}`)
    expect(sha256(Buffer.from(await served.arrayBuffer()))).toBe(sha256(file.data))
  })

  it('serves through another instance (another process, no local files) what this one stored', async () => {
    const { file, doc } = await upload('Through B', { width: 1200, height: 900 })
    const mediaDir = await mkdtemp(path.join(os.tmpdir(), 'newsroom-test-media-b-'))
    const instanceB = await startPayloadApiProcess({
      env: {
        DATABASE_URL: ctx.databaseUrl,
        PAYLOAD_SECRET: 'test-secret',
        MEDIA_DIR: mediaDir,
        MAIL_OUTBOX_DIR: ctx.outboxDir,
        JOBS_AUTORUN: 'false',
      },
    })
    try {
      expect(instanceB.pid).not.toBe(process.pid)
      const response = await fetch(`${instanceB.origin}/api/media/file/${doc.filename}`)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('image/jpeg')
      expect(sha256(Buffer.from(await response.arrayBuffer()))).toBe(sha256(file.data))
      const og = await fetch(`${instanceB.origin}/api/media/file/${doc.sizes!.og!.filename}`)
      expect((await sharp(Buffer.from(await og.arrayBuffer())).metadata()).width).toBe(1200)
      expect(await readdir(mediaDir)).toEqual([])
    } finally {
      await instanceB.stop()
      await rm(mediaDir, { recursive: true, force: true })
    }
  })

  it('refuses an upload while the store is down, keeps no document, and serves again after', async () => {
    const { file, doc } = await upload('Before the outage')
    const count = async () => (await ctx.payload.count({ collection: 'media' })).totalDocs
    const before = await count()
    const { endpoint, secretAccessKey } = store
    await store.stop()
    try {
      await expect(upload('During the outage')).rejects.toThrow()
      expect(await count()).toBe(before)
      expect((await rest(`/api/media/file/${doc.filename}`)).status).toBe(500)
    } finally {
      // The same folder, port and key: what restarting the store's service does.
      store = await startObjectStore({
        dir: storeDir,
        port: Number(new URL(endpoint).port),
        secretAccessKey,
      })
    }
    const served = await rest(`/api/media/file/${doc.filename}`)
    expect(served.status).toBe(200)
    expect(sha256(Buffer.from(await served.arrayBuffer()))).toBe(sha256(file.data))
  })
})

describe('the object store (scripts/lib/objectStore.ts)', () => {
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0)
      return true
    } catch {
      return false
    }
  }

  it('stops every server it started, and a store started again on its folder has the objects', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'newsroom-test-swift-'))
    try {
      const first = await startObjectStore({ dir })
      try {
        await first.createBucket('kept')
        await first.client.send(
          new PutObjectCommand({ Bucket: 'kept', Key: 'a.txt', Body: Buffer.from('still here') }),
        )
      } finally {
        await first.stop()
      }
      expect(first.pids.filter(alive)).toEqual([])

      const second = await startObjectStore({ dir })
      try {
        await second.createBucket('kept') // already there: not an error
        const kept = await second.client.send(
          new GetObjectCommand({ Bucket: 'kept', Key: 'a.txt' }),
        )
        expect(await kept.Body!.transformToString()).toBe('still here')
      } finally {
        await second.stop()
      }
      await access(dir) // a folder it was given is kept
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('removes the temp folder it made', async () => {
    const own = await startObjectStore()
    await own.stop()
    await expect(access(own.dir)).rejects.toMatchObject({ code: 'ENOENT' })
    expect(own.pids.filter(alive)).toEqual([])
  })
})
