import { mkdir } from 'node:fs/promises'
import path from 'node:path'

import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest'

import { adminLogIn, browserTestsEnabled, launchBrowser } from '../helpers/browser'
import { readOutbox } from '../helpers/fixtures'
import { call, login, messageOf, type Headers, type Json } from '../helpers/http'
import { describeOffenders, offendersIn, visibleStrings } from '../helpers/languageSweep'

/**
 * The moderation of readers' comments against the production build: the endpoints over HTTP
 * from both sides (editors allowed; authors, translators and anonymous callers refused, bad input
 * refused with nothing changed; GraphQL too), and an editor working in Azerbaijani in Chromium:
 * the queue opens on the pending comments, two approved in one bulk action, one marked spam,
 * and a reply as the newsroom from a comment's edit view.
 */

const baseURL = inject('baseURL')
/** Screenshots for people to look at; git-ignored. */
const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-artifacts')
const stamp = Date.now().toString(36)
const PASSWORD = 'moderation-e2e-1'
/** The admin's first compile of a route can be slow on two cores; actions after that are quick. */
const SLOW = { timeout: 90_000 }

let admin: Headers, editor: Headers, author: Headers, translator: Headers
let articleId: number
/** A comment that stays pending through the HTTP tests: the editors' email must name it. */
let waitingId = 0
const azEditor = { email: `moderator-az-${stamp}@newsroom.example`, name: 'Günay Əliyeva' }

const createComment = async (name: string, extra: Json = {}): Promise<number> => {
  const { status, json } = await call('/api/comments', {
    method: 'POST',
    headers: editor,
    body: {
      article: articleId,
      name,
      email: `${name.replace(/\W+/g, '-').toLowerCase()}@readers.example`,
      body: `${name} says the ferry timetable is wrong again.`,
      language: 'az',
      status: 'pending',
      ...extra,
    },
  })
  expect(status, messageOf(json)).toBe(201)
  return (json.doc as { id: number }).id
}

const stored = async (id: number) => {
  const { status, json } = await call(`/api/comments/${id}?depth=0`, { headers: editor })
  expect(status).toBe(200)
  return json as { status: string; moderatedBy?: number | null; parent?: number | null }
}

const moderate = (headers: Headers, body: unknown) =>
  call('/api/comments/moderate', { method: 'POST', headers, body })

const graphql = (headers: Headers, query: string) =>
  call('/api/graphql', { method: 'POST', headers, body: { query } })

beforeAll(async () => {
  admin = await login('admin@caspiandigest.example', 'demo-admin')
  editor = await login('editor@caspiandigest.example', 'demo-editor')
  author = await login('author@caspiandigest.example', 'demo-author')
  translator = await login('translator@caspiandigest.example', 'demo-translator')
  const { json } = await call(
    '/api/articles?where[_status][equals]=published&depth=0&limit=1&sort=-publishedAt',
    { headers: admin },
  )
  articleId = (json.docs as { id: number }[])[0].id
  const created = await call('/api/users', {
    method: 'POST',
    headers: admin,
    body: {
      name: azEditor.name,
      email: azEditor.email,
      password: PASSWORD,
      roles: ['editor'],
      language: 'az',
    },
  })
  expect(created.status, messageOf(created.json)).toBe(201)
}, 60_000)

