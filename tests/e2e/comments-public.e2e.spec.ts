import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { browserTestsEnabled, launchBrowser } from '../helpers/browser'
import { commentFields, formTokenAgo, linksOf, postOver, readerAddress } from '../helpers/comments'
import { call, login, type Headers } from '../helpers/http'
import { nginxBinary, startProxy } from '../helpers/proxy'

/**
 * A reader's comment from the article page to its publication, against the production build,
 * through the production nginx config: written in Chromium with and without JavaScript,
 * confirmed from the link in the outbox, approved by an editor over REST, shown through the
 * proxy at once; what no anonymous client can read; the safeguards as a reader meets them.
 */
const baseURL = inject('baseURL')
const outboxDir = inject('outboxDir')
const appEnv = inject('appEnv')

/** Seeded published stories no other spec writes to (src/seed/data/articles.ts). */
const MAIN_SLUG = 'small-business-lending-programme-expands-to-six-regions'
const MAIN_PATH = `/en/articles/${MAIN_SLUG}`
const MODES_SLUG = 'port-towns-prepare-for-a-shrinking-caspian'
const MODES_PATH = `/en/articles/${MODES_SLUG}`
const AZ_PATH = '/az/articles/imisli-gunes-parki-sebekeye-enerji-vermeye-basladi'

let proxy: Awaited<ReturnType<typeof startProxy>>
let editor: Headers
let mainId: number
let modesId: number
let browser: { browser: Browser; close: () => Promise<void> } | undefined

const outbox = async () => (await import('../helpers/fixtures')).readOutbox(outboxDir)

