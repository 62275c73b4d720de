import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { BREAKING_MAX_HOURS, BREAKING_SLUG } from '@/lib/breaking'
import type { Article, User } from '@/payload-types'

import { createStaff, rest, type StaffRole, type RestAnswer } from '../helpers/commentsAdmin'
import { createArticle } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { parseRss } from '../helpers/xml'

// src/data imports the Payload config, which reads DATABASE_URL when loaded: import it after
// createTestPayload() has pointed DATABASE_URL at this file's database.
const breakingData = () => import('@/data/breaking')
const feedsData = () => import('@/data/feeds')
const sitemapsData = () => import('@/data/sitemaps')

const HOUR = 3_600_000

let ctx: TestPayload
let editor: User, author: User, translator: User
let tokens: Record<StaffRole, string>

const codeOf = (answer: RestAnswer) => answer.json.errors?.[0]?.data?.code
const messageOf = (answer: RestAnswer) => answer.json.errors?.[0]?.message

const publish = (input: Parameters<typeof createArticle>[1] = {}) =>
  createArticle(ctx.payload, { status: 'published', ...input })

/** Every mark, as the system reads them. */
const allMarks = async () =>
  (
    await ctx.payload.find({
      collection: BREAKING_SLUG,
      overrideAccess: true,
      depth: 0,
      limit: 100,
    })
  ).docs

const removeAllMarks = async () => {
  const { errors } = await ctx.payload.delete({
    collection: BREAKING_SLUG,
    where: { id: { greater_than: 0 } },
  })
  expect(errors).toEqual([])
  expect(await allMarks()).toEqual([])
}

const versionsOf = async (id: number) =>
  (
    await ctx.payload.findVersions({
      collection: 'articles',
      where: { parent: { equals: id } },
      limit: 100,
      depth: 0,
    })
  ).totalDocs

beforeAll(async () => {
  ctx = await createTestPayload()
  ;({ editor, author, translator, tokens } = await createStaff(ctx.payload))
}, 120_000)

afterAll(async () => {
  await ctx?.teardown()
})