describe('the moderation endpoints over HTTP', () => {
  it('lets an editor moderate in bulk and refuses everyone else, changing nothing', async () => {
    const ids = [await createComment(`Reader A ${stamp}`), await createComment(`Reader B ${stamp}`)]
    const body = { ids, status: 'approved' }
    for (const [headers, status] of [
      [author, 403],
      [translator, 403],
      [{}, 401],
    ] as const) {
      const answer = await moderate(headers, body)
      expect(answer.status).toBe(status)
      expect(messageOf(answer.json)).toBe(
        status === 401 ? 'Log in to the newsroom first.' : 'Only editors moderate comments.',
      )
    }
    for (const bad of [
      { ids, status: 'published' },
      { ids: [], status: 'approved' },
      { ids: [...ids, 'x'], status: 'approved' },
      { ids: [...ids, 99_999_999], status: 'approved' },
    ]) {
      const answer = await moderate(editor, bad)
      expect([400, 404]).toContain(answer.status)
      expect(messageOf(answer.json)).toBeTruthy()
    }
    expect((await stored(ids[0])).status).toBe('pending')
    expect((await stored(ids[1])).status).toBe('pending')

    const ok = await moderate(editor, body)
    expect(ok.status).toBe(200)
    expect(ok.json).toMatchObject({ changed: ids, message: 'Comments changed: 2.' })
    expect((await stored(ids[0])).status).toBe('approved')
  })

  it('lets only editors reply as the newsroom', async () => {
    const id = await createComment(`Reader C ${stamp}`)
    waitingId = id
    for (const [headers, status] of [
      [author, 403],
      [translator, 403],
      [{}, 401],
    ] as const) {
      const answer = await call(`/api/comments/${id}/reply`, {
        method: 'POST',
        headers,
        body: { body: 'Thanks' },
      })
      expect(answer.status).toBe(status)
    }
    const empty = await call(`/api/comments/${id}/reply`, {
      method: 'POST',
      headers: editor,
      body: { body: ' ' },
    })
    expect(empty.status).toBe(400)
    expect(messageOf(empty.json)).toBe('Write the reply first.')
    expect((await stored(id)).status).toBe('pending')
  })

  it('keeps comments and their email addresses from everyone but editors in GraphQL', async () => {
    const id = await createComment(`Reader D ${stamp}`)
    const read = '{ Comments(where: { status: { equals: pending } }) { docs { id email } } }'
    for (const headers of [{}, author, translator]) {
      const answer = await graphql(headers, read)
      const docs = (answer.json.data as { Comments?: { docs: unknown[] } | null } | null)?.Comments
      expect(docs?.docs ?? []).toEqual([])
      const change = await graphql(
        headers,
        `mutation { updateComment(id: ${id}, data: { status: approved }) { id status } }`,
      )
      expect(change.json.errors).toBeTruthy()
    }
    expect((await stored(id)).status).toBe('pending')
    const asEditor = await graphql(
      editor,
      `mutation { updateComment(id: ${id}, data: { status: rejected }) { id status moderatedBy { id } } }`,
    )
    expect(asEditor.json.errors).toBeUndefined()
    const updated = (asEditor.json.data as { updateComment: Json }).updateComment
    expect(updated).toMatchObject({ status: 'rejected' })
    expect((updated.moderatedBy as { id: number } | null)?.id).toBeTruthy()
  })
})