/** The confirmation email sent to `email` (waits for it: the app writes it before answering). */
const mailTo = async (email: string) => {
  const deadline = Date.now() + 10_000
  for (;;) {
    const mail = (await outbox()).find((m) => m.to.includes(email))
    if (mail) return mail
    if (Date.now() > deadline) throw new Error(`no email to ${email}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

const articleIdOf = async (slug: string) => {
  const { json } = await call(
    `/api/articles?where[slug][equals]=${slug}&where[language][equals]=en&depth=0&limit=1`,
    { headers: editor },
  )
  return (json.docs as { id: number }[])[0]!.id
}

const commentsOf = async (email: string) => {
  const { json } = await call(
    `/api/comments?where[email][equals]=${encodeURIComponent(email)}&depth=0&limit=10`,
    { headers: editor },
  )
  return json.docs as { id: number; status: string; body: string; email: string }[]
}

const approve = (id: number) =>
  call(`/api/comments/${id}`, { method: 'PATCH', headers: editor, body: { status: 'approved' } })

const pageText = async (base: string, path: string, headers: Record<string, string> = {}) =>
  (await fetch(`${base}${path}`, { headers, signal: AbortSignal.timeout(10_000) })).text()

/** Polls the page through `base` until it contains `text`; returns the milliseconds it took. */
const appearsWithin = async (base: string, path: string, text: string, timeoutMs: number) => {
  const started = Date.now()
  while (Date.now() - started < timeoutMs) {
    if ((await pageText(base, path)).includes(text)) return Date.now() - started
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return Infinity
}

const newContext = async (javaScriptEnabled: boolean): Promise<BrowserContext> =>
  browser!.browser.newContext({
    baseURL: proxy.url,
    javaScriptEnabled,
    viewport: { width: 1280, height: 900 },
  })

beforeAll(async () => {
  // Tokens signed here (a form's render time) must be the server's.
  process.env.PAYLOAD_SECRET = appEnv.PAYLOAD_SECRET
  // The refresh port is one proxy's at a time: this may wait for another file's to stop.
  proxy = await startProxy(new URL(baseURL).host, inject('proxyRefreshPort'))
  editor = await login('editor@caspiandigest.example', 'demo-editor')
  mainId = await articleIdOf(MAIN_SLUG)
  modesId = await articleIdOf(MODES_SLUG)
  if (browserTestsEnabled) browser = await launchBrowser()
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await proxy?.stop()
})

describe.runIf(nginxBinary)('a reader’s comment, through the proxy', () => {
  it('shows comments approved together in one bulk action through the proxy within a second', async () => {
    const word = `bulk${Date.now()}`
    const ids: number[] = []
    for (const n of [1, 2]) {
      const email = `${word}-${n}@readers.example`
      const sent = await postOver(
        baseURL,
        '/api/comments/submit',
        commentFields(mainId, { email, body: `Approved together ${word} ${n}` }),
        { json: true },
      )
      expect(sent.status).toBe(201)
      ids.push((await commentsOf(email))[0]!.id)
    }
    expect(await pageText(proxy.url, MAIN_PATH)).not.toContain(`Approved together ${word}`)
    const moderated = await call('/api/comments/moderate', {
      method: 'POST',
      headers: editor,
      body: { ids, status: 'approved' },
    })
    expect(moderated.status).toBe(200)
    for (const n of [1, 2]) {
      const ms = await appearsWithin(proxy.url, MAIN_PATH, `Approved together ${word} ${n}`, 5000)
      expect(ms).toBeLessThanOrEqual(1000)
    }
  })

  it.runIf(browserTestsEnabled)(
    'without JavaScript: written, confirmed from the email, approved, shown within a second; erased',
    async () => {
      const context = await newContext(false)
      try {
        const page = await context.newPage()
        await page.goto(MAIN_PATH)
        const email = `nojs-${Date.now()}@readers.example`
        const body = `Written without scripts ${Date.now()}.\nSecond line & <b>not bold</b>.`
        const form = page.locator('form#comment-form')
        await form.locator('input[name="name"]').fill('Kamran <Əliyev>')
        await form.locator('input[name="email"]').fill(email)
        // A person takes a few seconds; the page may have been rendered just now.
        await page.waitForTimeout(3500)
        await form.locator('textarea[name="body"]').fill(body)
        await form.locator('button[type="submit"]').click()
        await page.waitForURL((url) => url.hash === '#comment-check-email', { timeout: 15_000 })
        await expect
          .poll(() => page.locator('#comment-check-email').isVisible(), { timeout: 5000 })
          .toBe(true)
        expect(await page.locator('#comment-sent').isVisible()).toBe(false)

        const [stored] = await commentsOf(email)
        expect(stored?.status).toBe('unconfirmed')
        const { confirm, erase } = linksOf((await mailTo(email)).text)
        expect(confirm).toBeTruthy()
        // The link page, through the proxy: a button, nothing done by the GET, never cached.
        const confirmPath = `${new URL(confirm!).pathname}${new URL(confirm!).search}`
        const head = await fetch(`${proxy.url}${confirmPath}`)
        expect(head.headers.get('cache-control')).toMatch(/private/)
        expect(head.headers.get('cache-control')).toMatch(/no-store/)
        expect(head.headers.get('x-cache')).toBeNull()
        expect(await head.text()).toMatch(/<meta name="robots" content="noindex/)
        expect((await commentsOf(email))[0]?.status).toBe('unconfirmed')
        await page.goto(confirmPath)
        await page.getByRole('button', { name: 'Confirm my address' }).click()
        await page.getByText('Your address is confirmed').waitFor({ timeout: 15_000 })
        expect(
          await page.getByRole('link', { name: 'Back to the article' }).getAttribute('href'),
        ).toBe(MAIN_PATH)
        expect((await commentsOf(email))[0]?.status).toBe('pending')

        // Not shown while pending, through the proxy and straight from the app.
        for (const base of [proxy.url, baseURL]) {
          expect(await pageText(base, MAIN_PATH)).not.toContain('Written without scripts')
        }
        expect((await approve(stored!.id)).status).toBe(200)
        const ms = await appearsWithin(proxy.url, MAIN_PATH, 'Written without scripts', 5000)
        console.log(`approved comment visible through the proxy after ${ms} ms`)
        expect(ms).toBeLessThanOrEqual(1000)
        await page.goto(MAIN_PATH)
        const shown = page.locator(`#comment-${stored!.id}`)
        expect(await shown.locator('.comment-name').textContent()).toBe('Kamran <Əliyev>')
        expect(await shown.locator('.comment-text').textContent()).toBe(body)
        expect(await shown.locator('b').count()).toBe(0)

        // The erase link deletes it, and the page no longer shows it.
        const erasePath = `${new URL(erase!).pathname}${new URL(erase!).search}`
        await page.goto(erasePath)
        await page.getByRole('button', { name: 'Delete all my comments' }).click()
        await page.getByText('1 comment has been deleted.').waitFor({ timeout: 15_000 })
        expect(await commentsOf(email)).toEqual([])
        expect(await appearsWithin(proxy.url, MAIN_PATH, 'Written without scripts', 500)).toBe(
          Infinity,
        )
      } finally {
        await context.close()
      }
    },
  )

  it.runIf(browserTestsEnabled)(
    'without JavaScript, a refusal is a page in the reader’s language that keeps what was typed',
    async () => {
      const context = await newContext(false)
      try {
        const page = await context.newPage()
        await page.goto(AZ_PATH)
        const typed = 'Baxın: https://a.example, https://b.example və https://c.example'
        // The article's form (the page also has the newsletter's, with an email field too).
        const form = page.locator('form#comment-form')
        await form.locator('input[name="name"]').fill('Səbinə')
        await form.locator('input[name="email"]').fill(`links-${Date.now()}@readers.example`)
        await page.waitForTimeout(3500)
        await form.locator('textarea[name="body"]').fill(typed)
        await form.locator('button[type="submit"]').click()
        await page.getByText('Şərhdə ən çoxu 2 keçid ola bilər.').waitFor({ timeout: 15_000 })
        expect(await page.locator('textarea[name="body"]').inputValue()).toBe(typed)
        expect(await page.locator('input[name="name"]').inputValue()).toBe('Səbinə')
      } finally {
        await context.close()
      }
    },
  )

  it.runIf(browserTestsEnabled)(
    'with JavaScript: the answer shows in place, and a refusal keeps the text',
    async () => {
      const context = await newContext(true)
      try {
        const page = await context.newPage()
        await page.goto(MAIN_PATH)
        const form = page.locator('form#comment-form')
        await form.locator('input[name="name"]').fill('Ruslan')
        await form.locator('input[name="email"]').fill(`js-${Date.now()}@readers.example`)
        // The token is fetched when typing starts: sending at once is too fast.
        const typed = 'see http://a.example http://b.example http://c.example'
        await form.locator('textarea[name="body"]').fill(typed)
        await page.waitForTimeout(3500)
        await form.locator('button[type="submit"]').click()
        await form.getByText('A comment may contain at most 2 links.').waitFor({ timeout: 10_000 })
        expect(await form.locator('textarea[name="body"]').inputValue()).toBe(typed)
        expect(new URL(page.url()).pathname).toBe(MAIN_PATH)

        await form.locator('textarea[name="body"]').fill('A comment sent by the enhanced form.')
        await form.locator('button[type="submit"]').click()
        await form.getByText('We have sent you an email').waitFor({ timeout: 10_000 })
        expect(await form.locator('textarea[name="body"]').inputValue()).toBe('')
        expect(new URL(page.url()).hash).toBe('')
      } finally {
        await context.close()
      }
    },
  )
})