describe('marking an article as breaking news', () => {
  it('lets an editor mark a published article without re-publishing it or adding a version', async () => {
    const article = await publish({ title: 'Bridge closed after landslide' })
    const versionsBefore = await versionsOf(article.id)
    const before = Date.now()
    const answer = await rest('POST', `/api/${BREAKING_SLUG}`, {
      token: tokens.editor,
      body: { article: article.id },
    })
    expect(answer.status, JSON.stringify(answer.json)).toBe(201)
    const mark = (answer.json as { doc: Record<string, unknown> }).doc
    expect(mark.language).toBe('en')
    expect(mark.markedBy).toMatchObject({ id: editor.id })
    // The default expiry: two hours from now.
    const expires = new Date(String(mark.expiresAt)).getTime()
    expect(expires).toBeGreaterThanOrEqual(before + 2 * HOUR - 1000)
    expect(expires).toBeLessThanOrEqual(Date.now() + 2 * HOUR + 1000)

    const stored = await ctx.payload.findByID({
      collection: 'articles',
      id: article.id,
      depth: 0,
    })
    expect(stored.updatedAt).toBe(article.updatedAt)
    expect(stored._status).toBe('published')
    expect(await versionsOf(article.id)).toBe(versionsBefore)

    // Changing the expiry and removing the mark touch the article no more than marking did.
    const later = new Date(Date.now() + 5 * HOUR).toISOString()
    const changed = await rest('PATCH', `/api/${BREAKING_SLUG}/${mark.id}`, {
      token: tokens.admin,
      body: { expiresAt: later },
    })
    expect(changed.status, JSON.stringify(changed.json)).toBe(200)
    expect((changed.json as { doc: { expiresAt: string } }).doc.expiresAt).toBe(later)
    const removed = await rest('DELETE', `/api/${BREAKING_SLUG}/${mark.id}`, {
      token: tokens.editor,
    })
    expect(removed.status).toBe(200)
    expect(await versionsOf(article.id)).toBe(versionsBefore)
    expect(await allMarks()).toHaveLength(0)
  })

  it('refuses a draft or unpublished article, an expiry in the past or too far ahead, and a second mark', async () => {
    const draft = await createArticle(ctx.payload, { title: 'Not yet out' })
    const refusedDraft = await rest('POST', `/api/${BREAKING_SLUG}`, {
      token: tokens.editor,
      body: { article: draft.id },
    })
    expect(refusedDraft.status).toBe(409)
    expect(codeOf(refusedDraft)).toBe('breaking.notPublished')
    expect(messageOf(refusedDraft)).toMatch(/Only a published article/)

    const article = await publish({ title: 'Storm warning for the coast' })
    const past = await rest('POST', `/api/${BREAKING_SLUG}`, {
      token: tokens.editor,
      body: { article: article.id, expiresAt: new Date(Date.now() - 60_000).toISOString() },
    })
    expect(past.status).toBe(400)
    expect(codeOf(past)).toBe('breaking.expiryPast')
    const tooFar = await rest('POST', `/api/${BREAKING_SLUG}`, {
      token: tokens.editor,
      language: 'az',
      body: {
        article: article.id,
        expiresAt: new Date(Date.now() + (BREAKING_MAX_HOURS + 1) * HOUR).toISOString(),
      },
    })
    expect(tooFar.status).toBe(400)
    expect(codeOf(tooFar)).toBe('breaking.expiryTooFar')
    expect(messageOf(tooFar)).toMatch(/48 saat/)
    const nonsense = await rest('POST', `/api/${BREAKING_SLUG}`, {
      token: tokens.editor,
      body: { article: article.id, expiresAt: 'soon' },
    })
    expect(nonsense.status).toBeGreaterThanOrEqual(400)
    expect(nonsense.status).toBeLessThan(500)
    expect(await allMarks()).toHaveLength(0)

    const first = await rest('POST', `/api/${BREAKING_SLUG}`, {
      token: tokens.editor,
      body: { article: article.id },
    })
    expect(first.status).toBe(201)
    const second = await rest('POST', `/api/${BREAKING_SLUG}`, {
      token: tokens.admin,
      body: { article: article.id },
    })
    expect(second.status).toBe(409)
    expect(codeOf(second)).toBe('breaking.alreadyMarked')
    expect(await allMarks()).toHaveLength(1)
    await removeAllMarks()
  })

  it('refuses authors, translators and anonymous callers on REST and the Local API', async () => {
    const article = await publish({ title: 'Pipeline repairs finished' })
    const mark = await ctx.payload.create({
      collection: BREAKING_SLUG,
      data: { article: article.id },
    })
    for (const who of ['author', 'translator', undefined] as const) {
      const token = who ? tokens[who] : undefined
      const label = who ?? 'anonymous'
      const create = await rest('POST', `/api/${BREAKING_SLUG}`, {
        token,
        body: { article: article.id },
      })
      expect(create.status, label).toBeGreaterThanOrEqual(401)
      expect(create.status, label).toBeLessThanOrEqual(403)
      const list = await rest('GET', `/api/${BREAKING_SLUG}`, { token })
      expect(list.status, label).toBeGreaterThanOrEqual(401)
      expect(list.status, label).toBeLessThanOrEqual(403)
      const one = await rest('GET', `/api/${BREAKING_SLUG}/${mark.id}`, { token })
      expect(one.status, label).toBeGreaterThanOrEqual(401)
      const change = await rest('PATCH', `/api/${BREAKING_SLUG}/${mark.id}`, {
        token,
        body: { expiresAt: new Date(Date.now() + HOUR).toISOString() },
      })
      expect(change.status, label).toBeGreaterThanOrEqual(401)
      expect(change.status, label).toBeLessThanOrEqual(404)
      const remove = await rest('DELETE', `/api/${BREAKING_SLUG}/${mark.id}`, { token })
      expect(remove.status, label).toBeGreaterThanOrEqual(401)
      expect(remove.status, label).toBeLessThanOrEqual(404)

      const control = await rest('POST', `/api/${BREAKING_SLUG}/article/${article.id}`, {
        token,
        body: { remove: true },
      })
      expect(control.status, label).toBe(who ? 403 : 401)
      if (who === 'author') expect(codeOf(control)).toBe('breaking.editorsOnly')
    }
    for (const user of [author, translator]) {
      await expect(
        ctx.payload.create({
          collection: BREAKING_SLUG,
          data: { article: article.id },
          user,
          overrideAccess: false,
        }),
      ).rejects.toThrow(/not allowed/i)
      await expect(
        ctx.payload.find({ collection: BREAKING_SLUG, user, overrideAccess: false }),
      ).rejects.toThrow(/not allowed/i)
    }
    // Nothing changed: the mark is still there, as it was.
    const [still] = await allMarks()
    expect(still).toMatchObject({ id: mark.id, expiresAt: mark.expiresAt })

    // The same ways in, allowed for editors and admins (GraphQL: tests/e2e/breaking.e2e.spec.ts,
    // over HTTP; its handler cannot run inside vitest).
    const asAdmin = await rest('GET', `/api/${BREAKING_SLUG}`, { token: tokens.admin })
    expect(asAdmin.status).toBe(200)
    expect(asAdmin.json.totalDocs).toBe(1)
    const local = await ctx.payload.find({
      collection: BREAKING_SLUG,
      user: editor,
      overrideAccess: false,
    })
    expect(local.totalDocs).toBe(1)
    await removeAllMarks()
  })

  it("drives the article sidebar's control: mark, change, remove", async () => {
    const article = await publish({ title: 'Airport reopens' })
    const path = `/api/${BREAKING_SLUG}/article/${article.id}`
    const none = await rest('GET', path, { token: tokens.editor })
    expect(none.json).toEqual({ mark: null, published: true })
    const marked = await rest('POST', path, { token: tokens.editor, body: {} })
    expect(marked.status).toBe(200)
    expect(marked.json).toMatchObject({
      published: true,
      mark: { article: article.id, running: true },
    })
    const later = new Date(Date.now() + 10 * HOUR).toISOString()
    const changed = await rest('POST', path, { token: tokens.editor, body: { expiresAt: later } })
    expect(changed.json).toMatchObject({ mark: { expiresAt: later } })
    expect(await allMarks()).toHaveLength(1)
    const removed = await rest('POST', path, { token: tokens.editor, body: { remove: true } })
    expect(removed.json).toEqual({ mark: null, published: true })
    expect(await allMarks()).toHaveLength(0)

    const draft = await createArticle(ctx.payload)
    const draftState = await rest('GET', `/api/${BREAKING_SLUG}/article/${draft.id}`, {
      token: tokens.editor,
    })
    expect(draftState.json).toEqual({ mark: null, published: false })
    const refused = await rest('POST', `/api/${BREAKING_SLUG}/article/${draft.id}`, {
      token: tokens.editor,
      language: 'ru',
      body: {},
    })
    expect(refused.status).toBe(409)
    expect(messageOf(refused)).toMatch(/опубликованную/)
  })
})

