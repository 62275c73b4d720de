import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { browserTestsEnabled, launchBrowser } from '../helpers/browser'
import { login } from '../helpers/http'
import { parseRss, parseSitemapIndex, parseUrlset } from '../helpers/xml'

const baseURL = inject('baseURL')
const get = (pathname: string, init?: RequestInit) => fetch(`${baseURL}${pathname}`, init)
const text = async (pathname: string) => {
  const response = await get(pathname)
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: await response.text(),
  }
}

/**
 * Article pages belong to the public-site pages (another branch). Where the build has them,
 * every feed link must open one; without them, only the REST API can vouch for the links.
 */
const manifest = path.resolve(import.meta.dirname, '../../.next/server/app-paths-manifest.json')
const articlePagesBuilt =
  existsSync(manifest) &&
  Object.keys(JSON.parse(readFileSync(manifest, 'utf8')) as object).some((page) =>
    page.includes('/[lang]/articles/[slug]/page'),
  )

/** Logs in over REST; the headers of a JSON request as that person. */
const jsonLogin = async (email: string, password: string) => ({
  ...(await login(email, password)),
  'content-type': 'application/json',
})

type ApiArticle = { id: number; slug: string; title: string; language: string; _status?: string }

/** Published articles as an anonymous API reader sees them. */
const publishedArticles = async (language: string) => {
  const response = await get(
    `/api/articles?where[language][equals]=${language}&limit=500&depth=0&sort=-publishedAt`,
  )
  return ((await response.json()) as { docs: ApiArticle[] }).docs
}

/**
 * The articles never published, as an editor lists them: the documents themselves (not their
 * newest versions), so a published article with a pending draft, which other tests on this
 * server leave behind, is not one of them.
 */
const seededDrafts = async () => {
  const headers = await jsonLogin('editor@caspiandigest.example', 'demo-editor')
  const response = await get('/api/articles?where[_status][equals]=draft&limit=1000&depth=0', {
    headers,
  })
  const { docs } = (await response.json()) as { docs: ApiArticle[] }
  expect(docs.length).toBeGreaterThanOrEqual(2)
  return docs
}

describe('RSS feeds of the running app', () => {
  it('serves /en/feed.xml as RSS 2.0 of the published English articles, newest first', async () => {
    const feed = await text('/en/feed.xml')
    expect(feed.status).toBe(200)
    expect(feed.type).toBe('application/rss+xml; charset=utf-8')
    const { channel, items } = parseRss(feed.body)
    expect(channel.link).toBe(`${baseURL}/en`)
    expect(channel.language).toBe('en')

    const published = await publishedArticles('en')
    expect(items.length).toBe(Math.min(published.length, 50))
    expect(items.map((item) => item.link)).toEqual(
      published.slice(0, 50).map((article) => `${baseURL}/en/articles/${article.slug}`),
    )
    expect(items.map((item) => item.guid)).toEqual(
      published.slice(0, 50).map((article) => `urn:caspiandigest:article:${article.id}`),
    )
    const drafts = new Set((await seededDrafts()).map((draft) => draft.title))
    expect(items.some((item) => drafts.has(item.title))).toBe(false)
  })

  it.runIf(articlePagesBuilt)(
    'links every feed item to an article page that answers 200',
    async () => {
      const { items } = parseRss((await text('/en/feed.xml')).body)
      expect(items.length).toBeGreaterThan(0)
      for (const item of items) {
        expect(item.link.startsWith(`${baseURL}/en/articles/`), item.link).toBe(true)
        expect((await fetch(item.link)).status, item.link).toBe(200)
      }
    },
  )

  it('serves section feeds with their sub-sections, author feeds, and 404 for unknown ones', async () => {
    const news = await text('/en/feed/section/news')
    expect(news.status).toBe(200)
    expect(news.type).toBe('application/rss+xml; charset=utf-8')
    const newsItems = parseRss(news.body).items
    const economy = parseRss((await text('/en/feed/section/economy')).body).items
    expect(economy.length).toBeGreaterThan(0)
    // Economy is a sub-section of News: its stories are in the News feed too.
    const newsLinks = new Set(newsItems.map((item) => item.link))
    for (const item of economy) expect(newsLinks.has(item.link), item.link).toBe(true)

    const author = await text('/az/feed/author/newsroom-desk')
    expect(author.status).toBe(200)
    expect(parseRss(author.body).channel.language).toBe('az')

    for (const missing of [
      '/en/feed/section/no-such-section',
      '/en/feed/author/no-such-author',
      '/xx/feed.xml',
    ]) {
      expect((await get(missing)).status, missing).toBe(404)
    }
  })
})

