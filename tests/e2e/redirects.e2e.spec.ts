import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { browserTestsEnabled, launchBrowser, adminLogIn } from '../helpers/browser'
import { call, login, seededChecklistParts, type Headers } from '../helpers/http'
import { nginxBinary, startProxy } from '../helpers/proxy'

/**
 * Redirects against the production build, through the production nginx config: a published
 * article whose slug changes over REST answers 301 at its old address (in az too), a chain made
 * by hand answers one 301 to its end, a redirect an editor adds in the admin works at once,
 * authors are refused on REST, GraphQL and the admin, and sitemaps and feeds list only the new
 * address. Every article and redirect here has a unique address: other specs share the server.
 */
const baseURL = inject('baseURL')
const stamp = Date.now().toString(36)

let proxy: Awaited<ReturnType<typeof startProxy>>
let editor: Headers
let author: Headers
let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined

/** One request that does not follow redirects: its status and Location. */
const head = async (base: string, path: string) => {
  const response = await fetch(`${base}${path}`, {
    redirect: 'manual',
    signal: AbortSignal.timeout(10_000),
  })
  await response.arrayBuffer()
  return { status: response.status, location: response.headers.get('location') }
}

/** Polls `path` through `base` until it answers 301; the answer and how long it took. */
const movedWithin = async (base: string, path: string, timeoutMs: number) => {
  const started = Date.now()
  for (;;) {
    const answer = await head(base, path)
    if (answer.status === 301 || Date.now() - started > timeoutMs) {
      return { ...answer, ms: Date.now() - started }
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** A published article of our own, in `language`, made by the editor over REST. */
const publishArticle = async (language: 'en' | 'az', title: string) => {
  const ready = await seededChecklistParts()
  const created = await call('/api/articles?draft=true', {
    method: 'POST',
    headers: editor,
    body: {
      title,
      language,
      dek: 'A story whose address changes.',
      category: ready!.category,
      authors: ready!.authors,
      heroImage: ready!.heroImage,
    },
  })
  expect(created.status).toBe(201)
  const doc = created.json.doc as { id: number; slug: string }
  const published = await call(`/api/articles/${doc.id}/transition`, {
    method: 'POST',
    headers: editor,
    body: { transition: 'publish' },
  })
  expect(published.status).toBe(200)
  return doc
}

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
  it('answers 301 at the old address of a renamed article, in az too, keeping the query', async () => {
    for (const language of ['en', 'az'] as const) {
      const article = await publishArticle(language, `Moving story ${language} ${stamp}`)
      const oldPath = `/${language}/articles/${article.slug}`
      const newSlug = `${article.slug}-moved`
      expect((await head(proxy.url, oldPath)).status).toBe(200)
      await renameArticle(article.id, newSlug)
      const moved = await movedWithin(proxy.url, oldPath, 5000)
      expect(moved.status, language).toBe(301)
      expect(moved.location).toBe(`/${language}/articles/${newSlug}`)
      expect(moved.ms).toBeLessThan(3000)
      const withQuery = await head(proxy.url, `${oldPath}?utm_source=mail`)
      expect(withQuery.status).toBe(301)
      expect(withQuery.location).toBe(`/${language}/articles/${newSlug}?utm_source=mail`)
      // Next alone answers the same, and the new address is the page.
      expect((await head(baseURL, oldPath)).status).toBe(301)
      expect((await head(proxy.url, `/${language}/articles/${newSlug}`)).status).toBe(200)
    }
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
    const moved = await movedWithin(proxy.url, a, 5000)
    expect(moved.status).toBe(301)
    expect(moved.location).toBe(c)
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
    // An old site's address outside the language prefixes: 301 through the proxy too.
    const moved = await movedWithin(proxy.url, from, 5000)
    expect(moved.status).toBe(301)
    expect(moved.location).toBe('/en')
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
