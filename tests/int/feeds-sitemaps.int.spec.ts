import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createArticle } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { parseSitemapIndex, parseUrlset } from '../helpers/xml'

// src/data imports the Payload config, which reads DATABASE_URL when loaded: import it after
// createTestPayload() has pointed DATABASE_URL at this file's database.
const data = () => import('@/data/sitemaps')
const ORIGIN = 'https://news.example'
const HOUR = 60 * 60 * 1000
const ago = (ms: number) => new Date(Date.now() - ms).toISOString()

describe('sitemaps', () => {
  let ctx: TestPayload
  const locs = (entries: { path: string }[] | null) => entries?.map((entry) => entry.path)

  beforeAll(async () => {
    ctx = await createTestPayload()
    process.env.SERVER_URL = ORIGIN
  })
  afterAll(() => ctx?.teardown())

  it('indexes the article sitemap of each language and the other child sitemaps', async () => {
    const { getSitemapIndex, renderSitemapIndex } = await data()
    const index = parseSitemapIndex(await renderSitemapIndex(await getSitemapIndex()))
    expect(index.map((child) => child.loc)).toEqual([
      `${ORIGIN}/sitemaps/articles-en.xml`,
      `${ORIGIN}/sitemaps/articles-az.xml`,
      `${ORIGIN}/sitemaps/articles-ru.xml`,
      `${ORIGIN}/sitemaps/sections.xml`,
      `${ORIGIN}/sitemaps/authors.xml`,
      `${ORIGIN}/sitemaps/tags.xml`,
      `${ORIGIN}/sitemaps/pages.xml`,
      `${ORIGIN}/sitemaps/news.xml`,
    ])
  })

  it('reads child sitemap names and refuses unknown ones', async () => {
    const { parseSitemapName, sitemapPath } = await data()
    expect(parseSitemapName('articles-az.xml')).toEqual({
      kind: 'articles',
      language: 'az',
      page: 1,
    })
    expect(parseSitemapName('articles-ru-3.xml')).toEqual({
      kind: 'articles',
      language: 'ru',
      page: 3,
    })
    expect(parseSitemapName('news.xml')).toEqual({ kind: 'news' })
    for (const bad of ['articles-de.xml', 'articles-en-0.xml', 'users.xml', 'news', '../x.xml']) {
      expect(parseSitemapName(bad), bad).toBeNull()
    }
    expect(sitemapPath({ kind: 'articles', language: 'en', page: 2 })).toBe(
      '/sitemaps/articles-en-2.xml',
    )
  })

  it("lists a language's published articles only, with absolute URLs", async () => {
    const { getArticleSitemap, renderUrlset } = await data()
    const publishedAt = '2026-01-05T10:00:00Z'
    await createArticle(ctx.payload, {
      status: 'published',
      title: 'Sitemap one',
      slug: 'sm-one',
      publishedAt,
    })
    await createArticle(ctx.payload, { title: 'Sitemap draft', slug: 'sm-draft' })
    const gone = await createArticle(ctx.payload, {
      status: 'published',
      title: 'Sitemap gone',
      slug: 'sm-gone',
      publishedAt,
    })
    await ctx.payload.update({ collection: 'articles', id: gone.id, data: { _status: 'draft' } })
    await createArticle(ctx.payload, {
      status: 'published',
      title: 'Sitemap az',
      slug: 'sm-az',
      language: 'az',
      publishedAt,
    })

    const en = await getArticleSitemap({ language: 'en', page: 1 })
    expect(locs(en)).toEqual(['/en/articles/sm-one'])
    expect(locs(await getArticleSitemap({ language: 'az', page: 1 }))).toEqual([
      '/az/articles/sm-az',
    ])
    expect(await getArticleSitemap({ language: 'en', page: 2 })).toBeNull()

    const { entries } = parseUrlset(await renderUrlset(en ?? []))
    expect(entries).toHaveLength(1)
    expect(entries[0].loc).toBe(`${ORIGIN}/en/articles/sm-one`)
    expect(entries[0].lastmod).toMatch(/^\d{4}-\d{2}-\d{2}T/)
  })

  it('splits a language into as many article sitemaps as it needs, oldest first', async () => {
    const { getArticleSitemap, getSitemapIndex } = await data()
    for (const [i, slug] of ['paged-a', 'paged-b', 'paged-c'].entries()) {
      await createArticle(ctx.payload, {
        status: 'published',
        language: 'ru',
        title: `Paged ${slug}`,
        slug,
        publishedAt: `2026-02-0${i + 1}T10:00:00Z`,
      })
    }
    const index = (await getSitemapIndex({ perSitemap: 2 })).map((ref) => ref.path)
    expect(index.filter((p) => p.startsWith('/sitemaps/articles-ru'))).toEqual([
      '/sitemaps/articles-ru.xml',
      '/sitemaps/articles-ru-2.xml',
    ])
    expect(locs(await getArticleSitemap({ language: 'ru', page: 1, perSitemap: 2 }))).toEqual([
      '/ru/articles/paged-a',
      '/ru/articles/paged-b',
    ])
    expect(locs(await getArticleSitemap({ language: 'ru', page: 2, perSitemap: 2 }))).toEqual([
      '/ru/articles/paged-c',
    ])
    expect(await getArticleSitemap({ language: 'ru', page: 3, perSitemap: 2 })).toBeNull()
  })

  it('lists only articles published in the last 48 hours in the News sitemap', async () => {
    const { getNewsSitemap, isRecentNews, renderUrlset } = await data()
    await createArticle(ctx.payload, {
      status: 'published',
      title: 'Fresh news',
      slug: 'fresh-news',
      language: 'ru',
      publishedAt: ago(2 * HOUR),
    })
    await createArticle(ctx.payload, {
      status: 'published',
      title: 'Yesterday news',
      slug: 'yesterday-news',
      publishedAt: ago(40 * HOUR),
    })
    await createArticle(ctx.payload, {
      status: 'published',
      title: 'Stale news',
      slug: 'stale-news',
      publishedAt: ago(50 * HOUR),
    })
    await createArticle(ctx.payload, {
      title: 'Draft news',
      slug: 'draft-news',
      publishedAt: ago(1 * HOUR),
    })

    const { entries: news } = await getNewsSitemap()
    expect(locs(news)).toEqual(['/ru/articles/fresh-news', '/en/articles/yesterday-news'])

    const { attributes, entries } = parseUrlset(
      await renderUrlset(news, { publicationName: 'Caspian Digest' }),
    )
    expect(attributes['@xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9')
    expect(entries[0]).toMatchObject({
      loc: `${ORIGIN}/ru/articles/fresh-news`,
      news: { name: 'Caspian Digest', language: 'ru', title: 'Fresh news' },
    })
    expect(Date.parse(entries[0].news?.publicationDate ?? '')).toBeGreaterThan(
      Date.now() - 3 * HOUR,
    )

    // Served later from cache, an entry leaves the window on time.
    const inTenHours = new Date(Date.now() + 10 * HOUR)
    expect(news.filter((entry) => isRecentNews(entry, inTenHours)).map((e) => e.path)).toEqual([
      '/ru/articles/fresh-news',
    ])
  })

  it('lists nested sections, authors and tags in every language with hreflang alternates', async () => {
    const { getAuthorSitemap, getSectionSitemap, getTagSitemap, renderUrlset } = await data()
    const news = await ctx.payload.create({
      collection: 'categories',
      data: { name: 'News', slug: 'sm-news' },
    })
    await ctx.payload.create({
      collection: 'categories',
      data: { name: 'Economy', slug: 'sm-economy', parent: news.id },
    })
    await ctx.payload.create({ collection: 'authors', data: { name: 'Sm Author', slug: 'sm-a' } })
    await ctx.payload.create({ collection: 'tags', data: { name: 'Sm tag', slug: 'sm-tag' } })

    const sections = await getSectionSitemap()
    expect(locs(sections)).toEqual(
      expect.arrayContaining(['/en/section/sm-news/sm-economy', '/az/section/sm-news/sm-economy']),
    )
    expect(locs(await getAuthorSitemap())).toEqual(
      expect.arrayContaining(['/en/authors/sm-a', '/az/authors/sm-a', '/ru/authors/sm-a']),
    )
    expect(locs(await getTagSitemap())).toEqual(expect.arrayContaining(['/ru/tags/sm-tag']))

    const { entries } = parseUrlset(await renderUrlset(sections))
    const economyAz = entries.find((e) => e.loc === `${ORIGIN}/az/section/sm-news/sm-economy`)
    expect(economyAz?.alternates).toEqual([
      { hreflang: 'en', href: `${ORIGIN}/en/section/sm-news/sm-economy` },
      { hreflang: 'az', href: `${ORIGIN}/az/section/sm-news/sm-economy` },
      { hreflang: 'ru', href: `${ORIGIN}/ru/section/sm-news/sm-economy` },
      { hreflang: 'x-default', href: `${ORIGIN}/en/section/sm-news/sm-economy` },
    ])
  })

  it('lists published static pages only', async () => {
    const { getPageSitemap } = await data()
    await ctx.payload.create({
      collection: 'pages',
      data: { title: 'Who we are', slug: 'sm-who-we-are', _status: 'published' },
    })
    await ctx.payload.create({
      collection: 'pages',
      draft: true,
      data: { title: 'Secret page', slug: 'sm-secret', _status: 'draft' },
    })
    const paths = locs(await getPageSitemap())
    expect(paths).toEqual(
      expect.arrayContaining(['/en/pages/sm-who-we-are', '/ru/pages/sm-who-we-are']),
    )
    expect(paths?.some((path) => path.includes('sm-secret'))).toBe(false)
  })

  it('writes a valid empty <urlset> when there is nothing to list', async () => {
    const { renderUrlset } = await data()
    expect(parseUrlset(await renderUrlset([])).entries).toEqual([])
  })
})