describe('what readers see', () => {
  let older: Article
  let newer: Article
  let russian: Article

  beforeAll(async () => {
    older = await publish({
      title: 'Older story, breaking',
      publishedAt: new Date(Date.now() - 5 * HOUR).toISOString(),
    })
    newer = await publish({
      title: 'Newest story',
      publishedAt: new Date(Date.now() - HOUR).toISOString(),
    })
    russian = await publish({ title: 'Русская новость', language: 'ru' })
  })

  it('lists the running marks of the language only, newest first, and drops unpublished articles', async () => {
    const { getBreakingJson } = await breakingData()
    expect((await getBreakingJson({ language: 'en' })).items).toEqual([])
    await ctx.payload.create({ collection: BREAKING_SLUG, data: { article: older.id } })
    await new Promise((resolve) => setTimeout(resolve, 20))
    await ctx.payload.create({ collection: BREAKING_SLUG, data: { article: newer.id } })
    const en = (await getBreakingJson({ language: 'en' })).items
    expect(en.map((item) => item.title)).toEqual(['Newest story', 'Older story, breaking'])
    expect(en[0]).toMatchObject({ id: newer.id, url: `/en/articles/${newer.slug}` })
    expect(Object.keys(en[0]!).sort()).toEqual(['expiresAt', 'id', 'markedAt', 'title', 'url'])
    expect((await getBreakingJson({ language: 'ru' })).items).toEqual([])
    expect((await getBreakingJson({ language: 'az' })).items).toEqual([])

    // Unpublished: gone from the banner at once, though the mark's row is still there.
    await ctx.payload.update({
      collection: 'articles',
      id: newer.id,
      data: { _status: 'draft' },
    })
    const after = (await getBreakingJson({ language: 'en' })).items
    expect(after.map((item) => item.id)).toEqual([older.id])
    expect(JSON.stringify(after)).not.toContain('Newest story')
    await ctx.payload.update({
      collection: 'articles',
      id: newer.id,
      data: { _status: 'published' },
    })
    await removeAllMarks()
  })

  it('drops a mark at its expiry with no event', async () => {
    const { getBreakingJson } = await breakingData()
    await ctx.payload.create({
      collection: BREAKING_SLUG,
      data: { article: russian.id, expiresAt: new Date(Date.now() + 1500).toISOString() },
    })
    expect((await getBreakingJson({ language: 'ru' })).items.map((i) => i.id)).toEqual([russian.id])
    await new Promise((resolve) => setTimeout(resolve, 1700))
    expect((await getBreakingJson({ language: 'ru' })).items).toEqual([])
    await removeAllMarks()
  })

  it('puts breaking articles first in the feed, with the breaking category, then the usual order', async () => {
    const { withBreakingFirst } = await breakingData()
    const { getLatestFeed, renderRss } = await feedsData()
    const feed = async () => {
      const data = await withBreakingFirst(await getLatestFeed({ language: 'en' }))
      return parseRss(renderRss(data!)).items
    }
    const usual = (await feed()).map((item) => item.title)
    expect(usual.indexOf('Newest story')).toBeLessThan(usual.indexOf('Older story, breaking'))
    expect((await feed()).every((item) => !item.categories.includes('breaking'))).toBe(true)

    const mark = await ctx.payload.create({
      collection: BREAKING_SLUG,
      data: { article: older.id },
    })
    const marked = await feed()
    expect(marked[0]).toMatchObject({ title: 'Older story, breaking' })
    expect(marked[0]!.categories).toContain('breaking')
    expect(marked.filter((item) => item.title === 'Older story, breaking')).toHaveLength(1)
    expect(marked.slice(1).map((item) => item.title)).toEqual(
      usual.filter((title) => title !== 'Older story, breaking'),
    )

    await ctx.payload.delete({ collection: BREAKING_SLUG, id: mark.id })
    expect((await feed()).map((item) => item.title)).toEqual(usual)
  })

  it('puts breaking articles first in the News sitemap while marked', async () => {
    const { getSitemap } = await sitemapsData()
    const paths = async () =>
      (await getSitemap({ kind: 'news' }))!.entries.map((entry) => entry.path)
    const usual = await paths()
    const olderPath = `/en/articles/${older.slug}`
    expect(usual.indexOf(olderPath)).toBeGreaterThan(0)

    const mark = await ctx.payload.create({
      collection: BREAKING_SLUG,
      data: { article: older.id },
    })
    const marked = await paths()
    expect(marked[0]).toBe(olderPath)
    expect(marked.slice(1)).toEqual(usual.filter((path) => path !== olderPath))

    await ctx.payload.update({
      collection: BREAKING_SLUG,
      id: mark.id,
      data: { expiresAt: new Date(Date.now() + 1200).toISOString() },
    })
    await new Promise((resolve) => setTimeout(resolve, 1400))
    expect(await paths()).toEqual(usual)
    await removeAllMarks()
  })
})

