import { readFile } from 'node:fs/promises'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { call, login, type Headers } from '../helpers/http'
import { nginxBinary, startProxy } from '../helpers/proxy'

const baseURL = inject('baseURL')
const root = path.resolve(import.meta.dirname, '../..')

/** Seeded stories (src/seed/data/articles.ts) that no other test changes. */
const WIND_SLUG = 'offshore-wind-survey-buoy-deployed-in-caspian'
const WIND_EN = `/en/articles/${WIND_SLUG}`
const FERRIES_DRAFT_SLUG = 'caspian-ferries-move-to-online-booking'
/**
 * Publishes as of now: other specs publish articles of their own on the same server, and the
 * draft's seeded date (days ago) would leave it below them on the home page.
 */
const statusBody = (status: string) =>
  status === 'published'
    ? { _status: status, publishedAt: new Date().toISOString() }
    : { _status: status }

const get = (base: string, p: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${p}`, { headers, redirect: 'manual' })

/** Next's draft-mode cookie for this build (what /next/preview sets). */
const draftModeCookie = async () => {
  const manifest = JSON.parse(
    await readFile(path.join(root, '.next', 'prerender-manifest.json'), 'utf8'),
  ) as { preview: { previewModeId: string } }
  return `__prerender_bypass=${manifest.preview.previewModeId}`
}

const editor = () => login('editor@caspiandigest.example', 'demo-editor')

const articleId = async (headers: Headers, slug: string) => {
  const { json } = await call(
    `/api/articles?where[slug][equals]=${slug}&where[language][equals]=en&draft=true&depth=0&limit=1`,
    { headers },
  )
  const [doc] = json.docs as { id: number; title: string }[]
  return doc
}

const escapeHtml = (text: string) => text.replace(/'/g, '&#x27;')

describe('public pages in Next’s full-route cache', () => {
  it('renders home, article, static page and corrections once, then serves them from the cache, with no cookie', async () => {
    for (const p of ['/en', '/az', WIND_EN, '/en/pages/who-we-are', '/ru/corrections']) {
      const first = await get(baseURL, p)
      expect(first.status, p).toBe(200)
      expect(first.headers.get('set-cookie'), p).toBeNull()
      const second = await get(baseURL, p)
      expect(second.status, p).toBe(200)
      expect(second.headers.get('x-nextjs-cache'), p).toBe('HIT')
      expect(second.headers.get('set-cookie'), p).toBeNull()
    }
  })

  it('renders search per request', async () => {
    await get(baseURL, '/en/search?q=baku')
    const again = await get(baseURL, '/en/search?q=baku')
    expect(again.status).toBe(200)
    expect(again.headers.get('x-nextjs-cache')).toBeNull()
    expect(again.headers.get('cache-control')).toMatch(/no-store/)
  })

  it('keeps a 404 only until the slug is published', async () => {
    const headers = await editor()
    const { id, title } = await articleId(headers, FERRIES_DRAFT_SLUG)
    const p = `/en/articles/${FERRIES_DRAFT_SLUG}`
    expect((await get(baseURL, p)).status).toBe(404)
    const cached = await get(baseURL, p)
    expect(cached.status).toBe(404)
    expect(cached.headers.get('x-nextjs-cache')).toBe('HIT')
    const setStatus = (status: string) =>
      call(`/api/articles/${id}`, { method: 'PATCH', headers, body: statusBody(status) })
    try {
      expect((await setStatus('published')).status).toBe(200)
      const published = await get(baseURL, p)
      expect(published.status).toBe(200)
      expect(await published.text()).toContain(escapeHtml(title))
    } finally {
      expect((await setStatus('draft')).status).toBe(200)
    }
    expect((await get(baseURL, p)).status).toBe(404)
  })

  it('renders draft mode apart: a preview is never cached, nor served to readers', async () => {
    const headers = await editor()
    const { id, title } = await articleId(headers, WIND_SLUG)
    const draftTitle = `${title} (draft ${Date.now()})`
    const saveDraft = (t: string) =>
      call(`/api/articles/${id}?draft=true`, {
        method: 'PATCH',
        headers,
        body: { title: t, _status: 'draft' },
      })
    // The reader's copy is cached before the draft is saved.
    await get(baseURL, WIND_EN)
    expect((await get(baseURL, WIND_EN)).headers.get('x-nextjs-cache')).toBe('HIT')
    try {
      expect((await saveDraft(draftTitle)).status).toBe(200)
      // An editor in draft mode (the draft-mode cookie and their session) sees the draft...
      const token = headers.authorization.replace(/^JWT /, '')
      const preview = await get(baseURL, WIND_EN, {
        cookie: `${await draftModeCookie()}; payload-token=${token}`,
        'sec-fetch-site': 'same-origin',
      })
      // (Next labels it x-nextjs-cache: HIT all the same: it skips the cache without a lookup.)
      expect(preview.status).toBe(200)
      expect(preview.headers.get('cache-control')).toMatch(/private.*no-store/)
      expect(await preview.text()).toContain(escapeHtml(draftTitle))
      // ...and readers, before and after, the published story only.
      for (let i = 0; i < 2; i++) {
        const reader = await (await get(baseURL, WIND_EN)).text()
        expect(reader).toContain(escapeHtml(title))
        expect(reader).not.toContain(escapeHtml(draftTitle))
      }
    } finally {
      expect((await saveDraft(title)).status).toBe(200)
    }
  })

  it('has no benchmark reference pages in a build made without BENCH_REFERENCE_PAGES', async () => {
    expect((await get(baseURL, '/next/reference/64')).status).toBe(404)
  })
})

describe.runIf(nginxBinary)('public pages through the caching proxy (deploy/nginx.conf)', () => {
  let proxy: Awaited<ReturnType<typeof startProxy>>
  /** Stored by the proxy: served from its cache now or later (anything but MISS and BYPASS). */
  const STORED = ['HIT', 'STALE', 'UPDATING', 'EXPIRED', 'REVALIDATED']

  // The refresh port is one proxy's at a time: this may wait for another file's to stop.
  beforeAll(async () => {
    proxy = await startProxy(new URL(baseURL).host, inject('proxyRefreshPort'))
  }, 180_000)
  afterAll(() => proxy?.stop())

  it('stores anonymous pages, and neither serves nor stores personal requests', async () => {
    for (const p of ['/en', WIND_EN]) {
      await get(proxy.url, p)
      const again = await get(proxy.url, p)
      expect(again.status, p).toBe(200)
      expect(STORED, p).toContain(again.headers.get('x-cache'))
    }
    const personalRequests: Record<string, string>[] = [
      { cookie: 'payload-token=anything' },
      { cookie: await draftModeCookie() },
      { authorization: 'JWT anything' },
    ]
    for (const personal of personalRequests) {
      // A URL nobody has asked for yet: a personal request must not fill its cache entry.
      const fresh = `/en/corrections?personal=${Date.now()}`
      const response = await get(proxy.url, fresh, personal)
      expect(response.headers.get('x-cache'), JSON.stringify(personal)).toBe('BYPASS')
      const reader = await get(proxy.url, fresh)
      expect(reader.headers.get('x-cache'), JSON.stringify(personal)).toBe('MISS')
      // Nor does a personal request get the readers' copy.
      const again = await get(proxy.url, fresh, personal)
      expect(again.headers.get('x-cache'), JSON.stringify(personal)).toBe('BYPASS')
    }
  })

  it('sends / to each reader’s language, never from a shared copy', async () => {
    for (const [language, expected] of [
      ['ru', '/ru'],
      ['az-AZ,az;q=0.9', '/az'],
      ['en', '/en'],
      ['ru', '/ru'],
    ]) {
      const response = await get(proxy.url, '/', { 'accept-language': language })
      expect(response.status).toBe(307)
      expect(new URL(response.headers.get('location')!, proxy.url).pathname).toBe(expected)
    }
    const chosen = await get(proxy.url, '/', { 'accept-language': 'en', cookie: 'NEXT_LOCALE=az' })
    expect(new URL(chosen.headers.get('location')!, proxy.url).pathname).toBe('/az')
  })

  it('answers one client’s flood of searches with 429 and keeps serving everyone’s pages', async () => {
    const stamp = Date.now()
    // A different query each time, as a scraper would send: none is in the cache.
    const floods = await Promise.all(
      Array.from({ length: 40 }, (_, i) => get(proxy.url, `/en/search?q=flood+${stamp}+${i}`)),
    )
    const statuses = floods.map((response) => response.status)
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0)
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThan(0)
    expect(statuses.every((status) => status === 200 || status === 429)).toBe(true)
    // Pages other than search are not limited.
    const pages = await Promise.all(Array.from({ length: 40 }, () => get(proxy.url, '/en')))
    expect(pages.every((response) => response.status === 200)).toBe(true)
    // The limit is per second: a reader's search a moment later goes through.
    await new Promise((resolve) => setTimeout(resolve, 5_000))
    expect((await get(proxy.url, `/en/search?q=rail+${stamp}`)).status).toBe(200)
  })

  it('keeps Next’s navigation requests (RSC) out of the readers’ copies', async () => {
    const fresh = `/en/corrections?rsc=${Date.now()}`
    const rsc = await get(proxy.url, fresh, { rsc: '1' })
    expect(rsc.headers.get('x-cache')).toBe('BYPASS')
    const reader = await get(proxy.url, fresh)
    expect(reader.headers.get('x-cache')).toBe('MISS')
    expect(reader.headers.get('content-type')).toContain('text/html')
  })

  it('takes a page fetched on the refresh port as the readers’ copy, and nothing but pages', async () => {
    const fresh = `/en/corrections?refresh=${Date.now()}`
    const refreshed = await get(proxy.refreshUrl, fresh)
    expect(refreshed.status).toBe(200)
    expect(refreshed.headers.get('x-cache')).toBe('BYPASS')
    // Read to the end, as the app reads it (src/cache/proxyRefresh.ts): nginx stores the copy
    // once the whole page has come through, not when its headers have.
    await refreshed.arrayBuffer()
    // Never asked by a reader, yet served from the cache: the refresh stored it.
    const reader = await get(proxy.url, fresh)
    expect(STORED).toContain(reader.headers.get('x-cache'))
    for (const other of ['/api/users', '/admin', '/next/revalidate']) {
      expect((await get(proxy.refreshUrl, other)).status, other).toBe(404)
    }
  })

  it('refreshes the article and its home page in the proxy when it is published', async () => {
    const headers = await editor()
    const { id, title } = await articleId(headers, FERRIES_DRAFT_SLUG)
    const articlePage = `/en/articles/${FERRIES_DRAFT_SLUG}`
    const shows = async (p: string) => {
      const response = await get(proxy.url, p)
      return response.status === 200 && (await response.text()).includes(escapeHtml(title))
    }
    // Both pages are in the proxy's cache before the publish: the article's URL as a 404.
    expect(await shows('/en')).toBe(false)
    expect(await shows(articlePage)).toBe(false)
    const refreshedAlready = (await proxy.refreshLog()).length
    const setStatus = (status: string) =>
      call(`/api/articles/${id}`, { method: 'PATCH', headers, body: statusBody(status) })
    try {
      expect((await setStatus('published')).status).toBe(200)
      // The app asked the refresh port for both pages once the publish had answered. Not a
      // timing (the benchmark measures how soon): it happens, within a few seconds.
      const deadline = Date.now() + 10_000
      let asked: string[] = []
      while (Date.now() < deadline) {
        asked = (await proxy.refreshLog()).slice(refreshedAlready)
        if (['/en', articlePage].every((p) => asked.some((line) => line.includes(`GET ${p} `))))
          break
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      expect(asked.some((line) => line.includes('GET /en '))).toBe(true)
      expect(asked.some((line) => line.includes(`GET ${articlePage} `))).toBe(true)
      expect(await shows(articlePage)).toBe(true)
      expect(await shows('/en')).toBe(true)
      // Next rendered each afresh for the refresh, an on-demand revalidation
      // (src/cache/proxyRefresh.ts), never joined to a render of the page already running.
      for (const p of [articlePage, '/en']) {
        const line = asked.find((logged) => logged.includes(`GET ${p} `))
        expect(line, p).toContain('next=REVALIDATED')
      }
    } finally {
      expect((await setStatus('draft')).status).toBe(200)
    }
  })
})