describe.runIf(browserTestsEnabled)('the moderation queue in the admin, in Azerbaijani', () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>
  const contexts: BrowserContext[] = []
  beforeAll(async () => {
    browser = await launchBrowser()
    await mkdir(ARTIFACTS, { recursive: true })
  })
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close().catch(() => undefined)))
    await browser?.close()
  })

  const logIn = async (email: string, password: string, language?: string) => {
    const context = await browser.newContext(baseURL)
    contexts.push(context)
    if (language) {
      await context.addCookies([{ name: 'payload-lng', value: language, url: baseURL }])
    }
    const page = await context.newPage()
    page.setDefaultTimeout(30_000)
    await adminLogIn(page, email, password, SLOW)
    return page
  }

  /** Nothing on the page in English where the project has the page's language's words. */
  const sweep = async (page: Page, name: string, language: 'az' | 'ru') => {
    const offenders = offendersIn(name, language, await visibleStrings(page))
    expect(describeOffenders(offenders)).toEqual([])
  }

  const rowOf = (page: Page, name: string) => page.locator('tr', { hasText: name })
  /**
   * Ticks a row's box. Payload's list renders the row before its checkbox has its size (the
   * input is styled away behind an icon), so a check can meet a box not yet laid out: retried.
   */
  const select = async (page: Page, name: string) => {
    const box = rowOf(page, name).locator('.select-row input[type="checkbox"]')
    await vi.waitFor(
      async () => {
        await box.check({ force: true, timeout: 2000 })
        expect(await box.isChecked()).toBe(true)
      },
      { timeout: 20_000, interval: 250 },
    )
  }

  it('hides the comments from an author, in the navigation and at their address', async () => {
    const page = await logIn('author@caspiandigest.example', 'demo-author')
    expect(await page.locator('a[href="/admin/collections/comments"]').count()).toBe(0)
    await page.goto('/admin/collections/comments')
    await expect
      .poll(async () => page.locator('[data-testid="comments-queue"]').count(), { timeout: 15_000 })
      .toBe(0)
  }, 120_000)

  it('opens on the pending comments, approves two at once, marks one spam and replies', async () => {
    const names = ['E', 'F', 'G', 'H'].map((letter) => `Oxucu ${letter} ${stamp}`)
    const ids: number[] = []
    for (const name of names) ids.push(await createComment(name))
    const [e, f, g, h] = ids

    const page = await logIn(azEditor.email, PASSWORD, 'az')
    expect(await page.locator('a[href="/admin/collections/comments"]').count()).toBeGreaterThan(0)
    await page.goto('/admin/collections/comments')
    const queue = page.locator('[data-testid="comments-queue"]')
    await queue.waitFor(SLOW)
    // The queue opens on the pending comments, oldest first.
    await page.waitForURL((url) => url.search.includes('pending'), SLOW)
    await expect
      .poll(() => queue.locator('button[data-status="pending"]').getAttribute('aria-pressed'))
      .toBe('true')
    // Its words are the admin's language's, not English.
    const bar = await queue.innerText()
    expect(bar).toContain('Gözləyir')
    expect(bar).not.toMatch(/Pending|All languages|Awaiting email/)
    for (const name of names) await rowOf(page, name).waitFor()
    await sweep(page, 'the comments queue', 'az')

    await select(page, names[0])
    await select(page, names[1])
    const bulk = page.locator('[data-testid="comments-bulk"]')
    await expect.poll(() => bulk.innerText()).toContain('Seçilib: 2')
    expect(await bulk.innerText()).not.toContain('Approve')
    await bulk.locator('button[data-action="approved"]').click()
    await expect
      .poll(() => bulk.locator('[role="status"]').innerText(), { timeout: 15_000 })
      .toBe('Dəyişdirilən şərhlər: 2.')
    expect((await stored(e)).status).toBe('approved')
    expect((await stored(f)).status).toBe('approved')
    // They leave the pending list.
    await expect.poll(() => rowOf(page, names[0]).count(), { timeout: 15_000 }).toBe(0)

    await page.screenshot({ path: path.join(ARTIFACTS, 'comments-queue-az.png') })

    await select(page, names[2])
    await bulk.locator('button[data-action="spam"]').click()
    await expect
      .poll(() => bulk.locator('[role="status"]').innerText(), { timeout: 15_000 })
      .toBe('Dəyişdirilən şərhlər: 1.')
    expect((await stored(g)).status).toBe('spam')
    // The selection of the first action did not carry over to the second.
    expect((await stored(e)).status).toBe('approved')
    expect((await stored(f)).status).toBe('approved')

    // The spam tab lists it; the language filter keeps to one language.
    await queue.locator('button[data-status="spam"]').click()
    await rowOf(page, names[2]).waitFor()
    await queue.locator('select').selectOption('ru')
    await page.waitForURL((url) => url.search.includes('ru'))
    await expect.poll(() => rowOf(page, names[2]).count(), { timeout: 15_000 }).toBe(0)
    await queue.locator('select').selectOption('az')
    await rowOf(page, names[2]).waitFor()

    // One comment's verdict from its edit view: the spam one back to pending.
    await page.goto(`/admin/collections/comments/${g}`)
    const gPanel = page.locator('[data-testid="comment-moderation"]')
    await gPanel.waitFor(SLOW)
    expect(await gPanel.innerText()).toContain('İndi: Spam')
    await gPanel.locator('button[data-action="pending"]').click()
    await expect
      .poll(() => gPanel.locator('[role="status"]').innerText(), { timeout: 15_000 })
      .toBe('Dəyişdirilən şərhlər: 1.')
    await expect.poll(() => gPanel.innerText()).toContain('İndi: Gözləyir')
    expect((await stored(g)).status).toBe('pending')

    // A reply as the newsroom from the edit view of a pending comment.
    await page.goto(`/admin/collections/comments/${h}`)
    const panel = page.locator('[data-testid="comment-moderation"]')
    await panel.waitFor(SLOW)
    expect(await panel.innerText()).toContain('Redaksiya adından cavab')
    await sweep(page, 'a comment', 'az')
    const text = `Təşəkkür edirik, cədvəl düzəldildi ${stamp}`
    await panel.locator('textarea[name="newsroomReply"]').fill(text)
    await panel.locator('button[data-action="reply"]').click()
    await expect
      .poll(() => panel.locator('[role="status"]').innerText(), { timeout: 15_000 })
      .toBe('Cavab dərc olundu.')
    await page.screenshot({ path: path.join(ARTIFACTS, 'comment-reply-az.png'), fullPage: true })

    expect((await stored(h)).status).toBe('approved')
    const { json } = await call(
      `/api/comments?where[parent][equals]=${h}&where[byNewsroom][equals]=true&depth=0`,
      { headers: editor },
    )
    const replies = json.docs as { body: string; status: string; language: string }[]
    expect(replies).toHaveLength(1)
    expect(replies[0]).toMatchObject({ body: text, status: 'approved', language: 'az' })
  }, 240_000)

  it('shows the queue and a comment in Russian to an editor working in Russian', async () => {
    const name = `Читатель ${stamp}`
    const id = await createComment(name, {
      language: 'ru',
      body: `${'Паром опять опоздал. '.repeat(30)}КОНЕЦ`,
    })
    const email = `moderator-ru-${stamp}@newsroom.example`
    const created = await call('/api/users', {
      method: 'POST',
      headers: admin,
      body: { name: 'Ирина Петрова', email, password: PASSWORD, roles: ['editor'], language: 'ru' },
    })
    expect(created.status, messageOf(created.json)).toBe(201)
    const page = await logIn(email, PASSWORD, 'ru')
    await page.goto('/admin/collections/comments')
    const queue = page.locator('[data-testid="comments-queue"]')
    await queue.waitFor(SLOW)
    await rowOf(page, name).waitFor(SLOW)
    expect(await queue.innerText()).toContain('На модерации')
    // The queue shows an excerpt of a long comment, not all of it.
    expect(await rowOf(page, name).innerText()).toContain('Паром опять опоздал.')
    expect(await rowOf(page, name).innerText()).not.toContain('КОНЕЦ')
    await select(page, name)
    await expect.poll(() => queue.innerText()).toContain('Пометить как спам')
    await sweep(page, 'the comments queue', 'ru')
    await page.goto(`/admin/collections/comments/${id}`)
    const panel = page.locator('[data-testid="comment-moderation"]')
    await panel.waitFor(SLOW)
    expect(await panel.innerText()).toContain('Ответить от имени редакции')
    await sweep(page, 'a comment', 'ru')
  }, 180_000)
})