describe('the rules (src/lib/breaking.ts)', () => {
  it('keeps only the marks still running at the moment of asking, newest mark first', async () => {
    const { currentAt } = await import('@/lib/breaking')
    const now = new Date('2026-11-26T12:00:00Z')
    const marks = [
      { id: 1, markedAt: '2026-11-26T10:00:00Z', expiresAt: '2026-11-26T12:30:00Z' },
      { id: 2, markedAt: '2026-11-26T11:00:00Z', expiresAt: '2026-11-26T11:59:59Z' },
      { id: 3, markedAt: '2026-11-26T11:30:00Z', expiresAt: '2026-11-26T13:00:00Z' },
    ]
    expect(currentAt(marks, now).map((mark) => mark.id)).toEqual([3, 1])
    expect(currentAt(marks, new Date('2026-11-26T12:45:00Z')).map((mark) => mark.id)).toEqual([3])
  })

  it('takes no expiry as two hours, and refuses the past and beyond 48 hours', async () => {
    const { resolveExpiry } = await import('@/lib/breaking')
    const now = new Date('2026-11-26T12:00:00Z')
    expect(resolveExpiry(undefined, now)).toEqual({ expiresAt: new Date('2026-11-26T14:00:00Z') })
    expect(resolveExpiry('2026-11-28T12:00:00Z', now)).toEqual({
      expiresAt: new Date('2026-11-28T12:00:00Z'),
    })
    expect(resolveExpiry('2026-11-28T12:05:00Z', now)).toEqual({ problem: 'tooFar' })
    expect(resolveExpiry('2026-11-26T12:00:00Z', now)).toEqual({ problem: 'past' })
    expect(resolveExpiry('tomorrow', now)).toEqual({ problem: 'invalid' })
    expect(resolveExpiry(42, now)).toEqual({ problem: 'invalid' })
  })
})
