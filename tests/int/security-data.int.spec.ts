import { existsSync } from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '@/payload-types'

import { createNewsroomBasics, createUser, imageFile } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { articleIn, latest, timelineOf } from '../helpers/workflow'

let ctx: TestPayload
let editor: User
let ready: Awaited<ReturnType<typeof createNewsroomBasics>>['fields']

beforeAll(async () => {
  ctx = await createTestPayload()
  await createUser(ctx.payload, 'admin')
  editor = await createUser(ctx.payload, 'editor')
  ready = (await createNewsroomBasics(ctx.payload)).fields
})

afterAll(async () => {
  await ctx?.teardown()
})

describe('many editors at once', () => {
  it('keeps every one of 100 parallel draft saves as a version and never changes the published text', async () => {
    const live = await articleIn(ctx.payload, 'published', { ...ready, title: 'The live headline' })
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) =>
        ctx.payload.update({
          collection: 'articles',
          id: live.id,
          draft: true,
          data: { title: `Draft headline ${i}` },
          user: editor,
          overrideAccess: false,
        }),
      ),
    )
    expect(results.filter((r) => r.status === 'rejected')).toEqual([])
    // Every save is a version (the history keeps the newest 100 per article: exactly these).
    const { docs: versions } = await ctx.payload.findVersions({
      collection: 'articles',
      where: { parent: { equals: live.id } },
      sort: '-createdAt',
      limit: 100,
      depth: 0,
    })
    expect(new Set(versions.map((v) => v.version.title))).toEqual(
      new Set(Array.from({ length: 100 }, (_, i) => `Draft headline ${i}`)),
    )
    const publicView = await ctx.payload.findByID({
      collection: 'articles',
      id: live.id,
      overrideAccess: false,
    })
    expect(publicView).toMatchObject({ title: 'The live headline', _status: 'published' })
    expect((await latest(ctx.payload, live.id)).title).toMatch(/^Draft headline \d+$/)
  })
})

describe('a change that fails half way', () => {
  it('rolls back the whole transition when a later step fails', async () => {
    const article = await articleIn(ctx.payload, 'approved', { ...ready, title: 'Rollback' })
    const { performTransition } = await import('@/workflow/perform')
    const { requestFor } = await import('../helpers/workflow')
    const req = await requestFor(ctx.payload, editor)
    const jobsBefore = (await ctx.payload.count({ collection: 'payload-jobs' })).totalDocs
    // A failure after the article row was written: the timeline event cannot be created.
    const create = ctx.payload.create.bind(ctx.payload)
    ctx.payload.create = (async (args: { collection: string }) => {
      if (args.collection === 'editorial-events') throw new Error('the timeline is unavailable')
      return create(args as never)
    }) as typeof ctx.payload.create
    try {
      await expect(
        performTransition(req, { id: article.id, transition: 'publish' }),
      ).rejects.toThrow('the timeline is unavailable')
    } finally {
      ctx.payload.create = create
    }
    expect(await latest(ctx.payload, article.id)).toMatchObject({
      stage: 'approved',
      _status: 'draft',
    })
    await expect(
      ctx.payload.findByID({ collection: 'articles', id: article.id, overrideAccess: false }),
    ).rejects.toMatchObject({ status: 404 })
    // Nothing the transition would have written survived it: no event, no queued job.
    expect(await timelineOf(ctx.payload, article.id)).toEqual([])
    expect((await ctx.payload.count({ collection: 'payload-jobs' })).totalDocs).toBe(jobsBefore)
  })
})

describe('upload names', () => {
  it('stores a file named with a path as a plain name inside the media folder', async () => {
    const file = await imageFile({ width: 64, height: 64 })
    const doc = await ctx.payload.create({
      collection: 'media',
      data: { alt: 'A tiny square' },
      file: { ...file, name: '../../../etc/passwd<script>.jpg' },
    })
    expect(doc.filename).not.toMatch(/[/\\<>]/)
    expect(doc.filename).not.toContain('..')
    const mediaDir = process.env.MEDIA_DIR as string
    const stored = path.resolve(mediaDir, doc.filename as string)
    expect(stored.startsWith(path.resolve(mediaDir) + path.sep)).toBe(true)
    expect(existsSync(stored)).toBe(true)
  })
})
