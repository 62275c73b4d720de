import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { blocksToLexical } from '@/lib/lexical'
import { message } from '@/lib/messages'

import { adminLogIn, browserTestsEnabled, launchBrowser } from '../helpers/browser'
import { call, fireTransition, login, messageOf, type Headers, type Json } from '../helpers/http'
import {
  confirmLinkIn,
  mailsTo,
  manageLinkIn,
  newClientAddress,
  oneClickPathOf,
  type OutboxMail,
} from '../helpers/newsletter'

const baseURL = inject('baseURL')
const outboxDir = inject('outboxDir')
const SLOW = 120_000

let editor: Headers, admin: Headers, author: Headers
let storyFields: Json
let sectionId: number
const made: number[] = []
let browser: { browser: Browser; close: () => Promise<void> } | null = null
const contexts: BrowserContext[] = []

const stamp = Date.now().toString(36)
const readerEn = `newsletter-en-${stamp}@e2e.example`
const readerAz = `newsletter-az-${stamp}@e2e.example`
let dates = 0
const nextDate = () => `2033-02-${String(++dates).padStart(2, '0')}`

/** Polls `check` until it returns a value, at most `timeoutMs`. */
const waitFor = async <T>(
  what: string,
  check: () => Promise<T | null | undefined | false>,
  timeoutMs = 45_000,
): Promise<T> => {
  const end = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

const digestsTo = async (email: string, date: string) => {
  const day = new Date(`${date}T12:00:00Z`)
  const marks = ['en', 'az', 'ru'].map((l) =>
    new Intl.DateTimeFormat(l, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(day),
  )
  return (await mailsTo(outboxDir, email)).filter((mail) =>
    marks.some((mark) => mail.subject.includes(mark)),
  )
}

/** A story published now by the editor (the digest takes what was published since the last). */
const publishNow = async (title: string, language: 'en' | 'az') => {
  const created = await call('/api/articles?draft=true', {
    method: 'POST',
    headers: editor,
    body: {
      ...storyFields,
      title,
      language,
      dek: `The dek of ${title} <i>with markup</i>`,
      body: blocksToLexical(['The port authority said the ferry will sail daily.']),
    },
  })
  expect(created.status, messageOf(created.json)).toBe(201)
  const id = (created.json.doc as { id: number }).id
  made.push(id)
  await fireTransition(editor, id, 'publish')
  return id
}

const digestNow = async (date: string, languages: string[]) => {
  const { status, json } = await call('/api/subscribers/digest-now', {
    method: 'POST',
    headers: admin,
    body: { date, languages },
  })
  expect(status, messageOf(json)).toBe(200)
  expect((json.digests as number[]).length).toBe(languages.length)
}

const newPage = async (javaScriptEnabled = true): Promise<Page> => {
  const context = await browser!.browser.newContext({
    baseURL,
    javaScriptEnabled,
    viewport: { width: 1280, height: 900 },
    extraHTTPHeaders: { 'X-Forwarded-For': newClientAddress() },
  })
  contexts.push(context)
  return context.newPage()
}

const confirmationFor = (email: string) =>
  waitFor(`the confirmation to ${email}`, async () =>
    (await mailsTo(outboxDir, email)).find((mail) => confirmLinkIn(mail)),
  )

beforeAll(async () => {
  editor = await login('editor@caspiandigest.example', 'demo-editor')
  admin = await login('admin@caspiandigest.example', 'demo-admin')
  author = await login('author@caspiandigest.example', 'demo-author')
  const { json } = await call(
    '/api/articles?where[language][equals]=en&where[_status][equals]=published&where[translationOf][exists]=false&depth=0&limit=1&sort=-publishedAt',
    { headers: editor },
  )
  const seeded = (json.docs as Json[])[0]
  storyFields = {
    category: seeded.category,
    categories: seeded.categories,
    tags: seeded.tags,
    authors: seeded.authors,
    heroImage: seeded.heroImage,
  }
  sectionId = seeded.category as number
  if (browserTestsEnabled) browser = await launchBrowser()
}, 60_000)

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined)
  await browser?.close()
  for (const id of made.reverse()) {
    await call(`/api/articles/${id}`, { method: 'DELETE', headers: admin })
  }
})

