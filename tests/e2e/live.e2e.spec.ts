import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { adminLogIn, browserTestsEnabled, launchBrowser } from '../helpers/browser'
import { call, login, createArticleOverRest, type Headers } from '../helpers/http'
import { nginxBinary, startProxy } from '../helpers/proxy'

/**
 * Live coverage against the production build: an editor runs it in the admin (Chromium) while a
 * reader's tab, through the production nginx config, shows each new update without a reload;
 * the live JSON through the proxy costs about one render a second under a crowd; closing the
 * coverage makes it an ordinary article; nothing of a draft's coverage is readable anonymously
 * (REST, GraphQL, the JSON); authors are refused in the admin, over REST and over GraphQL.
 */
const baseURL = inject('baseURL')
const SLOW = { timeout: 60_000 }
/** The seeded live story in English and its Russian version (src/seed/live.ts). */
const SEEDED_EN = '/en/articles/volunteers-train-to-count-caspian-seals'
const SEEDED_RU = '/ru/articles/volontery-uchatsya-schitat-kaspiyskikh-tyuleney'

let proxy: Awaited<ReturnType<typeof startProxy>> | undefined
let editor: Headers
let author: Headers
let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined
const stamp = Date.now().toString(36)

type Made = { id: number; slug: string; path: string }

/** A new article as the editor over REST, published through the workflow unless `draft`. */
const makeArticle = async (title: string, draft = false): Promise<Made> => {
  const { id, slug } = await createArticleOverRest(
    editor,
    { title, dek: 'Minute by minute from the coast.' },
    { publish: !draft },
  )
  return { id, slug, path: `/en/articles/${slug}` }
}

const liveJson = (made: Made) => `${made.path}/live.json`

const graphql = (headers: Headers, query: string) =>
  call('/api/graphql', { method: 'POST', headers, body: { query } })

/** How many versions an article has (the editor reads them). */
const versionCount = async (id: number) =>
  (
    await call(`/api/articles/versions?where[parent][equals]=${id}&limit=1&depth=0`, {
      headers: editor,
    })
  ).json.totalDocs as number

/** The page's JSON-LD blocks. */
const jsonLdOf = (html: string) =>
  [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
    (match) => JSON.parse(match[1]!) as Record<string, unknown>,
  )

beforeAll(async () => {
  editor = await login('editor@caspiandigest.example', 'demo-editor')
  author = await login('author@caspiandigest.example', 'demo-author')
  if (nginxBinary) proxy = await startProxy(new URL(baseURL).host, inject('proxyRefreshPort'))
  if (browserTestsEnabled) browser = await launchBrowser()
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await proxy?.stop()
})

describe('the seeded live story', () => {
  it('shows its badge and updates in English and Russian, with LiveBlogPosting', async () => {
    for (const [path, badge, text] of [
      [SEEDED_EN, 'Live', 'Preliminary total: 64 seals'],
      [SEEDED_RU, 'Онлайн', 'Предварительный итог: 64 тюленя'],
    ] as const) {
      const response = await fetch(`${baseURL}${path}`)
      expect(response.status, path).toBe(200)
      const html = await response.text()
      expect(html).toContain(`data-live-badge="">${badge}</span>`)
      expect(html).toContain(text)
      // Times as readers of the page's language write them.
      expect(html).toContain(path === SEEDED_RU ? '10 окт., 05:30' : 'Oct 10, 05:30')
      const live = jsonLdOf(html).find((data) => data['@type'] === 'LiveBlogPosting')
      expect(live?.coverageStartTime).toBe('2026-10-10T05:30:00.000Z')
      expect((live?.liveBlogUpdate as unknown[]).length).toBeGreaterThanOrEqual(3)
    }
  })
})

