/**
 * The embargo end to end, against the production build: over HTTP (REST and GraphQL) editors and
 * admins are refused before the time and allowed after it; readers see nothing of the story
 * before it (page, API, feed, sitemap, search); in Chromium the desk and the Workflow panel show
 * the embargo (also in Azerbaijani) and offer no Publish.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { formatEmbargo } from '@/lib/embargo'
import type { WorkflowStateResponse } from '@/workflow/api'

import { adminLogIn, browserTestsEnabled, launchBrowser } from '../helpers/browser'
import { call, login, messageOf, seededChecklistParts, type Headers } from '../helpers/http'

const baseURL = inject('baseURL')
const SLOW = { timeout: 90_000 }
const EDITOR = { email: 'editor@caspiandigest.example', password: 'demo-editor' }
/** An editor whose admin language is Azerbaijani (made by the admin in `beforeAll`). */
const AZ_EDITOR = {
  email: `embargo-az-${Date.now().toString(36)}@newsroom.example`,
  password: 'embargo-az-pass-1',
}

const graphql = (query: string, headers: Headers = {}) =>
  call('/api/graphql', { method: 'POST', headers, body: { query } })

const codeOf = (json: Record<string, unknown>) =>
  (json.errors as { data?: { code?: string } }[] | undefined)?.[0]?.data?.code

const text = (path: string) => fetch(`${baseURL}${path}`).then((response) => response.text())

let editor: Headers, admin: Headers
let parts: Awaited<ReturnType<typeof seededChecklistParts>>
const unique = `embargo${Date.now().toString(36)}`

/** A ready-to-publish draft under embargo until `until`, written by the editor over REST. */
const embargoedDraft = async (name: string, until: string) => {
  const { status, json } = await call('/api/articles?draft=true', {
    method: 'POST',
    headers: editor,
    body: {
      title: `${name} ${unique}`,
      slug: `${name}-${unique}`,
      language: 'en',
      dek: `Quarterly figures ${unique}, under embargo.`,
      category: parts.category,
      authors: parts.authors,
      heroImage: parts.heroImage,
      embargoUntil: until,
    },
  })
  expect(status, messageOf(json)).toBe(201)
  const doc = json.doc as { id: number; slug: string; embargoUntil: string }
  expect(doc.embargoUntil).toBe(until)
  return doc
}

const workflowOf = async (id: number, headers: Headers) =>
  (await call(`/api/articles/${id}/workflow`, { headers })).json as unknown as WorkflowStateResponse

/** Nothing of the story is public: page, API, feed, sitemaps, search. */
const expectNothingPublic = async (id: number, slug: string) => {
  expect((await fetch(`${baseURL}/en/articles/${slug}`)).status).toBe(404)
  expect((await call(`/api/articles/${id}`)).status).toBe(404)
  const anonymous = await graphql(`{ Article(id: ${id}) { id embargoUntil } }`)
  expect((anonymous.json.data as { Article?: unknown } | undefined)?.Article ?? null).toBeNull()
  expect(await text('/en/feed.xml')).not.toContain(slug)
  expect(await text('/sitemaps/articles-en.xml')).not.toContain(slug)
  expect(await text('/sitemaps/news.xml')).not.toContain(slug)
  expect(await text(`/en/search?q=${unique}`)).not.toContain(slug)
}

const sleepUntil = (iso: string) =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(iso) - Date.now() + 300)))

beforeAll(async () => {
  editor = await login(EDITOR.email, EDITOR.password)
  admin = await login('admin@caspiandigest.example', 'demo-admin')
  parts = await seededChecklistParts()
  const created = await call('/api/users', {
    method: 'POST',
    headers: admin,
    body: { ...AZ_EDITOR, name: 'Leyla Məmmədova', roles: ['editor'], language: 'az' },
  })
  expect(created.status, messageOf(created.json)).toBe(201)
})

