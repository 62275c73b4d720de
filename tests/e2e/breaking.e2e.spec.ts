import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { adminLogIn, browserTestsEnabled, launchBrowser } from '../helpers/browser'
import { call, login, messageOf, createArticleOverRest, type Headers } from '../helpers/http'
import { nginxBinary, startProxy } from '../helpers/proxy'
import { parseRss, parseXml } from '../helpers/xml'

/**
 * Breaking news against the production build, through the production nginx config: an editor
 * marks a published article (over REST and in the admin in Chromium); the banner of that
 * language shows on another page through the proxy within a second (measured and printed), and
 * not in the other languages; removal and a short expiry take it away; the feed and the News
 * sitemap list it first while marked; authors, translators and anonymous callers are refused on
 * REST, GraphQL and in the admin. Its own articles (unique titles), its own marks, removed at
 * the end.
 */

const baseURL = inject('baseURL')
const stamp = Date.now().toString(36)
/** The admin's first compile of a route can be slow on two cores. */
const SLOW = { timeout: 90_000 }
const ROUTE = '/api/breaking-news'

let proxy: Awaited<ReturnType<typeof startProxy>>
let editor: Headers, admin: Headers, author: Headers, translator: Headers
let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined
let marked: { id: number; slug: string; title: string }
let other: { id: number; slug: string; title: string }
let draftId: number

const createArticle = async (title: string, publish: boolean) => ({
  ...(await createArticleOverRest(editor, { title }, { publish })),
  title,
})

const control = (headers: Headers, id: number, body?: unknown) =>
  call(`${ROUTE}/article/${id}`, { method: body ? 'POST' : 'GET', headers, body })

const graphql = (headers: Headers, query: string) =>
  call('/api/graphql', { method: 'POST', headers, body: { query } })

const breakingJson = async (base: string, lang: string) => {
  const response = await fetch(`${base}/${lang}/breaking.json`, {
    signal: AbortSignal.timeout(10_000),
  })
  return {
    status: response.status,
    headers: response.headers,
    items: ((await response.json()) as { items: { id: number; title: string; url: string }[] })
      .items,
  }
}