describe('who may run live coverage', () => {
  it('refuses an author over REST and GraphQL, and answers an editor', async () => {
    const made = await makeArticle(`Storm warning ${stamp} (rights)`)
    const refused = await call('/api/live-coverages', {
      method: 'POST',
      headers: author,
      body: { article: made.id },
    })
    expect(refused.status).toBe(403)
    const started = await call('/api/live-coverages', {
      method: 'POST',
      headers: editor,
      body: { article: made.id },
    })
    expect(started.status).toBe(201)
    const posted = await call('/api/live-updates', {
      method: 'POST',
      headers: author,
      body: { article: made.id, kind: 'text', text: 'From an author' },
    })
    expect(posted.status).toBe(403)
    const viaGraphql = await graphql(
      author,
      `mutation { createLiveUpdate(data: { article: ${made.id}, kind: text, text: "From an author", postedAt: "${new Date().toISOString()}" }) { id } }`,
    )
    expect(JSON.stringify(viaGraphql.json)).toMatch(/not allowed/i)
    const readByAuthor = await graphql(author, '{ LiveUpdates { docs { id text } } }')
    expect(JSON.stringify(readByAuthor.json)).toMatch(/not allowed/i)
    const byEditor = await graphql(
      editor,
      `mutation { createLiveUpdate(data: { article: ${made.id}, kind: text, text: "From the desk ${stamp}", postedAt: "${new Date().toISOString()}" }) { id text } }`,
    )
    expect(byEditor.json).toMatchObject({
      data: { createLiveUpdate: { text: `From the desk ${stamp}` } },
    })
  })

  it('never shows a draft’s coverage: REST, GraphQL and the JSON answer nothing to anyone anonymous', async () => {
    const made = await makeArticle(`Embargoed flood plan ${stamp}`, true)
    await call('/api/live-coverages', {
      method: 'POST',
      headers: editor,
      body: { article: made.id },
    })
    const secret = `Secret draft update ${stamp}`
    const posted = await call('/api/live-updates', {
      method: 'POST',
      headers: editor,
      body: { article: made.id, kind: 'text', text: secret },
    })
    expect(posted.status).toBe(201)
    expect((await call('/api/live-updates')).status).toBe(403)
    expect((await call('/api/live-coverages')).status).toBe(403)
    const anonymous = await graphql(
      {},
      '{ LiveUpdates { docs { text } } LiveCoverages { docs { id } } }',
    )
    expect(JSON.stringify(anonymous.json)).not.toContain(secret)
    expect(JSON.stringify(anonymous.json)).toMatch(/not allowed/i)
    for (const base of [baseURL, ...(proxy ? [proxy.url] : [])]) {
      const json = await fetch(`${base}${liveJson(made)}`)
      expect(json.status, base).toBe(404)
      expect(await json.text()).not.toContain(secret)
      expect((await fetch(`${base}${made.path}`)).status).toBe(404)
    }
  })

  it.runIf(browserTestsEnabled)(
    'shows an author no Live panel and no live collections in the admin',
    async () => {
      const made = await makeArticle(`Harbour closure ${stamp} (author)`)
      const context = await browser!.newContext(baseURL)
      try {
        const page = await context.newPage()
        await adminLogIn(page, 'author@caspiandigest.example', 'demo-author', SLOW)
        await page.goto(`/admin/collections/articles/${made.id}`)
        await page.locator('#field-title, .doc-header, .render-title').first().waitFor(SLOW)
        expect(await page.locator('[data-testid="live-panel"]').count()).toBe(0)
        await page.goto('/admin/collections/live-updates')
        await page.waitForLoadState('networkidle')
        expect(await page.locator('[data-testid="live-item"], .table').count()).toBe(0)
        const list = await page.evaluate(() =>
          fetch('/api/live-updates', { credentials: 'same-origin' }).then((r) => r.status),
        )
        expect(list).toBe(403)
      } finally {
        await context.close()
      }
    },
  )
})