describe.skipIf(!browserTestsEnabled)('a reader subscribes, confirms and gets the digest', () => {
  let azMail: OutboxMail

  it(
    'subscribes from the foot of an article (JavaScript on) and confirms from the emailed link',
    async () => {
      const { json } = await call(
        '/api/articles?where[language][equals]=en&where[_status][equals]=published&depth=0&limit=1&sort=-publishedAt',
      )
      const slug = (json.docs as Json[])[0].slug as string
      const page = await newPage()
      await page.goto(`/en/articles/${slug}`)
      const form = page.locator('.newsletter-article')
      await form.locator('input[name="email"]').fill(readerEn)
      await form.locator('input[name="all"]').uncheck()
      await form.locator(`input[name="sections"][value="${sectionId}"]`).check()
      await form.locator('button[type="submit"]').click()
      await expect
        .poll(() => form.locator('.newsletter-answer').textContent(), { timeout: 15_000 })
        .toContain('check your inbox')
      // Enhanced: the page stayed where it was.
      expect(page.url()).toMatch(new RegExp(`/en/articles/${slug}$`))

      const mail = await confirmationFor(readerEn)
      const link = confirmLinkIn(mail)!
      const response = await page.goto(link.path)
      // Never cached: one reader's link.
      expect(response?.headers()['cache-control']).toMatch(/no-store/)
      expect(await page.locator('meta[name="robots"]').getAttribute('content')).toMatch(/noindex/)
      await page.getByRole('button', { name: 'Confirm my subscription' }).click()
      await page.waitForSelector('#newsletter-confirmed', { timeout: 15_000 })

      // The link works once.
      const again = await fetch(`${baseURL}/api/subscribers/confirm`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept-Language': 'en' },
        body: JSON.stringify({ token: link.token }),
      })
      expect(again.status).toBe(409)
    },
    SLOW,
  )

  it(
    'subscribes from the footer with JavaScript off (303 back, the notice shown by :target)',
    async () => {
      const page = await newPage(false)
      await page.goto('/az')
      const form = page.locator('.newsletter-footer')
      await form.locator('input[name="email"]').fill(readerAz)
      await Promise.all([
        page.waitForURL(/#newsletter-done-footer$/, { timeout: 15_000 }),
        form.locator('button[type="submit"]').click(),
      ])
      expect(new URL(page.url()).pathname).toBe('/az')
      expect(await page.locator('#newsletter-done-footer').isVisible()).toBe(true)

      azMail = await confirmationFor(readerAz)
      expect(azMail.subject).toMatch(/təsdiqləyin/)
      await page.goto(confirmLinkIn(azMail)!.path)
      await Promise.all([
        page.waitForURL(/confirmed=1/, { timeout: 15_000 }),
        page.locator('form[action="/api/subscribers/confirm"] button').click(),
      ])
      expect(await page.locator('#newsletter-confirmed').textContent()).toMatch(/təsdiqləndi/)

      // The link again: the page says it was used, in the reader's language.
      await page.goto(confirmLinkIn(azMail)!.path)
      await Promise.all([
        page.waitForURL(/refused=newsletter\.tokenUsed/, { timeout: 15_000 }),
        page.locator('form[action="/api/subscribers/confirm"] button').click(),
      ])
      expect(await page.locator('#newsletter-refused').textContent()).toBe(
        message('az', 'newsletter:tokenUsed'),
      )
    },
    SLOW,
  )

  it(
    'sends each the day’s articles in their language and sections, with the one-click unsubscribe headers',
    async () => {
      const enTitle = `Ferry to Aktau ${stamp}`
      const azTitle = `Aktau bərəsi ${stamp}`
      await publishNow(enTitle, 'en')
      await publishNow(azTitle, 'az')
      const date = nextDate()
      await digestNow(date, ['en', 'az'])

      const [en] = await waitFor('the English digest', async () => {
        const found = await digestsTo(readerEn, date)
        return found.length ? found : null
      })
      const [az] = await waitFor('the Azerbaijani digest', async () => {
        const found = await digestsTo(readerAz, date)
        return found.length ? found : null
      })
      expect(en.text).toContain(enTitle)
      expect(en.text).not.toContain(azTitle)
      expect(en.html).toContain('&#60;i&#62;with markup&#60;/i&#62;')
      expect(az.text).toContain(azTitle)
      expect(az.text).not.toContain(enTitle)
      for (const mail of [en, az]) {
        expect(oneClickPathOf(mail)).toMatch(/^\/api\/subscribers\/unsubscribe\?token=/)
        expect(mail.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
        expect(manageLinkIn(mail)).not.toBeNull()
      }
      // One each, however often the queue ran.
      await new Promise((resolve) => setTimeout(resolve, 1500))
      expect(await digestsTo(readerEn, date)).toHaveLength(1)
      expect(await digestsTo(readerAz, date)).toHaveLength(1)
    },
    SLOW,
  )

  it(
    'unsubscribes in one click (POST, 200) and the next digest skips them',
    async () => {
      const [last] = (await mailsTo(outboxDir, readerEn)).slice(-1)
      const oneClick = await fetch(`${baseURL}${oneClickPathOf(last)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      })
      expect(oneClick.status).toBe(200)

      await publishNow(`Second ferry ${stamp}`, 'en')
      await publishNow(`İkinci bərə ${stamp}`, 'az')
      const date = nextDate()
      await digestNow(date, ['en', 'az'])
      await waitFor('the next Azerbaijani digest', async () =>
        (await digestsTo(readerAz, date)).length ? true : null,
      )
      // The English digest went out as well (its job ran first or beside): the reader is skipped.
      await new Promise((resolve) => setTimeout(resolve, 1500))
      expect(await digestsTo(readerEn, date)).toHaveLength(0)
    },
    SLOW,
  )

  it(
    'changes the language and sections on the manage page',
    async () => {
      const page = await newPage()
      const link = manageLinkIn(azMail)!
      const response = await page.goto(link.path)
      expect(response?.headers()['cache-control']).toMatch(/no-store/)
      await page.locator('.newsletter-preferences select[name="language"]').selectOption('ru')
      await page.locator('.newsletter-preferences input[name="all"]').uncheck()
      await page
        .locator(`.newsletter-preferences input[name="sections"][value="${sectionId}"]`)
        .check()
      await Promise.all([
        page.waitForURL(/saved=1/, { timeout: 15_000 }),
        page.locator('.newsletter-preferences button[type="submit"]').click(),
      ])
      expect(new URL(page.url()).pathname).toBe('/ru/newsletter/manage')
      expect(await page.locator('#newsletter-saved').isVisible()).toBe(true)
      expect(
        await page.locator('.newsletter-preferences select[name="language"]').inputValue(),
      ).toBe('ru')
      expect(
        await page
          .locator(`.newsletter-preferences input[name="sections"][value="${sectionId}"]`)
          .isChecked(),
      ).toBe(true)
      expect(await page.locator('.newsletter-preferences input[name="all"]').isChecked()).toBe(
        false,
      )
    },
    SLOW,
  )
})

describe.skipIf(!browserTestsEnabled)('the newsletter in the admin', () => {
  it(
    'shows editors the subscribers with their status, and the next digest per language with its audience',
    async () => {
      const page = await newPage()
      await adminLogIn(page, 'editor@caspiandigest.example', 'demo-editor', { timeout: 30_000 })
      await page.goto('/admin/collections/subscribers')
      await page.waitForSelector('table', { timeout: 30_000 })
      const table = (await page.locator('table').textContent()) ?? ''
      expect(table).toContain(readerAz)
      // The English reader unsubscribed in one click above.
      expect(table).toMatch(/Unsubscribed/)

      await page.goto('/admin/newsletter-preview?language=az')
      const frame = page.locator('iframe[title]')
      await frame.waitFor({ timeout: 30_000 })
      expect(await frame.getAttribute('sandbox')).toBe('')
      expect(await frame.getAttribute('srcdoc')).toContain('<html lang="az">')
      await expect
        .poll(() => page.locator('[data-testid="digest-recipients"]').textContent(), {
          timeout: 15_000,
        })
        .toMatch(/\d/)
      // The navigation offers it to editors.
      expect(await page.locator('#nav-newsletter-preview').count()).toBe(1)
    },
    SLOW,
  )

  it(
    'does not show the subscribers or the preview to an author',
    async () => {
      const page = await newPage()
      await adminLogIn(page, 'author@caspiandigest.example', 'demo-author', { timeout: 30_000 })
      await page.goto('/admin/collections/subscribers')
      await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => undefined)
      expect(await page.content()).not.toContain('@e2e.example')
      await page.goto('/admin/newsletter-preview')
      await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => undefined)
      expect(await page.locator('iframe[srcdoc]').count()).toBe(0)
      expect(await page.content()).not.toContain('@e2e.example')
      expect(await page.locator('#nav-newsletter-preview').count()).toBe(0)
    },
    SLOW,
  )
})

describe('who can read a subscriber over HTTP', () => {
  it('refuses anonymous readers and authors through REST and GraphQL, and lets editors read', async () => {
    const email = `newsletter-read-${stamp}@e2e.example`
    const subscribed = await fetch(`${baseURL}/api/subscribers/subscribe`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': newClientAddress() },
      body: JSON.stringify({ email, language: 'en', all: true }),
    })
    expect(subscribed.status).toBe(200)
    // The same query that shows editors the address (below), so the refusal is not vacuous.
    const query = JSON.stringify({ query: '{ Subscribers(limit: 100) { docs { email } } }' })
    for (const headers of [{}, author]) {
      const rest = await fetch(`${baseURL}/api/subscribers?limit=100`, { headers })
      expect(rest.status).toBeGreaterThanOrEqual(400)
      expect(await rest.text()).not.toContain('@e2e.example')
      const graphql = await fetch(`${baseURL}/api/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: query,
      })
      expect(await graphql.text()).not.toContain('@e2e.example')
    }
    const asEditor = await fetch(`${baseURL}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...editor },
      body: query,
    })
    expect(await asEditor.text()).toContain(email)
    const preview = await fetch(`${baseURL}/api/subscribers/digest-preview?language=en`)
    expect(preview.status).toBe(401)
    const editorPreview = await fetch(`${baseURL}/api/subscribers/digest-preview?language=en`, {
      headers: editor,
    })
    expect(editorPreview.status).toBe(200)
    expect(((await editorPreview.json()) as { html: string }).html).toContain('<html lang="en">')
  })
})