describe('sitemaps and robots.txt of the running app', () => {
  it('serves /sitemap.xml as a sitemap index whose child sitemaps all parse', async () => {
    const index = await text('/sitemap.xml')
    expect(index.status).toBe(200)
    expect(index.type).toContain('xml')
    const children = parseSitemapIndex(index.body).map((child) => child.loc)
    expect(children).toEqual(
      expect.arrayContaining([
        `${baseURL}/sitemaps/articles-en.xml`,
        `${baseURL}/sitemaps/articles-az.xml`,
        `${baseURL}/sitemaps/articles-ru.xml`,
        `${baseURL}/sitemaps/sections.xml`,
        `${baseURL}/sitemaps/news.xml`,
      ]),
    )
    for (const child of children) {
      const response = await fetch(child)
      expect(response.status, child).toBe(200)
      parseUrlset(await response.text())
    }
  })

  it('lists every published article of a language and no draft in its sitemap', async () => {
    const { entries } = parseUrlset((await text('/sitemaps/articles-az.xml')).body)
    const locs = entries.map((entry) => entry.loc).sort()
    const published = await publishedArticles('az')
    expect(locs).toEqual(published.map((a) => `${baseURL}/az/articles/${a.slug}`).sort())
    const draftSlugs = (await seededDrafts()).filter((d) => d.language === 'az').map((d) => d.slug)
    expect(draftSlugs.length).toBeGreaterThan(0)
    for (const slug of draftSlugs) expect(locs).not.toContain(`${baseURL}/az/articles/${slug}`)
    expect((await get('/sitemaps/articles-en-99.xml')).status).toBe(404)
    expect((await get('/sitemaps/users.xml')).status).toBe(404)
  })

  it('serves robots.txt allowing the site, keeping crawlers out of admin, API and preview', async () => {
    const robots = await text('/robots.txt')
    expect(robots.status).toBe(200)
    expect(robots.type).toContain('text/plain')
    const lines = robots.body.split('\n').map((line) => line.trim())
    expect(lines).toEqual(
      expect.arrayContaining([
        'User-Agent: *',
        'Allow: /',
        'Disallow: /admin',
        'Disallow: /api',
        'Disallow: /next/',
        `Sitemap: ${baseURL}/sitemap.xml`,
      ]),
    )
  })
})

describe('the search page of the running app', () => {
  it('finds a published article by a word of its title and highlights it', async () => {
    const page = await text('/en/search?q=telemedicine')
    expect(page.status).toBe(200)
    expect(page.body).toMatch(/<form[^>]*role="search"/)
    expect(page.body).toMatch(/<label[^>]*for="search-q"/)
    expect(page.body).toMatch(
      /<input[^>]*id="search-q"[^>]*name="q"|<input[^>]*name="q"[^>]*id="search-q"/,
    )
    expect(page.body).toContain('href="/en/articles/ganja-hospital-opens-telemedicine-centre"')
    expect(page.body).toContain('<mark>telemedicine</mark>')
  })

  it('searches in the language of the page, with Russian word forms', async () => {
    const ru = await text(`/ru/search?q=${encodeURIComponent('тюлень')}`)
    expect(ru.body).toContain('href="/ru/articles/volontery-uchatsya-schitat-kaspiyskikh-tyuleney"')
    const az = await text(`/az/search?q=${encodeURIComponent('günəş parkı')}`)
    expect(az.body).toContain(
      'href="/az/articles/imisli-gunes-parki-sebekeye-enerji-vermeye-basladi"',
    )
    const en = await text(`/en/search?q=${encodeURIComponent('тюлень')}`)
    expect(en.body).not.toContain('/articles/volontery')
  })

  it('never shows a draft', async () => {
    const drafts = await seededDrafts()
    const draft = drafts.find((d) => d.language === 'en')
    expect(draft).toBeDefined()
    const page = await text(`/en/search?q=${encodeURIComponent(draft!.title)}`)
    expect(page.status).toBe(200)
    expect(page.body).not.toContain(`/en/articles/${draft!.slug}"`)
  })

  it('shows the prompt for an empty query and the no-results state, and 404 for an unknown language', async () => {
    expect((await text('/en/search')).body).toContain('Type a word or a phrase to search')
    const none = await text('/en/search?q=qwxzvbnotaword')
    expect(none.status).toBe(200)
    expect(none.body).toContain('No articles match “qwxzvbnotaword”.')
    expect((await text('/ru/search?q=qwxzvbnotaword')).body).toContain('ничего не найдено')
    expect((await get('/xx/search?q=baku')).status).toBe(404)
  })
})

