import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '@/payload-types'

import { createNewsroomBasics, createUser } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { articleIn, fire, latest, timelineOf } from '../helpers/workflow'

let ctx: TestPayload
let admin: User, editor: User, otherEditor: User, author: User
let ready: Awaited<ReturnType<typeof createNewsroomBasics>>['fields']

beforeAll(async () => {
  ctx = await createTestPayload()
  admin = await createUser(ctx.payload, 'admin')
  editor = await createUser(ctx.payload, 'editor')
  otherEditor = await createUser(ctx.payload, 'editor')
  author = await createUser(ctx.payload, 'author')
  ready = (await createNewsroomBasics(ctx.payload)).fields
})

afterAll(async () => {
  await ctx?.teardown()
})

const versionsOf = async (id: number) =>
  (
    await ctx.payload.findVersions({
      collection: 'articles',
      where: { parent: { equals: id } },
      sort: 'createdAt',
      limit: 100,
      depth: 0,
    })
  ).docs

describe('the timeline', () => {
  it('records every transition with who, from, to, note and language, in order', async () => {
    const own = await articleIn(ctx.payload, 'draft', {
      ...ready,
      language: 'az',
      createdBy: author.id,
    })
    await fire(ctx.payload, author, own.id, 'submit')
    await fire(ctx.payload, editor, own.id, 'request_changes', {
      note: 'Add the minister’s reply.',
    })
    await fire(ctx.payload, author, own.id, 'submit', { note: 'Reply added.' })
    await fire(ctx.payload, editor, own.id, 'approve')
    await fire(ctx.payload, otherEditor, own.id, 'publish')

    const events = await timelineOf(ctx.payload, own.id)
    expect(
      events.map(({ transition, from, to, user, note, language, kind }) => ({
        kind,
        transition,
        from,
        to,
        user,
        note: note ?? null,
        language,
      })),
    ).toEqual([
      {
        kind: 'transition',
        transition: 'submit',
        from: 'draft',
        to: 'in_review',
        user: author.id,
        note: null,
        language: 'az',
      },
      {
        kind: 'transition',
        transition: 'request_changes',
        from: 'in_review',
        to: 'changes_requested',
        user: editor.id,
        note: 'Add the minister’s reply.',
        language: 'az',
      },
      {
        kind: 'transition',
        transition: 'submit',
        from: 'changes_requested',
        to: 'in_review',
        user: author.id,
        note: 'Reply added.',
        language: 'az',
      },
      {
        kind: 'transition',
        transition: 'approve',
        from: 'in_review',
        to: 'approved',
        user: editor.id,
        note: null,
        language: 'az',
      },
      {
        kind: 'transition',
        transition: 'publish',
        from: 'approved',
        to: 'published',
        user: otherEditor.id,
        note: null,
        language: 'az',
      },
    ])
    // The reviewer is whoever reviewed it last.
    expect((await latest(ctx.payload, own.id)).reviewer).toBe(editor.id)
  })

  it('is readable by staff, never by readers, and nobody can write it directly', async () => {
    const published = await articleIn(ctx.payload, 'published', { ...ready })
    const events = await timelineOf(ctx.payload, published.id)
    expect(events.length).toBeGreaterThan(0)

    const anonymous = await ctx.payload
      .find({
        collection: 'editorial-events',
        overrideAccess: false,
      })
      .catch((error: { status: number }) => error)
    expect(anonymous).toMatchObject({ status: 403 })
    const staff = await ctx.payload.find({
      collection: 'editorial-events',
      where: { article: { equals: published.id } },
      user: author,
      overrideAccess: false,
    })
    expect(staff.totalDocs).toBe(events.length)

    const asReader = await ctx.payload.findByID({
      collection: 'articles',
      id: published.id,
      overrideAccess: false,
      depth: 1,
    })
    expect(asReader.timeline?.docs ?? []).toEqual([])

    for (const user of [author, editor, admin]) {
      await expect(
        ctx.payload.create({
          collection: 'editorial-events',
          data: { article: published.id, kind: 'note', note: 'forged' },
          user,
          overrideAccess: false,
        }),
      ).rejects.toMatchObject({ status: 403 })
      await expect(
        ctx.payload.update({
          collection: 'editorial-events',
          id: events[0].id,
          data: { note: 'rewritten' },
          user,
          overrideAccess: false,
        }),
      ).rejects.toMatchObject({ status: 403 })
    }
  })
})

