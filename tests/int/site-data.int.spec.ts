import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { countQueries } from '../helpers/database'
import { createArticle } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
let payload: Payload
// The read layer loads the Payload config, so it is imported once the test database is set.
let data: typeof import('@/data/articles')
let sections: typeof import('@/data/sections')

beforeAll(async () => {
  t = await createTestPayload()
  payload = t.payload
  data = await import('@/data/articles')
  sections = await import('@/data/sections')
})
afterAll(() => t?.teardown())

const section = (slug: string, parent?: number) =>
  payload.create({
    collection: 'categories',
    data: { name: slug, slug, parent },
    context: { disableRevalidate: true },
  })
const tag = (slug: string) =>
  payload.create({ collection: 'tags', data: { name: slug, slug }, context: {} })

const unpublish = (id: number) =>
  payload.update({ collection: 'articles', id, data: { _status: 'draft' } })

describe('the read layer of the public site', () => {
  it('fills "You might also like" from the editor’s picks, then tags, then the section, never with a draft or the article itself', async () => {
    const energy = await section('energy-related')
    const other = await section('other-related')
    const wind = await tag('wind-related')
    const draftPick = await createArticle(payload, { category: energy.id, tags: [wind.id] })
    const unpublished = await createArticle(payload, {
      status: 'published',
      category: energy.id,
      tags: [wind.id],
      publishedAt: '2026-11-20T10:00:00Z',
    })
    await unpublish(unpublished.id)
    const pick = await createArticle(payload, {
      status: 'published',
      category: other.id,
      publishedAt: '2026-01-01T10:00:00Z',
    })
    const sameTag = await createArticle(payload, {
      status: 'published',
      category: other.id,
      tags: [wind.id],
      publishedAt: '2026-10-01T10:00:00Z',
    })
    const sameSection = await createArticle(payload, {
      status: 'published',
      category: energy.id,
      publishedAt: '2026-09-01T10:00:00Z',
    })
    const otherLanguage = await createArticle(payload, {
      status: 'published',
      language: 'az',
      category: energy.id,
      tags: [wind.id],
    })
    const article = await createArticle(payload, {
      status: 'published',
      category: energy.id,
      tags: [wind.id],
      relatedArticles: [draftPick.id, pick.id],
    })

    const trashed = await createArticle(payload, {
      status: 'published',
      category: energy.id,
      tags: [wind.id],
    })
    await payload.update({
      collection: 'articles',
      id: trashed.id,
      data: { deletedAt: new Date().toISOString() },
    })

    const { result: related, statements } = await countQueries(() =>
      data.getRelatedArticles({
        language: 'en',
        articleId: article.id,
        relatedIds: [draftPick.id, article.id, pick.id],
        sectionId: energy.id,
        tagIds: [wind.id],
        limit: 10,
      }),
    )
    const ids = related.map((a) => a.id)
    expect(ids.slice(0, 2)).toEqual([pick.id, sameTag.id])
    expect(ids).toContain(sameSection.id)
    // One statement picks the three tiers, one reads the articles, one per related collection.
    expect(statements.length).toBeLessThanOrEqual(5)
    for (const excluded of [
      article.id,
      draftPick.id,
      unpublished.id,
      otherLanguage.id,
      trashed.id,
    ]) {
      expect(ids).not.toContain(excluded)
    }
    expect(new Set(ids).size).toBe(ids.length)
    // The newest article sharing the tag is in the trash: the next one takes the place.
    const two = await data.getRelatedArticles({
      language: 'en',
      articleId: article.id,
      relatedIds: [pick.id],
      sectionId: energy.id,
      tagIds: [wind.id],
      limit: 2,
    })
    expect(two.map((a) => a.id)).toEqual([pick.id, sameTag.id])

    const capped = await data.getRelatedArticles({
      language: 'en',
      articleId: article.id,
      relatedIds: [pick.id],
      sectionId: energy.id,
      tagIds: [],
      limit: 1,
    })
    expect(capped.map((a) => a.id)).toEqual([pick.id])
  })

  it('returns only the published language versions of a story, from any member of the group', async () => {
    const original = await createArticle(payload, { status: 'published', title: 'Original story' })
    const az = await createArticle(payload, {
      status: 'published',
      language: 'az',
      translationOf: original.id,
    })
    const ruDraft = await createArticle(payload, { language: 'ru', translationOf: original.id })
    await createArticle(payload, { status: 'published', language: 'az' }) // unrelated

    const versions = await data.getArticleVersions({ groupId: original.id })
    expect(versions.map((v) => v.id).sort()).toEqual([original.id, az.id].sort())
    expect(versions.find((v) => v.id === az.id)?.language).toBe('az')

    // Published, the Russian version joins the group; withdrawn, it leaves it again.
    await payload.update({ collection: 'articles', id: ruDraft.id, data: { _status: 'published' } })
    expect((await data.getArticleVersions({ groupId: original.id })).map((v) => v.id)).toContain(
      ruDraft.id,
    )
    await unpublish(ruDraft.id)
    expect(
      (await data.getArticleVersions({ groupId: original.id })).map((v) => v.id),
    ).not.toContain(ruDraft.id)

    // A version's page asks by its own groupId: the original's.
    const azPage = await data.getArticleBySlug({ language: 'az', slug: az.slug! })
    expect(azPage?.groupId).toBe(original.id)
    expect(azPage?.translationOf?.title).toBe('Original story')

    // An unpublished original leaves only the published versions.
    await unpublish(original.id)
    expect((await data.getArticleVersions({ groupId: original.id })).map((v) => v.id)).toEqual([
      az.id,
    ])
  })

  it('finds a published article by language and slug but never a draft', async () => {
    const published = await createArticle(payload, { status: 'published', language: 'ru' })
    const draft = await createArticle(payload, { language: 'ru' })
    expect((await data.getArticleBySlug({ language: 'ru', slug: published.slug! }))?.id).toBe(
      published.id,
    )
    expect(await data.getArticleBySlug({ language: 'en', slug: published.slug! })).toBeNull()
    expect(await data.getArticleBySlug({ language: 'ru', slug: draft.slug! })).toBeNull()

    const latest = await data.getLatestArticles({ language: 'ru', limit: 50 })
    expect(latest.map((a) => a.id)).toContain(published.id)
    expect(latest.map((a) => a.id)).not.toContain(draft.id)
    expect(latest.every((a) => a.language === 'ru')).toBe(true)
  })

  it('lists a parent section with the articles of its sub-sections and resolves nested paths', async () => {
    const news = await section('news-nested')
    const economy = await section('economy-nested', news.id)
    const inChild = await createArticle(payload, { status: 'published', category: economy.id })
    const all = await sections.getSections({ language: 'en' })
    expect(all.find((s) => s.id === economy.id)?.path).toEqual(['news-nested', 'economy-nested'])
    const list = await data.getSectionArticles({
      language: 'en',
      sectionIds: [news.id, economy.id],
      page: 1,
      limit: 10,
    })
    expect(list.docs.map((a) => a.id)).toContain(inChild.id)
    const onlyParent = await data.getSectionArticles({
      language: 'en',
      sectionIds: [news.id],
      page: 1,
      limit: 10,
    })
    expect(onlyParent.docs.map((a) => a.id)).not.toContain(inChild.id)
  })

  it('lists every home block at once with the same articles as each section’s own list: sub-sections and "also in" sections, never drafts, trashed or other languages', async () => {
    const home = await section('home-blocks')
    const homeChild = await section('home-blocks-child', home.id)
    const other = await section('home-blocks-other')
    const empty = await section('home-blocks-empty')
    const at = (day: number) => new Date(Date.UTC(2026, 7, day)).toISOString()
    const inParent = await createArticle(payload, {
      status: 'published',
      category: home.id,
      publishedAt: at(1),
    })
    const inChild = await createArticle(payload, {
      status: 'published',
      category: homeChild.id,
      publishedAt: at(2),
    })
    const alsoIn = await createArticle(payload, {
      status: 'published',
      category: other.id,
      categories: [home.id],
      publishedAt: at(3),
    })
    const newestOther = await createArticle(payload, {
      status: 'published',
      category: other.id,
      publishedAt: at(4),
    })
    await createArticle(payload, { category: home.id }) // a draft
    await createArticle(payload, { status: 'published', language: 'az', category: home.id })
    const trashed = await createArticle(payload, {
      status: 'published',
      category: home.id,
      publishedAt: at(5),
    })
    await payload.update({
      collection: 'articles',
      id: trashed.id,
      data: { deletedAt: new Date().toISOString() },
    })

    const blocks = [[home.id, homeChild.id], [other.id], [empty.id]]
    const { result: lists, statements } = await countQueries(() =>
      data.getSectionBlocks({ language: 'en', blocks, perSection: 2 }),
    )
    const [homeBlock, otherBlock, emptyBlock] = lists
    expect(homeBlock.map((a) => a.id)).toEqual([alsoIn.id, inChild.id])
    expect(otherBlock.map((a) => a.id)).toEqual([newestOther.id, alsoIn.id])
    expect(emptyBlock).toEqual([])
    const [longer] = await data.getSectionBlocks({ language: 'en', blocks, perSection: 3 })
    expect(longer.map((a) => a.id)).toEqual([alsoIn.id, inChild.id, inParent.id])
    // The same as each section's own first page.
    for (const [i, sectionIds] of blocks.entries()) {
      const own = await data.getSectionArticles({ language: 'en', sectionIds, page: 1, limit: 2 })
      expect(lists[i].map((a) => a.id)).toEqual(own.docs.map((a) => a.id))
    }
    // Summaries as the lists show them, with their section.
    expect(homeBlock[0].section?.slug).toBe('home-blocks-other')
    // One statement for the ids, one read of the articles, one per related collection.
    expect(statements.length).toBeLessThanOrEqual(5)
  })

  it('reads the latest articles without counting all articles', async () => {
    await createArticle(payload, { status: 'published' })
    const { statements } = await countQueries(() =>
      data.getLatestArticles({ language: 'en', limit: 5 }),
    )
    // Payload's pagination count (`select count(*) from "articles" …`); the cards' comment
    // counts (a grouped count over `comments` of the listed articles) are no such thing.
    const countsArticles = /count\([^)]*\)(\s+as\s+\S+)?\s+from\s+"?articles"?(\s|$)/i
    expect(statements.filter((text) => countsArticles.test(text))).toEqual([])
  })

  it('lists corrections of published articles only, newest first, and moves the article’s updated date', async () => {
    const corrected = await createArticle(payload, {
      status: 'published',
      language: 'ru',
      publishedAt: '2026-10-01T10:00:00Z',
      corrections: [
        { date: '2026-10-03T10:00:00Z', text: 'Second fix' },
        { date: '2026-10-02T10:00:00Z', text: 'First fix' },
      ],
    })
    await createArticle(payload, {
      language: 'ru',
      corrections: [{ date: '2026-10-05T10:00:00Z', text: 'Draft fix' }],
    })
    const list = await data.getCorrections({ language: 'ru' })
    expect(list.map((c) => c.text)).toEqual(['Second fix', 'First fix'])
    expect(list[0].article.slug).toBe(corrected.slug)

    const page = await data.getArticleBySlug({ language: 'ru', slug: corrected.slug! })
    expect(page?.corrections.map((c) => c.text)).toEqual(['First fix', 'Second fix'])
    expect(page?.updatedAt).toBe('2026-10-03T10:00:00.000Z')
  })
})

describe('the read cache key', () => {
  it('is the same for the same arguments in any key order, and keeps the order of lists', async () => {
    const { cacheKeyOf } = await import('@/data/cached')
    const key = cacheKeyOf({ language: 'en', sectionIds: [3, 1], page: 2 })
    expect(cacheKeyOf({ page: 2, sectionIds: [3, 1], language: 'en', limit: undefined })).toBe(key)
    expect(cacheKeyOf({ language: 'en', sectionIds: [1, 3], page: 2 })).not.toBe(key)
    expect(cacheKeyOf({ language: 'en', blocks: [[1, 2], [3]] })).toBe(
      '{"blocks":[[1,2],[3]],"language":"en"}',
    )
  })
})
