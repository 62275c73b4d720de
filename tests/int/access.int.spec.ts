import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '@/payload-types'

import { createArticle, createNewsroomBasics, createUser } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'

describe('access', () => {
  let ctx: TestPayload
  let editor: User
  let author: User
  let otherAuthor: User
  let translator: User

  beforeAll(async () => {
    ctx = await createTestPayload()
    // The first account of an install becomes admin (see collections spec); make it explicitly.
    await createUser(ctx.payload, 'admin')
    editor = await createUser(ctx.payload, 'editor')
    author = await createUser(ctx.payload, 'author')
    otherAuthor = await createUser(ctx.payload, 'author')
    translator = await createUser(ctx.payload, 'translator', { languages: ['az'] })
  })
  afterAll(() => ctx?.teardown())

  describe('anonymous readers', () => {
    it('never see a draft article through the Local API, even when asking for drafts', async () => {
      const draft = await createArticle(ctx.payload, { title: 'Embargoed budget story' })
      const published = await createArticle(ctx.payload, {
        title: 'Public rail story',
        status: 'published',
      })

      for (const draftMode of [false, true]) {
        const { docs } = await ctx.payload.find({
          collection: 'articles',
          overrideAccess: false,
          draft: draftMode,
          where: { id: { in: [draft.id, published.id] } },
        })
        expect(docs.map((doc) => doc.id)).toEqual([published.id])
      }
      await expect(
        ctx.payload.findByID({ collection: 'articles', id: draft.id, overrideAccess: false }),
      ).rejects.toMatchObject({ status: 404 })
    })

    it('never get a draft populated through a published article’s relationships', async () => {
      const draftRelated = await createArticle(ctx.payload, { title: 'Embargoed related story' })
      const publishedRelated = await createArticle(ctx.payload, {
        title: 'Public related story',
        status: 'published',
      })
      const draftOriginal = await createArticle(ctx.payload, { title: 'Embargoed original' })
      const version = await createArticle(ctx.payload, {
        title: 'Published language version',
        language: 'az',
        translationOf: draftOriginal.id,
        status: 'published',
      })
      const article = await createArticle(ctx.payload, {
        title: 'Published story with picks',
        status: 'published',
        relatedArticles: [draftRelated.id, publishedRelated.id],
      })

      const read = (id: number, user?: User) =>
        ctx.payload.findByID({
          collection: 'articles',
          id,
          depth: 1,
          overrideAccess: false,
          ...(user ? { user } : {}),
        })

      const asReader = await read(article.id)
      const populated = (asReader.relatedArticles ?? []).filter((item) => typeof item === 'object')
      expect(populated.map((item) => item.title)).toEqual(['Public related story'])
      expect(JSON.stringify(asReader)).not.toContain('Embargoed')
      // The timeline join is staff-only: a reader gets no events through the article.
      expect(asReader.timeline?.docs ?? []).toEqual([])

      const versionAsReader = await read(version.id)
      expect(typeof versionAsReader.translationOf).not.toBe('object')
      expect(JSON.stringify(versionAsReader)).not.toContain('Embargoed')

      // The other side: staff see the draft through the same relationships.
      const asEditor = await read(article.id, editor)
      const editorTitles = (asEditor.relatedArticles ?? []).map((item) =>
        typeof item === 'object' ? item.title : item,
      )
      expect(editorTitles).toContain('Embargoed related story')
      const versionAsEditor = await read(version.id, editor)
      expect(versionAsEditor.translationOf).toMatchObject({ title: 'Embargoed original' })
    })

    it('do not see the draft of a published article, only the published text', async () => {
      const article = await createArticle(ctx.payload, {
        title: 'Published headline',
        status: 'published',
      })
      await ctx.payload.update({
        collection: 'articles',
        id: article.id,
        draft: true,
        data: { title: 'Unreleased new headline' },
      })
      const asReader = await ctx.payload.findByID({
        collection: 'articles',
        id: article.id,
        overrideAccess: false,
        draft: true,
      })
      expect(asReader.title).toBe('Published headline')
      const asStaff = await ctx.payload.findByID({
        collection: 'articles',
        id: article.id,
        overrideAccess: false,
        user: editor,
        draft: true,
      })
      expect(asStaff.title).toBe('Unreleased new headline')
    })

    it('cannot read version history', async () => {
      await expect(
        ctx.payload.findVersions({ collection: 'articles', overrideAccess: false }),
      ).rejects.toMatchObject({ status: 403 })
      const { totalDocs } = await ctx.payload.findVersions({
        collection: 'articles',
        overrideAccess: false,
        user: author,
      })
      expect(totalDocs).toBeGreaterThan(0)
    })

    it('cannot list users, but staff can', async () => {
      await expect(
        ctx.payload.find({ collection: 'users', overrideAccess: false }),
      ).rejects.toMatchObject({
        status: 403,
      })
      const { totalDocs } = await ctx.payload.find({
        collection: 'users',
        overrideAccess: false,
        user: author,
      })
      expect(totalDocs).toBeGreaterThanOrEqual(4)
    })

    it('cannot create content', async () => {
      await expect(
        ctx.payload.create({
          collection: 'articles',
          overrideAccess: false,
          data: { title: 'x', language: 'en' },
        }),
      ).rejects.toMatchObject({ status: 403 })
      await expect(
        ctx.payload.create({
          collection: 'tags',
          overrideAccess: false,
          data: { name: 'x' } as never,
        }),
      ).rejects.toMatchObject({ status: 403 })
    })
  })

  describe('publishing', () => {
    it('lets an author save a draft but not publish', async () => {
      const draft = await ctx.payload.create({
        collection: 'articles',
        overrideAccess: false,
        user: author,
        draft: true,
        data: { title: 'Author draft', language: 'en', _status: 'draft' },
      })
      expect(draft._status).toBe('draft')
      await expect(
        ctx.payload.update({
          collection: 'articles',
          id: draft.id,
          overrideAccess: false,
          user: author,
          data: { _status: 'published' },
        }),
      ).rejects.toMatchObject({
        status: 403,
        message:
          'You cannot publish an article that is draft. Allowed from here: submit for review.',
      })
      await expect(
        ctx.payload.create({
          collection: 'articles',
          overrideAccess: false,
          user: author,
          data: { title: 'Straight to print', language: 'en', _status: 'published' } as never,
        }),
      ).rejects.toMatchObject({ status: 403 })
      const { totalDocs } = await ctx.payload.count({
        collection: 'articles',
        where: { title: { equals: 'Straight to print' } },
      })
      expect(totalDocs).toBe(0)
    })

    it('lets an editor publish', async () => {
      const { fields } = await createNewsroomBasics(ctx.payload)
      const draft = await createArticle(ctx.payload, { title: 'Ready for print', ...fields })
      const published = await ctx.payload.update({
        collection: 'articles',
        id: draft.id,
        overrideAccess: false,
        user: editor,
        data: { _status: 'published' },
      })
      expect(published._status).toBe('published')
      expect(published.publishedAt).toBeTruthy()
    })
  })

  describe('ownership', () => {
    it('lets an author edit their own article but not a colleague’s', async () => {
      const own = await ctx.payload.create({
        collection: 'articles',
        overrideAccess: false,
        user: author,
        draft: true,
        data: { title: 'Mine', language: 'en' },
      })
      expect(own.createdBy).toMatchObject({ id: author.id })
      const edited = await ctx.payload.update({
        collection: 'articles',
        id: own.id,
        overrideAccess: false,
        user: author,
        draft: true,
        data: { dek: 'Edited by me' },
      })
      expect(edited.dek).toBe('Edited by me')
      await expect(
        ctx.payload.update({
          collection: 'articles',
          id: own.id,
          overrideAccess: false,
          user: otherAuthor,
          draft: true,
          data: { dek: 'Edited by someone else' },
        }),
      ).rejects.toMatchObject({ status: 403 })
    })

    it('does not let anyone reassign who created an article', async () => {
      const own = await ctx.payload.create({
        collection: 'articles',
        overrideAccess: false,
        user: author,
        draft: true,
        data: { title: 'Owned', language: 'en' },
      })
      const updated = await ctx.payload.update({
        collection: 'articles',
        id: own.id,
        overrideAccess: false,
        user: editor,
        draft: true,
        data: { createdBy: editor.id },
      })
      expect(updated.createdBy).toMatchObject({ id: author.id })
    })

    it('lets a translator edit versions in their languages only', async () => {
      const original = await createArticle(ctx.payload, { title: 'Original', status: 'published' })
      const az = await createArticle(ctx.payload, {
        title: 'Azərbaycan versiyası',
        language: 'az',
        translationOf: original.id,
      })
      const ru = await createArticle(ctx.payload, {
        title: 'Русская версия',
        language: 'ru',
        translationOf: original.id,
      })

      const edited = await ctx.payload.update({
        collection: 'articles',
        id: az.id,
        overrideAccess: false,
        user: translator,
        draft: true,
        data: { dek: 'Tərcümə' },
      })
      expect(edited.dek).toBe('Tərcümə')
      for (const id of [ru.id, original.id]) {
        await expect(
          ctx.payload.update({
            collection: 'articles',
            id,
            overrideAccess: false,
            user: translator,
            draft: true,
            data: { dek: 'not mine' },
          }),
        ).rejects.toMatchObject({ status: 403 })
      }
    })
  })

  describe('translator scope', () => {
    it('does not let a translator create an original, or edit one they created', async () => {
      await expect(
        ctx.payload.create({
          collection: 'articles',
          overrideAccess: false,
          user: translator,
          draft: true,
          data: { title: 'Original by a translator', language: 'az' },
        }),
      ).rejects.toMatchObject({ status: 403 })
      const original = await createArticle(ctx.payload, {
        title: 'Original by a translator',
        createdBy: translator.id,
      })
      await expect(
        ctx.payload.update({
          collection: 'articles',
          id: original.id,
          overrideAccess: false,
          user: translator,
          draft: true,
          data: { dek: 'edited' },
        }),
      ).rejects.toMatchObject({ status: 403 })
    })
  })

  describe('users', () => {
    it('does not let a user raise their own roles', async () => {
      const updated = await ctx.payload.update({
        collection: 'users',
        id: editor.id,
        overrideAccess: false,
        user: editor,
        data: { roles: ['admin'], name: 'Renamed editor' },
      })
      expect(updated.name).toBe('Renamed editor')
      expect(updated.roles).toEqual(['editor'])
    })

    it('lets an admin change roles', async () => {
      const admin = await createUser(ctx.payload, 'admin')
      const updated = await ctx.payload.update({
        collection: 'users',
        id: otherAuthor.id,
        overrideAccess: false,
        user: admin,
        data: { roles: ['author', 'translator'] },
      })
      expect(updated.roles).toEqual(['author', 'translator'])
    })

    it('does not let a non-admin edit someone else', async () => {
      await expect(
        ctx.payload.update({
          collection: 'users',
          id: author.id,
          overrideAccess: false,
          user: editor,
          data: { name: 'Hijacked' },
        }),
      ).rejects.toMatchObject({ status: 403 })
    })

    it('gives accounts after the first the role they were created with', async () => {
      const user = await createUser(ctx.payload, 'author')
      expect(user.roles).toEqual(['author'])
    })
  })
})