describe('the editors’ email about new comments, sent by the server’s own queue runner', () => {
  it('names each waiting comment once to each editor, in the editor’s language', async () => {
    expect(waitingId).toBeGreaterThan(0)
    type Mail = { to: string[]; subject: string; text: string; html: string }
    const mails = async () =>
      ((await readOutbox(inject('outboxDir'))) as Mail[]).filter((mail) =>
        /awaiting moderation|moderasiya gözləyən|ждут модерации/i.test(mail.subject),
      )
    const link = `/admin/collections/comments/${waitingId}\n`
    // The e2e server waits 2 s (COMMENTS_NOTIFY_DELAY_SECONDS) and runs its queue every 10 s.
    const naming = async (email: string) =>
      (await mails()).filter((mail) => mail.to.includes(email) && `${mail.text}\n`.includes(link))
        .length
    await expect
      .poll(
        async () => [await naming('editor@caspiandigest.example'), await naming(azEditor.email)],
        { timeout: 60_000, interval: 1000 },
      )
      .toEqual([1, 1])
    const all = await mails()
    // Nobody hears of one comment twice.
    const named = all.flatMap((mail) =>
      [...mail.text.matchAll(/\/admin\/collections\/comments\/(\d+)\n/g)].map(
        (match) => `${mail.to.join(',')} ${match[1]}`,
      ),
    )
    expect(named.length).toBeGreaterThan(0)
    expect(new Set(named).size).toBe(named.length)
    // Admins are not editors: not on the list.
    expect(all.some((mail) => mail.to.includes('admin@caspiandigest.example'))).toBe(false)
    // The Azerbaijani editor reads it in Azerbaijani.
    const az = all.find((mail) => mail.to.includes(azEditor.email))
    expect(az?.subject).toMatch(/^Moderasiya gözləyən şərhlər: \d+$/)
  }, 90_000)
})