describe('seeded comments, and replies', () => {
  it.runIf(browserTestsEnabled)(
    'shows the seeded newsroom replies in each language, and takes a reply without JavaScript',
    async () => {
      const { json } = await call(
        '/api/comments?where[email][equals]=desk@newsroom.example&depth=1&limit=10',
        { headers: editor },
      )
      const replies = json.docs as {
        language: string
        byNewsroom: boolean
        status: string
        body: string
        parent: { id: number }
        article: { slug: string; language: string }
      }[]
      expect(replies.map((r) => r.language).sort()).toEqual(['az', 'en', 'ru'])
      const badge = { en: 'Newsroom', az: 'Redaksiya', ru: 'Редакция' } as Record<string, string>
      for (const reply of replies) {
        expect(reply).toMatchObject({ byNewsroom: true, status: 'approved' })
        const html = await pageText(baseURL, `/${reply.language}/articles/${reply.article.slug}`)
        expect(html).toContain(`class="comment-badge">${badge[reply.language]}<`)
        expect(html).toContain(reply.body.replace(/'/g, '&#x27;'))
      }

      const en = replies.find((r) => r.language === 'en')!
      const context = await browser!.browser.newContext({ baseURL, javaScriptEnabled: false })
      try {
        const page = await context.newPage()
        await page.goto(`/en/articles/${en.article.slug}`)
        const thread = page.locator(`#comment-${en.parent.id}`)
        await thread.locator('summary', { hasText: 'Reply' }).click()
        const form = thread.locator('form.comment-form')
        const email = `reply-${Date.now()}@readers.example`
        await form.locator('input[name="name"]').fill('Replying reader')
        await form.locator('input[name="email"]').fill(email)
        await page.waitForTimeout(3500)
        await form.locator('textarea[name="body"]').fill('A reply sent without scripts.')
        await form.locator('button[type="submit"]').click()
        await page.waitForURL((url) => url.hash === '#comment-check-email', { timeout: 15_000 })
        const [stored] = await commentsOf(email)
        const { json: full } = await call(`/api/comments/${stored!.id}?depth=0`, {
          headers: editor,
        })
        expect(full.parent).toBe(en.parent.id)
      } finally {
        await context.close()
      }
    },
  )
})

describe('what no anonymous reader can read', () => {
  it('never shows a pending or unconfirmed comment, nor an email, anywhere public', async () => {
    const word = `zqxpending${Date.now().toString(36)}`
    const email = `${word}@readers.example`
    const submitted = await postOver(
      baseURL,
      '/api/comments/submit',
      commentFields(mainId, { email, body: `Secret ${word} text` }),
      { json: true },
    )
    expect(submitted.status).toBe(201)
    const [pending] = await commentsOf(email)
    expect(pending?.status).toBe('unconfirmed')
    // An approved comment, whose email must not show either.
    const approvedEmail = `approved-${word}@readers.example`
    await postOver(
      baseURL,
      '/api/comments/submit',
      commentFields(mainId, { email: approvedEmail, body: `Shown ${word}` }),
      { json: true },
    )
    expect((await approve((await commentsOf(approvedEmail))[0]!.id)).status).toBe(200)

    const graphql = (query: string, headers: Record<string, string> = {}) =>
      fetch(`${baseURL}/api/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query }),
      }).then((r) => r.text())
    const reads: [string, string][] = [
      ['/api/comments', await pageText(baseURL, '/api/comments')],
      [`/api/comments/${pending!.id}`, await pageText(baseURL, `/api/comments/${pending!.id}`)],
      ['where email', await pageText(baseURL, `/api/comments?where[email][like]=${word}`)],
      ['where body', await pageText(baseURL, `/api/comments?where[body][like]=${word}`)],
      ['articles depth=2', await pageText(baseURL, '/api/articles?depth=2&limit=100')],
      ['article depth=2', await pageText(baseURL, `/api/articles/${mainId}?depth=2`)],
      [
        'graphql',
        await graphql(
          `{ Comments { docs { email body ipHash } } Comment(id: ${pending!.id}) { email body } }`,
        ),
      ],
      ['graphql relation', await graphql(`{ Article(id: ${mainId}) { id title } }`)],
      ['page', await pageText(baseURL, MAIN_PATH)],
      ['page RSC', await pageText(baseURL, MAIN_PATH, { RSC: '1' })],
      ['page via proxy', await pageText(proxy?.url ?? baseURL, MAIN_PATH)],
      ['feed', await pageText(baseURL, '/en/feed.xml')],
      ['sitemap', await pageText(baseURL, '/sitemap.xml')],
      ['search', await pageText(baseURL, `/en/search?q=${word}`)],
      ['home', await pageText(baseURL, '/en')],
    ]
    for (const [what, text] of reads) {
      expect(text, what).not.toContain(`Secret ${word}`)
      expect(text, what).not.toContain(email)
      expect(text, what).not.toContain(approvedEmail)
    }
    // The approved one is on the page (so the page check above can fail).
    expect(reads.find(([what]) => what === 'page')![1]).toContain(`Shown ${word}`)
    expect(reads.find(([what]) => what === 'page RSC')![1]).toContain(`Shown ${word}`)
  })

  it('hides emails from authors and translators; editors read them', async () => {
    const email = `staff-check-${Date.now()}@readers.example`
    await postOver(baseURL, '/api/comments/submit', commentFields(mainId, { email }), {
      json: true,
    })
    const [one] = await commentsOf(email)
    expect(one?.email).toBe(email)
    for (const [user, password] of [
      ['author@caspiandigest.example', 'demo-author'],
      ['translator@caspiandigest.example', 'demo-translator'],
    ]) {
      const headers = await login(user!, password!)
      for (const path of [
        `/api/comments/${one!.id}`,
        `/api/comments?where[email][equals]=${encodeURIComponent(email)}`,
        `/api/articles/${mainId}?depth=2`,
      ]) {
        const text = await pageText(baseURL, path, headers)
        expect(text, `${user} ${path}`).not.toContain(email)
      }
    }
  })
})

describe('the safeguards, as a reader meets them', () => {
  const submit = (fields: Record<string, string | number | undefined>, language = 'en') =>
    postOver(baseURL, '/api/comments/submit', { ...fields, language }, { json: true })
  const refusal = async (response: Response) =>
    ((await response.json()) as { errors: { message: string; data: { code: string } }[] })
      .errors[0]!

  it('closed: comments shown, no form, a line saying so; hidden: nothing; both refuse writes', async () => {
    const setMode = (commentMode: string) =>
      call(`/api/articles/${modesId}`, {
        method: 'PATCH',
        headers: editor,
        body: { commentMode },
      })
    try {
      expect((await setMode('closed')).status).toBe(200)
      const closedPage = await pageText(baseURL, MODES_PATH)
      expect(closedPage).toContain('Comments on this article are closed.')
      expect(closedPage).not.toContain('id="comment-form"')
      const closed = await submit(commentFields(modesId), 'ru')
      expect(closed.status).toBe(403)
      expect((await refusal(closed)).message).toBe('Комментарии к этой статье закрыты.')

      expect((await setMode('hidden')).status).toBe(200)
      const hiddenPage = await pageText(baseURL, MODES_PATH)
      expect(hiddenPage).not.toContain('id="comments"')
      const hidden = await submit(commentFields(modesId), 'az')
      expect(hidden.status).toBe(403)
      expect((await refusal(hidden)).message).toBe('Bu məqaləyə şərh yazmaq mümkün deyil.')
    } finally {
      expect((await setMode('inherit')).status).toBe(200)
    }
    expect(await pageText(baseURL, MODES_PATH)).toContain('id="comment-form"')
  })

  it('refuses unknown articles, bad parents, too long, bad email, too fast, duplicates, and rate limits', async () => {
    const unknown = await submit(commentFields(2_000_000_000))
    expect(unknown.status).toBe(404)
    expect((await refusal(unknown)).data.code).toBe('comments.noArticle')
    const parent = await submit(commentFields(mainId, { parent: 2_000_000 }))
    expect(parent.status).toBe(400)
    expect((await refusal(parent)).data.code).toBe('comments.badParent')
    const long = await submit(commentFields(mainId, { body: 'ə'.repeat(2001) }), 'az')
    expect(long.status).toBe(400)
    expect((await refusal(long)).message).toBe(
      'Şərhiniz ən çoxu 2000 simvol ola bilər; sizinki 2001 simvoldur.',
    )
    const badEmail = await submit(commentFields(mainId, { email: 'nobody@' }))
    expect((await refusal(badEmail)).message).toBe(
      'Please give a valid email address (it is never published).',
    )
    const fast = await submit(commentFields(mainId, { ts: formTokenAgo(0) }), 'ru')
    expect(fast.status).toBe(400)
    expect((await refusal(fast)).data.code).toBe('comments.tooFast')

    const address = readerAddress()
    const same = commentFields(mainId, { body: `Twice ${Date.now()}` })
    const once = await postOver(baseURL, '/api/comments/submit', same, {
      json: true,
      forwardedFor: address,
    })
    expect(once.status).toBe(201)
    const twice = await postOver(
      baseURL,
      '/api/comments/submit',
      { ...same, ts: formTokenAgo() },
      { json: true, forwardedFor: address },
    )
    expect(twice.status).toBe(409)
    expect((await refusal(twice)).message).toBe('You have already sent this comment.')

    const statuses: number[] = []
    let last: Response | undefined
    for (let i = 0; i < 8; i += 1) {
      last = await postOver(baseURL, '/api/comments/submit', commentFields(mainId), {
        json: true,
        forwardedFor: address,
      })
      statuses.push(last.status)
    }
    expect(statuses).toContain(429)
    expect(last!.status).toBe(429)
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await refusal(last!)).data.code).toBe('comments.rateLimited')
  })

  it('answers 50 parallel submissions, each with a 2xx or a 4xx', async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        postOver(
          baseURL,
          '/api/comments/submit',
          commentFields(mainId, { body: `Parallel ${i} ${Date.now()}` }),
          { json: true },
        ).then((r) => r.status),
      ),
    )
    expect(answers.filter((s) => s < 200 || s >= 500)).toEqual([])
  })

  it.runIf(nginxBinary)(
    'limits readers’ writes at nginx: a 429 page in three languages',
    async () => {
      const statuses: number[] = []
      let limited: Response | undefined
      for (let i = 0; i < 15; i += 1) {
        const response = await postOver(
          proxy.url,
          '/api/comments/confirm',
          { token: `forged-${i}`, language: 'en' },
          { json: true },
        )
        statuses.push(response.status)
        if (response.status === 429) limited = response
        else await response.body?.cancel()
      }
      // The app refused the forged tokens (400) until nginx refused the requests themselves (the
      // earlier tests' requests through the proxy may have used part of the burst already).
      const first = statuses.indexOf(429)
      expect(first).toBeGreaterThan(-1)
      expect(first).toBeLessThanOrEqual(6)
      expect(statuses.slice(0, first).every((s) => s === 400)).toBe(true)
      expect(statuses.slice(first).every((s) => s === 429)).toBe(true)
      expect(limited?.headers.get('retry-after')).toBe('60')
      const page = await limited!.text()
      expect(page).toContain('You have sent too many requests in a short time.')
      expect(page).toContain('Qısa müddətdə çox sorğu göndərmisiniz.')
      expect(page).toContain('Вы отправили слишком много запросов за короткое время.')
    },
  )
})