describe.runIf(nginxBinary)('the live JSON through the proxy', () => {
  it('has a new update in the JSON through the proxy within about a second of its post', async () => {
    const made = await makeArticle(`Bridge inspection ${stamp} (fresh)`)
    await call('/api/live-coverages', {
      method: 'POST',
      headers: editor,
      body: { article: made.id },
    })
    // The readers' copy exists before the update.
    expect((await fetch(`${proxy!.url}${liveJson(made)}`)).status).toBe(200)
    for (const n of [1, 2]) {
      const text = `Inspectors report ${n} ${stamp}`
      const posted = await call('/api/live-updates', {
        method: 'POST',
        headers: editor,
        body: { article: made.id, kind: 'text', text },
      })
      expect(posted.status).toBe(201)
      const started = Date.now()
      let seen = Infinity
      while (Date.now() - started < 6000) {
        const json = (await (await fetch(`${proxy!.url}${liveJson(made)}`)).json()) as {
          updates: { text: string }[]
        }
        if (json.updates[0]?.text === text) {
          seen = Date.now() - started
          break
        }
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      console.log(`update ${n} in the live JSON through nginx after ${seen} ms`)
      expect(seen).toBeLessThanOrEqual(1500)
    }
    const refreshed = (await proxy!.refreshLog()).filter((line) => line.includes(liveJson(made)))
    expect(refreshed.length).toBeGreaterThanOrEqual(2)
    // Without JavaScript, the page itself carries the update too: the proxy refreshes it beside
    // the JSON (in parallel, so it may land a moment after the JSON), and at worst its copy runs
    // out within two seconds.
    const pageStarted = Date.now()
    let page = ''
    while (Date.now() - pageStarted < 2000) {
      page = await (await fetch(`${proxy!.url}${made.path}`)).text()
      if (page.includes(`Inspectors report 2 ${stamp}`)) break
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    console.log(`update 2 on the page through nginx after ${Date.now() - pageStarted} ms`)
    expect(page).toContain(`Inspectors report 2 ${stamp}`)
    const pageRefreshed = (await proxy!.refreshLog()).filter((line) =>
      line.includes(`GET ${made.path} `),
    )
    expect(pageRefreshed.length).toBeGreaterThanOrEqual(2)
  })

  it('serves 50 parallel readers with at most a couple of renders, without cookies', async () => {
    const made = await makeArticle(`Ferry strike ${stamp} (crowd)`)
    await call('/api/live-coverages', {
      method: 'POST',
      headers: editor,
      body: { article: made.id },
    })
    await call('/api/live-updates', {
      method: 'POST',
      headers: editor,
      body: { article: made.id, kind: 'text', text: 'Crews walk out at the port.' },
    })
    const first = await fetch(`${proxy!.url}${liveJson(made)}`)
    expect(first.status).toBe(200)
    expect(first.headers.get('content-type')).toMatch(/application\/json/)
    expect(first.headers.get('set-cookie')).toBeNull()
    const body = (await first.json()) as { status: string }
    expect(body.status).toBe('live')
    // Let the copy expire, so the crowd arrives when a render is due.
    await new Promise((resolve) => setTimeout(resolve, 2500))
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => fetch(`${proxy!.url}${liveJson(made)}`)),
    )
    const states = answers.map((answer) => answer.headers.get('x-cache'))
    const counts = Object.fromEntries(
      [...new Set(states)].map((state) => [state, states.filter((s) => s === state).length]),
    )
    console.log(`50 parallel live.json requests through nginx: ${JSON.stringify(counts)}`)
    expect(answers.every((answer) => answer.status === 200)).toBe(true)
    const renders = states.filter((state) => state === 'MISS' || state === 'EXPIRED').length
    expect(renders).toBeLessThanOrEqual(2)
    expect(
      states.every((state) => ['HIT', 'UPDATING', 'STALE', 'MISS', 'EXPIRED'].includes(state!)),
    ).toBe(true)
  })
})