/** Polls until `check` holds (through the proxy); the milliseconds it took, or Infinity. */
const within = async (check: () => Promise<boolean>, timeoutMs: number) => {
  const started = Date.now()
  while (Date.now() - started < timeoutMs) {
    if (await check()) return Date.now() - started
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return Infinity
}

const listsMarked = async (lang = 'en') =>
  (await breakingJson(proxy.url, lang)).items.some((item) => item.id === marked.id)

beforeAll(async () => {
  proxy = await startProxy(new URL(baseURL).host, inject('proxyRefreshPort'))
  editor = await login('editor@caspiandigest.example', 'demo-editor')
  admin = await login('admin@caspiandigest.example', 'demo-admin')
  author = await login('author@caspiandigest.example', 'demo-author')
  translator = await login('translator@caspiandigest.example', 'demo-translator')
  marked = await createArticle(`Breaking: bridge closed after landslide ${stamp}`, true)
  other = await createArticle(`Ferry timetable for the winter ${stamp}`, true)
  draftId = (await createArticle(`Unpublished breaking draft ${stamp}`, false)).id
  if (browserTestsEnabled) browser = await launchBrowser()
}, 180_000)

afterAll(async () => {
  for (const id of [marked?.id, other?.id].filter(Boolean)) {
    await call(`${ROUTE}/article/${id}`, {
      method: 'POST',
      headers: editor,
      body: { remove: true },
    }).catch(() => undefined)
  }
  await browser?.close()
  await proxy?.stop()
})

describe.runIf(nginxBinary)('breaking news through the proxy', () => {
  it('shows a mark in its language within a second, first in the feed and the News sitemap, and drops it when removed', async () => {
    // The readers' copies exist before the mark (the proxy serves stale copies while refreshing).
    for (const lang of ['en', 'ru', 'az']) await breakingJson(proxy.url, lang)
    const before = await breakingJson(proxy.url, 'en')
    expect(before.status).toBe(200)
    expect(before.headers.get('set-cookie')).toBeNull()
    expect(before.items.some((item) => item.id === marked.id)).toBe(false)

    const set = await control(editor, marked.id, {})
    expect(set.status, messageOf(set.json)).toBe(200)
    const shown = await within(() => listsMarked(), 5000)
    console.log(`breaking.json through the proxy showed the mark after ${shown} ms`)
    expect(shown).toBeLessThanOrEqual(1000)
    const [first] = (await breakingJson(proxy.url, 'en')).items
    expect(first).toMatchObject({ id: marked.id, url: `/en/articles/${marked.slug}` })
    expect(await listsMarked('ru')).toBe(false)
    expect(await listsMarked('az')).toBe(false)

    // The feed and the News sitemap: first while marked.
    const feedFirst = async () => {
      const xml = await (await fetch(`${proxy.url}/en/feed.xml`)).text()
      const item = parseRss(xml).items[0]
      return item?.title === marked.title && item.categories.includes('breaking')
    }
    expect(await within(feedFirst, 5000)).toBeLessThanOrEqual(3000)
    const newsFirst = async () => {
      const xml = await (await fetch(`${proxy.url}/sitemaps/news.xml`)).text()
      const urls = (parseXml(xml) as { urlset: { url?: { loc: string }[] } }).urlset.url ?? []
      return urls[0]?.loc.endsWith(`/en/articles/${marked.slug}`) === true
    }
    expect(await within(newsFirst, 5000)).toBeLessThanOrEqual(3000)

    const removed = await control(editor, marked.id, { remove: true })
    expect(removed.json).toMatchObject({ mark: null })
    const gone = await within(async () => !(await listsMarked()), 5000)
    console.log(`breaking.json through the proxy dropped the removed mark after ${gone} ms`)
    expect(gone).toBeLessThanOrEqual(1000)
    expect(await within(async () => !(await feedFirst()), 5000)).toBeLessThanOrEqual(3000)
    expect(await within(async () => !(await newsFirst()), 5000)).toBeLessThanOrEqual(3000)
  })

  it('drops the mark of an article unpublished while marked at once', async () => {
    const set = await control(editor, marked.id, {})
    expect(set.status, messageOf(set.json)).toBe(200)
    expect(await within(() => listsMarked(), 5000)).toBeLessThanOrEqual(1000)
    const transition = (name: string) =>
      call(`/api/articles/${marked.id}/transition`, {
        method: 'POST',
        headers: editor,
        body: { transition: name },
      })
    try {
      expect((await transition('unpublish')).status).toBe(200)
      const gone = await within(async () => !(await listsMarked()), 5000)
      console.log(
        `breaking.json through the proxy dropped the unpublished article after ${gone} ms`,
      )
      expect(gone).toBeLessThanOrEqual(1000)
      const anonymous = await fetch(`${proxy.url}/en/breaking.json`)
      expect(await anonymous.text()).not.toContain(marked.title)
    } finally {
      const republished = await transition('publish')
      expect(republished.status, messageOf(republished.json)).toBe(200)
      await control(editor, marked.id, { remove: true })
    }
  })

  it('drops a mark at its expiry, with no event', async () => {
    const expiresAt = new Date(Date.now() + 4000).toISOString()
    const set = await control(editor, marked.id, { expiresAt })
    expect(set.status, messageOf(set.json)).toBe(200)
    expect(await within(() => listsMarked(), 5000)).toBeLessThanOrEqual(1000)
    const wait = new Date(expiresAt).getTime() - Date.now()
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, wait)))
    const gone = await within(async () => !(await listsMarked()), 6000)
    console.log(`breaking.json through the proxy dropped the expired mark ${gone} ms after expiry`)
    // One-second copies, served stale once while the proxy refreshes them: two to three seconds.
    expect(gone).toBeLessThanOrEqual(3000)
    await control(editor, marked.id, { remove: true })
  })

  it('refuses a draft, and refuses authors, translators and anonymous callers on REST and GraphQL', async () => {
    const draft = await control(editor, draftId, {})
    expect(draft.status).toBe(409)
    expect(draft.json.errors).toMatchObject([{ data: { code: 'breaking.notPublished' } }])
    const direct = await call(ROUTE, {
      method: 'POST',
      headers: editor,
      body: { article: draftId },
    })
    expect(direct.status).toBe(409)

    for (const [who, headers] of [
      ['author', author],
      ['translator', translator],
      ['anonymous', {}],
    ] as const) {
      const create = await call(ROUTE, { method: 'POST', headers, body: { article: marked.id } })
      expect([401, 403], who).toContain(create.status)
      const list = await call(ROUTE, { headers })
      expect([401, 403], who).toContain(list.status)
      const viaControl = await control(headers, marked.id, {})
      expect(viaControl.status, who).toBe(who === 'anonymous' ? 401 : 403)
      const query = await graphql(headers, '{ BreakingNewsMarks { docs { id expiresAt } } }')
      expect((query.json.errors as unknown[] | undefined)?.length, who).toBeGreaterThan(0)
      const mutation = await graphql(
        headers,
        `mutation { createBreakingNewsMark(data: { article: ${marked.id} }) { id } }`,
      )
      expect((mutation.json.errors as unknown[] | undefined)?.length, who).toBeGreaterThan(0)
    }
    expect(await listsMarked()).toBe(false)
    const asEditor = await control(editor, marked.id)
    expect(asEditor.json).toMatchObject({ mark: null })

    // Allowed for editors and admins, GraphQL included.
    const created = await graphql(
      admin,
      `mutation { createBreakingNewsMark(data: { article: ${other.id} }) { id language } }`,
    )
    expect(created.json.errors).toBeUndefined()
    const listed = await graphql(editor, '{ BreakingNewsMarks { docs { id language } } }')
    expect(listed.json.errors).toBeUndefined()
    expect(JSON.stringify(listed.json.data)).toContain('"language":"en"')
    const removed = await control(editor, other.id, { remove: true })
    expect(removed.status).toBe(200)
  })
})

