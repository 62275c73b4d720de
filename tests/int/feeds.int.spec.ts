import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Language } from '@/lib/languages'
import type { Article } from '@/payload-types'

import { createArticle } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { parseRss } from '../helpers/xml'

// src/data imports the Payload config, which reads DATABASE_URL when loaded: import it after
// createTestPayload() has pointed DATABASE_URL at this file's database.
const data = () => import('@/data/feeds')
const ORIGIN = 'https://news.example'

describe('RSS feeds', () => {
  let ctx: TestPayload
  const rss = async (
    read: 'getLatestFeed' | 'getSectionFeed' | 'getAuthorFeed',
    language: Language,
    slug = '',
  ) => {
    const feeds = await data()
    const feed =
      read === 'getLatestFeed'
        ? await feeds.getLatestFeed({ language })
        : await feeds[read]({ language, slug })
    return feed ? parseRss(feeds.renderRss(feed)) : null
  }
  const titles = (feed: Awaited<ReturnType<typeof rss>>) => feed?.items.map((item) => item.title)
  const publish = (input: Parameters<typeof createArticle>[1]) =>
    createArticle(ctx.payload, { status: 'published', ...input })
  const unpublish = (article: Article) =>
    ctx.payload.update({ collection: 'articles', id: article.id, data: { _status: 'draft' } })

  beforeAll(async () => {
    ctx = await createTestPayload()
    process.env.SERVER_URL = ORIGIN
  })
  afterAll(() => ctx?.teardown())

  it('lists the latest published articles of one language, newest first, and nothing else', async () => {
    await publish({ title: 'Older English story', publishedAt: '2026-11-01T08:00:00Z' })
    await publish({ title: 'Newer English story', publishedAt: '2026-11-02T08:00:00Z' })
    await createArticle(ctx.payload, { title: 'English draft never published' })
    await unpublish(await publish({ title: 'English story taken down' }))
    await publish({ title: 'Русская история', language: 'ru' })

    const feed = await rss('getLatestFeed', 'en')
    expect(titles(feed)).toEqual(['Newer English story', 'Older English story'])
    expect(titles(await rss('getLatestFeed', 'ru'))).toEqual(['Русская история'])
    expect(titles(await rss('getLatestFeed', 'az'))).toEqual([])
  })

  it("keeps a published article's published title while a newer draft is pending", async () => {
    const article = await publish({ title: 'Published headline', language: 'az' })
    await ctx.payload.update({
      collection: 'articles',
      id: article.id,
      draft: true,
      data: { title: 'Draft headline', _status: 'draft' },
    })
    expect(titles(await rss('getLatestFeed', 'az'))).toEqual(['Published headline'])
  })

  it('gives items absolute links, dates, stable GUIDs and the channel its own address', async () => {
    const article = await publish({
      title: 'Guid story',
      slug: 'guid-story',
      language: 'ru',
      dek: 'A dek & a <b>tag</b>',
      publishedAt: '2026-11-03T09:30:00Z',
    })
    const before = await rss('getLatestFeed', 'ru')
    const item = before?.items.find((i) => i.title === 'Guid story')
    expect(item).toEqual({
      title: 'Guid story',
      link: `${ORIGIN}/ru/articles/guid-story`,
      guid: `urn:caspiandigest:article:${article.id}`,
      isPermaLink: 'false',
      pubDate: 'Tue, 03 Nov 2026 09:30:00 GMT',
      description: 'A dek & a <b>tag</b>',
      categories: [],
    })
    expect(before?.channel.link).toBe(`${ORIGIN}/ru`)
    expect(before?.channel.language).toBe('ru')
    expect(before?.channel['atom:link']).toMatchObject({
      '@href': `${ORIGIN}/ru/feed.xml`,
      '@rel': 'self',
    })

    await ctx.payload.update({
      collection: 'articles',
      id: article.id,
      data: { title: 'Guid story, corrected' },
    })
    const after = await rss('getLatestFeed', 'ru')
    expect(after?.items.find((i) => i.title === 'Guid story, corrected')?.guid).toBe(item?.guid)
  })

  it('escapes titles so that the XML stays well-formed', async () => {
    await publish({ title: 'Oil & gas: <prices> "rise" ]]> again', language: 'az' })
    expect(titles(await rss('getLatestFeed', 'az'))).toContain(
      'Oil & gas: <prices> "rise" ]]> again',
    )
  })

  it('lists a section with its sub-sections, as main or extra section, and 404s an unknown one', async () => {
    const energy = await ctx.payload.create({
      collection: 'categories',
      data: { name: 'Energy', slug: 'energy-feed' },
    })
    const oil = await ctx.payload.create({
      collection: 'categories',
      data: { name: 'Oil', slug: 'oil-feed', parent: energy.id },
    })
    const offshore = await ctx.payload.create({
      collection: 'categories',
      data: { name: 'Offshore', slug: 'offshore-feed', parent: oil.id },
    })
    const culture = await ctx.payload.create({
      collection: 'categories',
      data: { name: 'Culture', slug: 'culture-feed' },
    })
    await publish({ title: 'In Energy', category: energy.id })
    await publish({ title: 'In Offshore', category: offshore.id })
    await publish({ title: 'Also in Oil', category: culture.id, categories: [oil.id] })
    await publish({ title: 'In Culture', category: culture.id })
    await createArticle(ctx.payload, { title: 'Energy draft', category: energy.id })
    await publish({ title: 'Energy in Russian', category: energy.id, language: 'ru' })

    const energyFeed = await rss('getSectionFeed', 'en', 'energy-feed')
    expect(new Set(titles(energyFeed))).toEqual(
      new Set(['In Energy', 'In Offshore', 'Also in Oil']),
    )
    expect(energyFeed?.channel.link).toBe(`${ORIGIN}/en/section/energy-feed`)
    expect(energyFeed?.items.find((i) => i.title === 'In Offshore')?.categories).toEqual([
      'Offshore',
    ])
    const oilFeed = await rss('getSectionFeed', 'en', 'oil-feed')
    expect(new Set(titles(oilFeed))).toEqual(new Set(['In Offshore', 'Also in Oil']))
    expect(oilFeed?.channel.link).toBe(`${ORIGIN}/en/section/energy-feed/oil-feed`)
    expect(titles(await rss('getSectionFeed', 'ru', 'energy-feed'))).toEqual(['Energy in Russian'])
    expect(await rss('getSectionFeed', 'en', 'no-such-section')).toBeNull()
  })

  it("lists an author's published articles and 404s an unknown author", async () => {
    const leyla = await ctx.payload.create({
      collection: 'authors',
      data: { name: 'Leyla Feedwriter', slug: 'leyla-feedwriter' },
    })
    const other = await ctx.payload.create({
      collection: 'authors',
      data: { name: 'Someone Else', slug: 'someone-else-feed' },
    })
    await publish({ title: 'By Leyla', authors: [leyla.id] })
    await publish({ title: 'By both', authors: [other.id, leyla.id] })
    await publish({ title: 'By someone else', authors: [other.id] })
    await createArticle(ctx.payload, { title: 'Leyla draft', authors: [leyla.id] })

    const feed = await rss('getAuthorFeed', 'en', 'leyla-feedwriter')
    expect(new Set(titles(feed))).toEqual(new Set(['By Leyla', 'By both']))
    expect(feed?.channel.title).toContain('Leyla Feedwriter')
    expect(feed?.channel.link).toBe(`${ORIGIN}/en/authors/leyla-feedwriter`)
    expect(await rss('getAuthorFeed', 'en', 'nobody')).toBeNull()
  })

  it('answers RSS with its content type, and 404 for a missing feed', async () => {
    const { getLatestFeed, rssResponse } = await data()
    const response = rssResponse(await getLatestFeed({ language: 'en' }))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8')
    expect(parseRss(await response.text()).items.length).toBeGreaterThan(0)
    expect(rssResponse(null).status).toBe(404)
  })
})