describe('the embargo over HTTP', () => {
  const hourAway = new Date(Date.now() + 3_600_000).toISOString()
  let held: { id: number; slug: string }

  beforeAll(async () => {
    held = await embargoedDraft('held', hourAway)
  })

  it('refuses editors and admins every way to publish before the time, with the time', async () => {
    const until = formatEmbargo('en', hourAway)
    for (const who of [editor, admin]) {
      const transition = await call(`/api/articles/${held.id}/transition`, {
        method: 'POST',
        headers: who,
        body: { transition: 'publish' },
      })
      expect(transition.status).toBe(409)
      expect(codeOf(transition.json)).toBe('embargo.notBefore')
      expect(messageOf(transition.json)).toContain(until)

      const patch = await call(`/api/articles/${held.id}`, {
        method: 'PATCH',
        headers: who,
        body: { _status: 'published' },
      })
      expect(patch.status).toBe(409)
      expect(codeOf(patch.json)).toBe('embargo.notBefore')

      const bulk = await call(`/api/articles?where[id][equals]=${held.id}`, {
        method: 'PATCH',
        headers: who,
        body: { _status: 'published' },
      })
      expect((bulk.json.docs as unknown[] | undefined) ?? []).toHaveLength(0)

      const early = new Date(Date.parse(hourAway) - 60_000).toISOString()
      const schedule = await call(`/api/articles/${held.id}/transition`, {
        method: 'POST',
        headers: who,
        body: { transition: 'schedule', date: early },
      })
      expect(schedule.status).toBe(409)
      expect(codeOf(schedule.json)).toBe('embargo.scheduleBefore')

      const mutation = await graphql(
        `mutation { updateArticle(id: ${held.id}, data: { _status: published }) { id _status } }`,
        who,
      )
      expect(messageOf(mutation.json)).toContain(until)
      const created = await graphql(
        `mutation { createArticle(data: { title: "Created live ${unique}", language: en, _status: published, embargoUntil: "${hourAway}" }) { id } }`,
        who,
      )
      expect(messageOf(created.json)).toContain(until)
    }
    // In the requester's language.
    const inRussian = await call(`/api/articles/${held.id}/transition`, {
      method: 'POST',
      headers: { ...editor, 'accept-language': 'ru' },
      body: { transition: 'publish' },
    })
    expect(inRussian.status).toBe(409)
    expect(messageOf(inRussian.json)).toContain(formatEmbargo('ru', hourAway))
    expect(messageOf(inRussian.json)).toMatch(/эмбарго/)

    const stored = await call(`/api/articles/${held.id}?draft=true&depth=0`, { headers: editor })
    expect(stored.json).toMatchObject({ stage: 'draft', _status: 'draft' })
    await expectNothingPublic(held.id, held.slug)
  })

  it('shows the editor why Publish is not offered', async () => {
    const state = await workflowOf(held.id, editor)
    expect(state.transitions.map((t) => t.name)).not.toContain('publish')
    expect(state.transitions.map((t) => t.name)).toContain('schedule')
    expect(state.embargo).toMatchObject({ until: hourAway, active: true })
    expect(state.embargo.reason).toContain(formatEmbargo('en', hourAway))
  })

  it('lets an editor (REST) and an admin (GraphQL) publish once the time has come', async () => {
    const soon = new Date(Date.now() + 6000).toISOString()
    const byEditor = await embargoedDraft('editor-after', soon)
    const byAdmin = await embargoedDraft('admin-after', soon)
    const early = await call(`/api/articles/${byEditor.id}`, {
      method: 'PATCH',
      headers: editor,
      body: { _status: 'published' },
    })
    expect(early.status).toBe(409)
    await expectNothingPublic(byEditor.id, byEditor.slug)

    await sleepUntil(soon)
    const patch = await call(`/api/articles/${byEditor.id}`, {
      method: 'PATCH',
      headers: editor,
      body: { _status: 'published' },
    })
    expect(patch.status, messageOf(patch.json)).toBe(200)
    const mutation = await graphql(
      `mutation { updateArticle(id: ${byAdmin.id}, data: { _status: published }) { id _status } }`,
      admin,
    )
    expect(mutation.json.data).toMatchObject({ updateArticle: { _status: 'published' } })

    for (const { id, slug } of [byEditor, byAdmin]) {
      expect((await fetch(`${baseURL}/en/articles/${slug}`)).status).toBe(200)
      const reader = await call(`/api/articles/${id}`)
      expect(reader.status).toBe(200)
      // Readers never see the embargo field, even after it.
      expect(reader.json).not.toHaveProperty('embargoUntil')
    }
  })
})

describe.runIf(browserTestsEnabled)('the embargo in the admin, in a real browser', () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>
  const contexts: BrowserContext[] = []
  const until = new Date(Date.now() + 7_200_000).toISOString()
  let article: { id: number; slug: string }

  beforeAll(async () => {
    browser = await launchBrowser()
    article = await embargoedDraft('desk', until)
  })
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close().catch(() => undefined)))
    await browser?.close()
  })

  const logIn = async ({ email, password } = EDITOR) => {
    const context = await browser.newContext(baseURL)
    contexts.push(context)
    const page = await context.newPage()
    page.setDefaultTimeout(30_000)
    await adminLogIn(page, email, password, SLOW)
    return page
  }

  const openArticle = async (page: Page) => {
    await page.goto(`/admin/collections/articles/${article.id}`)
    await page.locator('#workflow-panel[data-stage]').waitFor(SLOW)
  }

  it('shows the embargo on the desk and in the panel, and offers no Publish', async () => {
    const page = await logIn()
    await page.goto('/admin/desk')
    const card = page.locator(`.desk-card[data-id="${article.id}"]`)
    await card.waitFor(SLOW)
    const mark = card.locator('[data-testid="embargo-mark"]')
    await expect.poll(() => mark.innerText()).toMatch(/^Embargo until /)
    expect(await mark.getAttribute('data-until')).toBe(until)

    await openArticle(page)
    const panelMark = page.locator('#workflow-panel [data-testid="embargo-mark"]')
    await expect.poll(() => panelMark.innerText()).toContain('Embargo until')
    expect(await panelMark.innerText()).toContain('Publishing opens at the embargo time')
    expect(await page.locator('#workflow-transition-publish').count()).toBe(0)
    expect(await page.locator('#workflow-transition-schedule').count()).toBe(1)
    // The schedule's date picker starts at the embargo, in the browser's time zone.
    const embargoLocal = await page.evaluate((iso) => {
      const date = new Date(iso)
      return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16)
    }, until)
    expect(
      await page.locator('#workflow-panel input[name="workflow-date"]').getAttribute('min'),
    ).toBe(embargoLocal)
    expect(
      await page.locator('#action-save, button:text-is("Publish")').count(),
      'Payload’s Publish button',
    ).toBe(0)
  }, 180_000)

  it('says it in Azerbaijani to an editor working in Azerbaijani', async () => {
    const page = await logIn(AZ_EDITOR)
    await openArticle(page)
    const panelMark = page.locator('#workflow-panel [data-testid="embargo-mark"]')
    await expect.poll(() => panelMark.innerText()).toContain('Embarqo:')
    expect(await panelMark.innerText()).toContain('Dərc embarqo vaxtı çatanda mümkün olacaq')
    expect(await page.locator('#workflow-transition-publish').count()).toBe(0)
  }, 180_000)
})