describe('publishing and unpublishing through the REST API', () => {
  it('shows a published article in the feed, search and News sitemap on the next request, and removes it on unpublish', async () => {
    const headers = await jsonLogin('editor@caspiandigest.example', 'demo-editor')
    const word = `Quokkavale${Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')}`
    const title = `${word} ferry terminal opens`
    const inFeed = async () => (await text('/en/feed.xml')).body.includes(title)
    const inSearch = async () => (await text(`/en/search?q=${word}`)).body.includes('<mark>')
    const inNews = async (slug: string) =>
      (await text('/sitemaps/news.xml')).body.includes(`/en/articles/${slug}<`)

    // Warm the caches first, so that what follows proves they are expired, not cold.
    expect(await inFeed()).toBe(false)
    expect(await inSearch()).toBe(false)

    // The pre-publish checklist wants a hero image, a section and a byline: borrowed from a
    // published story.
    const model = (
      (await (await get('/api/articles?where[language][equals]=en&limit=1&depth=0')).json()) as {
        docs: { heroImage: number; category: number; authors: number[] }[]
      }
    ).docs[0]
    const created = await get('/api/articles', {
      method: 'POST',
      headers,
      body: JSON.stringify({
        title,
        language: 'en',
        _status: 'published',
        dek: 'A new berth.',
        heroImage: model.heroImage,
        category: model.category,
        authors: model.authors,
      }),
    })
    expect(created.status).toBe(201)
    const { doc } = (await created.json()) as { doc: ApiArticle }
    // No waiting and no retries: the publish expired the cached feed before it answered.
    expect(await inFeed()).toBe(true)
    expect(await inSearch()).toBe(true)
    expect(await inNews(doc.slug)).toBe(true)
    const item = parseRss((await text('/en/feed.xml')).body).items.find((i) => i.title === title)
    expect(item?.guid).toBe(`urn:caspiandigest:article:${doc.id}`)

    const unpublished = await get(`/api/articles/${doc.id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ _status: 'draft' }),
    })
    expect(unpublished.status).toBe(200)
    expect(await inFeed()).toBe(false)
    expect(await inSearch()).toBe(false)
    expect(await inNews(doc.slug)).toBe(false)
  })
})

describe.runIf(browserTestsEnabled)('the search page in a real browser', () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(() => browser?.close())

  it('searches from the labelled field and shows results, then the no-results state', async () => {
    const page = await (await browser.newContext(baseURL)).newPage()
    expect((await page.goto('/en/search'))?.status()).toBe(200)
    await page.getByLabel('Search articles').fill('overnight bus')
    await page.getByLabel('Search articles').press('Enter')
    await page.waitForURL((url) => url.searchParams.get('q') === 'overnight bus')
    const first = page.locator('main ol li h2 a').first()
    await expect(first.getAttribute('href')).resolves.toBe(
      '/en/articles/baku-pilots-overnight-bus-network',
    )
    expect(await page.locator('main ol mark').count()).toBeGreaterThan(0)

    await page.getByLabel('Search articles').fill('qwxzvbnotaword')
    await page.getByRole('button', { name: 'Search' }).click()
    await page.waitForURL((url) => url.searchParams.get('q') === 'qwxzvbnotaword')
    await expect(page.getByRole('status').textContent()).resolves.toContain('No articles match')
    expect(await page.locator('main ol li').count()).toBe(0)
  })
})
