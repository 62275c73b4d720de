import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { browserTestsEnabled, launchBrowser, adminLogIn } from '../helpers/browser'
import { call, login, createArticleOverRest, type Headers } from '../helpers/http'
import { nginxBinary, startProxy } from '../helpers/proxy'

/**
 * Redirects against the production build, through the production nginx config: a published
 * article whose slug changes over REST answers at its old address (in az too) with Next's 308
 * from the page's not-found path (from Next's cache on the next request) and, through nginx, a
 * 301 with the query string kept; a redirect written after a 404 was cached takes effect, and a
 * removed one gives the 404 back (the `redirects` tag); a renamed tag's page moves; a chain made
 * by hand answers one 301 to its end; an old site's address is answered by the request proxy; a
 * redirect an editor adds in the admin works at once; authors are refused on REST, GraphQL and
 * the admin; and sitemaps and feeds list only the new address. Every article and redirect here
 * has a unique address: other specs share the server.
 */
const baseURL = inject('baseURL')
const stamp = Date.now().toString(36)

let proxy: Awaited<ReturnType<typeof startProxy>>
let editor: Headers
let author: Headers
let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined

/** One request that does not follow redirects: its status, Location and cache headers. */
/**
 * The Location of an answer. Next 16.4 sends the header twice, the same value both times, on the
 * render that first answers a page's 308 (it sets it while rendering, then appends the cache
 * entry's headers: `app-page-runtime.js`); browsers follow identical values and nginx reads the
 * first. Two different values would be an error, and stay visible here.
 */
const singleLocation = (value: string | null) =>
  value === null ? null : [...new Set(value.split(', '))].join(', ')

const head = async (base: string, path: string) => {
  const response = await fetch(`${base}${path}`, {
    redirect: 'manual',
    signal: AbortSignal.timeout(10_000),
  })
  await response.arrayBuffer()
  return {
    status: response.status,
    location: singleLocation(response.headers.get('location')),
    cacheControl: response.headers.get('cache-control'),
    nextCache: response.headers.get('x-nextjs-cache'),
  }
}

/**
 * Polls `path` through `base` until it answers `status` (301 by default: nginx's and the request
 * proxy's; Next's pages answer 308); the answer and how long it took.
 */