describe.runIf(nginxBinary && browserTestsEnabled)(
  'an editor runs live coverage; a reader watches',
  () => {
    const waitForText = async (page: Page, text: string, timeoutMs = 15_000) => {
      const started = Date.now()
      await page.waitForFunction(
        (wanted) => document.querySelector('#live ol')?.textContent?.includes(wanted) ?? false,
        text,
        { timeout: timeoutMs },
      )
      return Date.now() - started
    }

    it('posts from the admin; the reader’s tab shows each update without a reload; closing ends it', async () => {
      const made = await makeArticle(`Caspian storm ${stamp} (live)`)
      const versionsAtStart = await versionCount(made.id)
      const admin = await browser!.newContext(baseURL)
      const reader = await browser!.newContext(proxy!.url)
      const dialogs: string[] = []
      try {
        const desk = await admin.newPage()
        desk.on('dialog', (dialog) => {
          dialogs.push(dialog.message())
          void dialog.accept()
        })
        await adminLogIn(desk, 'editor@caspiandigest.example', 'demo-editor', SLOW)
        await desk.goto(`/admin/collections/articles/${made.id}`)
        const panel = desk.locator('[data-testid="live-panel"]')
        await panel.waitFor(SLOW)
        await panel.locator('[data-testid="live-start"]').click()
        await desk.locator('[data-testid="live-panel"][data-status="live"]').waitFor(SLOW)

        // The reader opens the page once the coverage has started: a live badge, no updates yet.
        const page = await reader.newPage()
        const polls: Record<string, string>[] = []
        page.on('request', (request) => {
          if (request.url().endsWith('/live.json')) {
            void request.allHeaders().then((headers) => polls.push(headers))
          }
        })
        await page.goto(made.path)
        await page
          .locator('#live[data-status="live"] [data-live-badge]')
          .waitFor({ timeout: 15_000 })
        await page.evaluate(() => {
          ;(window as unknown as { liveMarker: string }).liveMarker = 'same page'
        })

        const post = async (text: string) => {
          const composer = panel.locator('[data-testid="live-composer"]').first()
          await composer.locator('[data-testid="live-kind-text"]').check()
          await composer.locator('[data-testid="live-text"]').fill(text)
          const before = await panel.locator('[data-testid="live-item"]').count()
          await composer.locator('[data-testid="live-submit"]').click()
          await expect
            .poll(() => panel.locator('[data-testid="live-item"]').count(), { timeout: 15_000 })
            .toBe(before + 1)
        }

        for (const n of [1, 2, 3]) {
          const text = `Update ${n} from the coast ${stamp}`
          await post(text)
          const delay = await waitForText(page, text)
          console.log(
            `live update ${n} appeared in the reader's tab ${delay} ms after the admin showed it`,
          )
          // One poll (4 s) plus the proxy's second at most.
          expect(delay).toBeLessThan(6500)
        }
        // Newest first, the same page all along.
        const order = await page.locator('#live ol > li').allInnerTexts()
        expect(order[0]).toContain(`Update 3 from the coast ${stamp}`)
        expect(order[2]).toContain(`Update 1 from the coast ${stamp}`)
        expect(
          await page.evaluate(() => (window as unknown as { liveMarker?: string }).liveMarker),
        ).toBe('same page')

        // A correction from the admin reaches the reader too.
        const oldest = panel.locator('[data-testid="live-item"]').last()
        await oldest.locator('[data-testid="live-edit"]').click()
        await oldest.locator('[data-testid="live-text"]').fill(`Update 1, corrected ${stamp}`)
        await oldest.locator('[data-testid="live-submit"]').click()
        await waitForText(page, `Update 1, corrected ${stamp}`)

        // Closing: the reader's tab drops the badge and says when it ended, without a reload.
        await panel.locator('[data-testid="live-close"]').click()
        await desk.locator('[data-testid="live-panel"][data-status="ended"]').waitFor(SLOW)
        expect(dialogs.length).toBeGreaterThan(0)
        await page
          .locator('#live[data-status="ended"] .live-ended:not([hidden])')
          .waitFor({ timeout: 15_000 })
        expect(await page.locator('[data-live-badge]').count()).toBe(0)
        expect(await page.locator('#live .live-ended').innerText()).toMatch(
          /Live coverage ended at/,
        )
        // The poller sends no cookie (the page's own language cookie stays in the browser).
        expect(polls.length).toBeGreaterThan(0)
        expect(polls.filter((headers) => 'cookie' in headers)).toEqual([])

        // Afterwards it is an ordinary article: no badge, no poller; the updates stay as a record.
        await new Promise((resolve) => setTimeout(resolve, 1500))
        const html = await (await fetch(`${proxy!.url}${made.path}`)).text()
        expect(html).not.toContain('data-live-badge')
        expect(html).not.toContain("getElementById('live')")
        expect(html).toContain(`Update 1, corrected ${stamp}`)
        expect(html).toMatch(/Live coverage ended at/)
        const live = jsonLdOf(html).find((data) => data['@type'] === 'LiveBlogPosting')
        expect(live).toBeTruthy()
        expect(Date.parse(live!.coverageEndTime as string)).toBeGreaterThan(
          Date.parse(live!.coverageStartTime as string),
        )
        const items = live!.liveBlogUpdate as Record<string, string>[]
        expect(items).toHaveLength(3)
        for (const item of items) {
          expect(item['@type']).toBe('BlogPosting')
          expect(item.headline).toBeTruthy()
          expect(item.articleBody).toBeTruthy()
          expect(Number.isNaN(Date.parse(item.datePublished!))).toBe(false)
        }
        expect(jsonLdOf(html).some((data) => data['@type'] === 'NewsArticle')).toBe(true)
        // The article itself was never saved again: no version since its publication.
        expect(await versionCount(made.id)).toBe(versionsAtStart)
      } finally {
        await admin.close()
        await reader.close()
      }
    })
  },
)