describe('versions: compare and restore', () => {
  it('lets editors restore, never authors, and a restore never publishes', async () => {
    const own = await articleIn(ctx.payload, 'draft', {
      ...ready,
      title: 'First wording',
      createdBy: author.id,
    })
    await ctx.payload.update({
      collection: 'articles',
      id: own.id,
      draft: true,
      data: { title: 'Second wording' },
      user: author,
      overrideAccess: false,
    })
    const [first] = await versionsOf(own.id)
    expect(first.version.title).toBe('First wording')

    await expect(
      ctx.payload.restoreVersion({
        collection: 'articles',
        id: first.id,
        user: author,
        overrideAccess: false,
      }),
    ).rejects.toMatchObject({ status: 403 })

    const restored = await ctx.payload.restoreVersion({
      collection: 'articles',
      id: first.id,
      user: editor,
      overrideAccess: false,
    })
    expect(restored).toMatchObject({ title: 'First wording', _status: 'draft', stage: 'draft' })
    expect((await timelineOf(ctx.payload, own.id)).at(-1)).toMatchObject({
      kind: 'restore',
      user: editor.id,
    })
  })

  it('refuses to restore an earlier version straight over a published article', async () => {
    const live = await articleIn(ctx.payload, 'published', { ...ready, title: 'Old headline' })
    await ctx.payload.update({
      collection: 'articles',
      id: live.id,
      data: { title: 'Current headline' },
      user: editor,
      overrideAccess: false,
    })
    const old = (await versionsOf(live.id)).find((v) => v.version.title === 'Old headline')!
    // A published article: restoring straight over the live text is refused...
    await expect(
      ctx.payload.restoreVersion({
        collection: 'articles',
        id: old.id,
        user: editor,
        overrideAccess: false,
      }),
    ).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('restore the version as a draft'),
    })
    // (Restoring it as a draft, which leaves the live text alone, is a REST option; the
    // end-to-end workflow API test covers it.)
    const publicView = await ctx.payload.findByID({
      collection: 'articles',
      id: live.id,
      overrideAccess: false,
    })
    expect(publicView).toMatchObject({ title: 'Current headline', stage: 'published' })
  })
})

describe('trash', () => {
  it('lets editors move an article to the trash and only admins delete it for good', async () => {
    const own = await articleIn(ctx.payload, 'draft', { ...ready, createdBy: author.id })
    const trash = (user: User) =>
      ctx.payload.update({
        collection: 'articles',
        id: own.id,
        data: { deletedAt: new Date().toISOString() },
        user,
        overrideAccess: false,
      })
    await expect(trash(author)).rejects.toMatchObject({ status: 403 })
    const trashed = await trash(editor)
    expect(trashed.deletedAt).toBeTruthy()
    expect(
      (await ctx.payload.find({ collection: 'articles', where: { id: { equals: own.id } } })).docs,
    ).toEqual([])

    const forGood = (user: User) =>
      ctx.payload.delete({
        collection: 'articles',
        id: own.id,
        trash: true,
        user,
        overrideAccess: false,
      })
    await expect(forGood(editor)).rejects.toMatchObject({ status: 403 })
    await forGood(admin)
    const { totalDocs } = await ctx.payload.count({
      collection: 'articles',
      where: { id: { equals: own.id } },
      trash: true,
    })
    expect(totalDocs).toBe(0)
    // Its history outlives it.
    const { totalDocs: kept } = await ctx.payload.count({ collection: 'editorial-events' })
    expect(kept).toBeGreaterThan(0)
  })
})

describe('document locking', () => {
  it('stops a second editor overwriting an article the first has open', async () => {
    const article = await articleIn(ctx.payload, 'draft', { ...ready, title: 'Being edited' })
    await ctx.payload.create({
      collection: 'payload-locked-documents',
      data: {
        document: { relationTo: 'articles', value: article.id },
        globalSlug: null,
        user: { relationTo: 'users', value: editor.id },
      },
    })
    await expect(
      ctx.payload.update({
        collection: 'articles',
        id: article.id,
        draft: true,
        data: { title: 'Overwritten' },
        user: otherEditor,
        overrideAccess: false,
        overrideLock: false,
      }),
    ).rejects.toMatchObject({ status: 423 })
    expect((await latest(ctx.payload, article.id)).title).toBe('Being edited')
    const byHolder = await ctx.payload.update({
      collection: 'articles',
      id: article.id,
      draft: true,
      data: { title: 'Edited by the holder' },
      user: editor,
      overrideAccess: false,
      overrideLock: false,
    })
    expect(byHolder.title).toBe('Edited by the holder')
  })
})

describe('what readers can see', () => {
  it('never returns a draft, in-review, scheduled or archived article, or any version', async () => {
    const hidden = []
    for (const stage of ['draft', 'in_review', 'approved', 'scheduled', 'archived'] as const) {
      hidden.push(await articleIn(ctx.payload, stage, { ...ready, title: `Hidden ${stage}` }))
    }
    const ids = hidden.map((doc) => doc.id)
    const { docs } = await ctx.payload.find({
      collection: 'articles',
      where: { id: { in: ids } },
      overrideAccess: false,
    })
    expect(docs).toEqual([])
    const { totalDocs } = await ctx.payload.count({
      collection: 'articles',
      where: { id: { in: ids } },
      overrideAccess: false,
    })
    expect(totalDocs).toBe(0)
    for (const id of ids) {
      await expect(
        ctx.payload.findByID({ collection: 'articles', id, overrideAccess: false }),
      ).rejects.toMatchObject({ status: 404 })
    }
    await expect(
      ctx.payload.findVersions({ collection: 'articles', overrideAccess: false }),
    ).rejects.toMatchObject({ status: 403 })
    // Querying by a field readers cannot see finds nothing either.
    const byStage = await ctx.payload.find({
      collection: 'articles',
      where: { stage: { equals: 'scheduled' } },
      overrideAccess: false,
    })
    expect(byStage.docs).toEqual([])
  })
})