const movedWithin = async (
  base: string,
  path: string,
  timeoutMs: number,
  status = 301,
  location?: string,
) => {
  const started = Date.now()
  for (;;) {
    const answer = await head(base, path)
    const arrived = answer.status === status && (!location || answer.location === location)
    if (arrived || Date.now() - started > timeoutMs) {
      return { ...answer, ms: Date.now() - started }
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** What nginx sends with its 301: browsers must ask again, never keep it. */
const NOT_KEPT = 'public, max-age=0, must-revalidate'

/** A published article of our own, in `language`, made by the editor over REST. */
const publishArticle = (language: 'en' | 'az', title: string) =>
  createArticleOverRest(editor, { title, language, dek: 'A story whose address changes.' })

const renameArticle = async (id: number, slug: string) => {
  const answer = await call(`/api/articles/${id}`, {
    method: 'PATCH',
    headers: editor,
    body: { slug },
  })
  expect(answer.status).toBe(200)
}

const graphql = (query: string, headers: Headers = {}) =>
  call('/api/graphql', { method: 'POST', headers, body: { query } })

beforeAll(async () => {
  proxy = await startProxy(new URL(baseURL).host, inject('proxyRefreshPort'))
  editor = await login('editor@caspiandigest.example', 'demo-editor')
  author = await login('author@caspiandigest.example', 'demo-author')
  if (browserTestsEnabled) browser = await launchBrowser()
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await proxy?.stop()
})

describe.runIf(nginxBinary)('redirects, through the proxy', () => {
  it("answers a renamed article's old address: 308 from Next (cached), 301 with the query through nginx, in az too", async () => {
    for (const language of ['en', 'az'] as const) {
      const article = await publishArticle(language, `Moving story ${language} ${stamp}`)
      const oldPath = `/${language}/articles/${article.slug}`
      const newSlug = `${article.slug}-moved`
      const newPath = `/${language}/articles/${newSlug}`
      expect((await head(proxy.url, oldPath)).status).toBe(200)
      await renameArticle(article.id, newSlug)
      const moved = await movedWithin(proxy.url, oldPath, 5000)
      expect(moved.status, language).toBe(301)
      expect(moved.location).toBe(newPath)
      expect(moved.cacheControl).toBe(NOT_KEPT)
      expect(moved.ms).toBeLessThan(3000)
      // The query string is kept through nginx, a second time from nginx's copy too.
      for (let i = 0; i < 2; i++) {
        const withQuery = await head(proxy.url, `${oldPath}?utm_source=mail&x=1`)
        expect(withQuery.status).toBe(301)
        expect(withQuery.location).toBe(`${newPath}?utm_source=mail&x=1`)
        expect(withQuery.cacheControl).toBe(NOT_KEPT)
      }
      // Next alone: the page's 308, rendered once, then from Next's cache with the same answer.
      const first = await head(baseURL, oldPath)
      const again = await head(baseURL, oldPath)
      console.log(
        `Next's 308: x-nextjs-cache ${first.nextCache} then ${again.nextCache}; Cache-Control: ${again.cacheControl}`,
      )
      for (const answer of [first, again]) {
        expect(answer.status).toBe(308)
        expect(answer.location).toBe(newPath)
      }
      expect(again.nextCache).toBe('HIT')
      expect((await head(proxy.url, newPath)).status).toBe(200)
    }
  })

  it('takes a redirect written after the 404 was cached, and gives the 404 back when it is removed', async () => {
    const from = `/en/pages/later-${stamp}`
    // The 404, cached by Next (ISR) and by nginx.
    for (let i = 0; i < 2; i++) {
      expect((await head(baseURL, from)).status).toBe(404)
      expect((await head(proxy.url, from)).status).toBe(404)
    }
    const made = await call('/api/redirects', {
      method: 'POST',
      headers: editor,
      body: { from, to: '/en' },
    })
    expect(made.status).toBe(201)
    const onNext = await movedWithin(baseURL, from, 5000, 308)
    expect(onNext.status).toBe(308)
    expect(onNext.location).toBe('/en')
    const throughNginx = await movedWithin(proxy.url, `${from}?ref=later`, 5000)
    expect(throughNginx.status).toBe(301)
    expect(throughNginx.location).toBe('/en?ref=later')
    const id = (made.json.doc as { id: number }).id
    expect((await call(`/api/redirects/${id}`, { method: 'DELETE', headers: editor })).status).toBe(
      200,
    )
    expect((await movedWithin(baseURL, from, 5000, 404)).status).toBe(404)
    expect((await movedWithin(proxy.url, from, 5000, 404)).status).toBe(404)
  })

  it("moves a renamed tag's page: 308 from Next, 301 through nginx", async () => {
    const slug = `moving-topic-${stamp}`
    const made = await call('/api/tags', {
      method: 'POST',
      headers: editor,
      body: { name: `Moving topic ${stamp}`, slug },
    })
    expect(made.status).toBe(201)
    const id = (made.json.doc as { id: number }).id
    expect((await head(proxy.url, `/ru/tags/${slug}`)).status).toBe(200)
    const renamed = await call(`/api/tags/${id}`, {
      method: 'PATCH',
      headers: editor,
      body: { slug: `${slug}-moved` },
    })
    expect(renamed.status).toBe(200)
    const moved = await movedWithin(proxy.url, `/ru/tags/${slug}`, 5000)
    expect(moved.status).toBe(301)
    expect(moved.location).toBe(`/ru/tags/${slug}-moved`)
    expect((await head(baseURL, `/ru/tags/${slug}`)).status).toBe(308)
  })

  it('sends A straight to C after A → B and B → C: one 301', async () => {
    const [a, b, c] = ['a', 'b', 'c'].map((x) => `/en/pages/chain-${x}-${stamp}`) as [
      string,
      string,
      string,
    ]
    for (const [from, to] of [
      [a, b],
      [b, c],
    ]) {
      const made = await call('/api/redirects', {
        method: 'POST',
        headers: editor,
        body: { from, to },
      })
      expect(made.status).toBe(201)
    }
    // nginx may hold A → B for a moment (fetched again after the first write) before A → C.
    const moved = await movedWithin(proxy.url, a, 5000, 301, c)
    expect(moved.status).toBe(301)
    expect(moved.location).toBe(c)
    expect(moved.ms).toBeLessThan(3000)
    expect((await head(baseURL, a)).location).toBe(c)
  })

  it('lists only the new address in sitemaps and feeds', async () => {
    const article = await publishArticle('en', `Listed story ${stamp}`)
    const newSlug = `${article.slug}-listed`
    await renameArticle(article.id, newSlug)
    const sitemap = await (await fetch(`${baseURL}/sitemaps/articles-en.xml`)).text()
    const feed = await (await fetch(`${baseURL}/en/feed.xml`)).text()
    for (const text of [sitemap, feed]) {
      expect(text).toContain(`/en/articles/${newSlug}<`)
      expect(text).not.toContain(`/en/articles/${article.slug}<`)
    }
  })

  it('refuses authors and anonymous readers on REST and GraphQL, and answers editors', async () => {
    const from = `/old/${stamp}/gql.html`
    const made = await call('/api/redirects', {
      method: 'POST',
      headers: editor,
      body: { from, to: '/en' },
    })
    expect(made.status).toBe(201)
    for (const headers of [author, {}]) {
      expect((await call('/api/redirects', { headers })).status).toBe(403)
      const created = await call('/api/redirects', {
        method: 'POST',
        headers,
        body: { from: `/old/${stamp}/sneaky`, to: '/en' },
      })
      expect(created.status).toBe(403)
      const read = await graphql('{ Redirects { docs { from to } } }', headers)
      expect(JSON.stringify(read.json)).not.toContain(from)
      expect((read.json.errors as unknown[] | undefined)?.length).toBeGreaterThan(0)
      const mutation = await graphql(
        `mutation { createRedirect(data: { from: "/old/${stamp}/gql-sneaky", to: "/en" }) { id } }`,
        headers,
      )
      expect((mutation.json.errors as unknown[] | undefined)?.length).toBeGreaterThan(0)
    }
    const asEditor = await graphql(
      `{ Redirects(where: { from: { equals: "${from}" } }) { docs { from to origin } } }`,
      editor,
    )
    expect(JSON.stringify(asEditor.json.data)).toContain(from)
    // An old site's address outside the language prefixes: the request proxy's 301, on Next
    // alone and through nginx, the query string kept.
    const moved = await movedWithin(proxy.url, from, 5000)
    expect(moved.status).toBe(301)
    expect(moved.location).toBe('/en')
    const onNext = await head(baseURL, `${from}?id=5`)
    expect(onNext.status).toBe(301)
    expect(onNext.location).toBe('/en?id=5')
    expect(onNext.cacheControl).toBe(NOT_KEPT)
  })
})

describe.runIf(nginxBinary && browserTestsEnabled)('redirects in the admin', () => {
  it('lets an editor add one by hand, which then answers 301 through the proxy', async () => {
    const context = await browser!.newContext(baseURL)
    const page = await context.newPage()
    try {
      await adminLogIn(page, 'editor@caspiandigest.example', 'demo-editor', { timeout: 60_000 })
      await page.goto('/admin/collections/redirects/create')
      const from = `/2019/05/by-hand-${stamp}.html`
      await page.locator('#field-from').fill(from)
      await page.locator('#field-to').fill('/az')
      await page.locator('#action-save').click()
      await page.waitForURL((url) => /\/admin\/collections\/redirects\/\d+$/.test(url.pathname), {
        timeout: 30_000,
      })
      await page.goto('/admin/collections/redirects')
      await expect.poll(() => page.locator('body').innerText(), { timeout: 15_000 }).toContain(from)
      const moved = await movedWithin(proxy.url, from, 5000)
      expect(moved.status).toBe(301)
      expect(moved.location).toBe('/az')
      // The list filters by origin: the automatic rows of the renamed article, not this one.
      await page.goto('/admin/collections/redirects?where[origin][equals]=automatic&limit=100')
      await expect
        .poll(() => page.locator('body').innerText(), { timeout: 15_000 })
        .toContain(`moving-story-en-${stamp}`)
      expect(await page.locator('body').innerText()).not.toContain(from)
    } finally {
      await context.close()
    }
  }, 120_000)

  it('shows authors no redirects in the admin', async () => {
    const context = await browser!.newContext(baseURL)
    const page = await context.newPage()
    try {
      await adminLogIn(page, 'author@caspiandigest.example', 'demo-author', { timeout: 60_000 })
      await page.goto('/admin/collections/redirects')
      await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => undefined)
      const text = await page.locator('body').innerText()
      expect(text).not.toContain(`by-hand-${stamp}`)
      expect(text).not.toContain(`chain-a-${stamp}`)
    } finally {
      await context.close()
    }
  }, 120_000)
})