describe.runIf(nginxBinary && browserTestsEnabled)('breaking news in Chromium', () => {
  const banner = (page: Page) => page.locator('#breaking-news')

  it('an editor marks an article in the admin; another page of that language shows the banner, the other languages do not', async () => {
    const editorContext = await browser!.newContext(baseURL)
    const readerContext = await browser!.newContext(proxy.url)
    try {
      const page = await editorContext.newPage()
      await adminLogIn(page, 'editor@caspiandigest.example', 'demo-editor', SLOW)
      await page.goto(`/admin/collections/articles/${marked.id}`)
      const panel = page.locator('[data-testid="breaking-control"]')
      await panel.waitFor(SLOW)
      const status = panel.locator('[data-testid="breaking-status"]')
      await expect.poll(() => status.getAttribute('data-breaking'), SLOW).toBe('off')
      await panel.locator('button', { hasText: 'Mark as breaking' }).click()
      await expect.poll(() => status.getAttribute('data-breaking'), SLOW).toBe('on')
      const savedAt = Date.now()

      // Another page of that language, opened fresh by a reader through the proxy.
      const reader = await readerContext.newPage()
      await reader.goto(`/en/articles/${other.slug}`)
      await banner(reader).locator('a', { hasText: marked.title }).waitFor({ timeout: 5000 })
      const ms = Date.now() - savedAt
      console.log(`the banner showed on another English page ${ms} ms after the mark was saved`)
      // A whole page load in Chromium is inside this time; the JSON alone is held to a second
      // above.
      expect(ms).toBeLessThanOrEqual(3000)
      expect(await banner(reader).getAttribute('aria-label')).toBe('Breaking news')
      expect(
        await banner(reader).locator('a', { hasText: marked.title }).getAttribute('href'),
      ).toBe(`/en/articles/${marked.slug}`)
      // No cookie from the banner (NEXT_LOCALE is the site's own language memory, set by its
      // script in the page head).
      const cookies = await readerContext.cookies()
      expect(cookies.filter((cookie) => cookie.name !== 'NEXT_LOCALE')).toEqual([])

      for (const lang of ['ru', 'az']) {
        const elsewhere = await readerContext.newPage()
        await elsewhere.goto(`/${lang}`)
        await elsewhere.waitForLoadState('networkidle')
        expect(await banner(elsewhere).isHidden(), lang).toBe(true)
        await elsewhere.close()
      }

      // The desk lists it.
      await page.goto('/admin/desk')
      await expect
        .poll(() => page.locator('[data-testid="desk-breaking"]').innerText(), SLOW)
        .toContain(marked.title)

      // Removed in the admin: gone for the next reader.
      await page.goto(`/admin/collections/articles/${marked.id}`)
      await expect.poll(() => status.getAttribute('data-breaking'), SLOW).toBe('on')
      await panel.locator('button', { hasText: 'Remove mark' }).click()
      await expect.poll(() => status.getAttribute('data-breaking'), SLOW).toBe('off')
      await new Promise((resolve) => setTimeout(resolve, 1000))
      await reader.goto(`/en/articles/${other.slug}`)
      await reader.waitForLoadState('networkidle')
      expect(await banner(reader).isHidden()).toBe(true)
    } finally {
      await editorContext.close()
      await readerContext.close()
    }
  })

  it('an open page hides the banner at the expiry, without reloading', async () => {
    const readerContext = await browser!.newContext(proxy.url)
    try {
      const expiresAt = new Date(Date.now() + 5000).toISOString()
      expect((await control(editor, marked.id, { expiresAt })).status).toBe(200)
      expect(await within(() => listsMarked(), 5000)).toBeLessThanOrEqual(1000)
      const reader = await readerContext.newPage()
      await reader.goto('/en')
      await banner(reader).waitFor({ state: 'visible', timeout: 5000 })
      await banner(reader).waitFor({ state: 'hidden', timeout: 8000 })
      expect(Date.now()).toBeGreaterThanOrEqual(new Date(expiresAt).getTime())
    } finally {
      await control(editor, marked.id, { remove: true })
      await readerContext.close()
    }
  })

  it('an author sees no control in the admin and cannot open the marks', async () => {
    const context = await browser!.newContext(baseURL)
    try {
      const page = await context.newPage()
      await adminLogIn(page, 'author@caspiandigest.example', 'demo-author', SLOW)
      await page.goto(`/admin/collections/articles/${marked.id}`)
      await page.locator('#workflow-panel[data-stage]').waitFor(SLOW)
      expect(await page.locator('[data-testid="breaking-control"]').count()).toBe(0)
      expect(await page.locator('a[href="/admin/collections/breaking-news"]').count()).toBe(0)
      await page.goto('/admin/collections/breaking-news')
      await page.waitForLoadState('networkidle')
      expect(await page.locator('.collection-list table tbody tr').count()).toBe(0)
      expect(await page.locator('#breaking-mark').count()).toBe(0)
    } finally {
      await context.close()
    }
  })
})
