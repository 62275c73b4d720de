import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { blocksToLexical } from '@/lib/lexical'
import { slugify } from '@/lib/slug'

import { adminLogIn, browserTestsEnabled, launchBrowser } from '../helpers/browser'
import {
  call,
  login,
  messageOf,
  type Headers,
  type Json,
  fireTransition,
  transitionAt,
} from '../helpers/http'

const baseURL = inject('baseURL')
const SLOW = { timeout: 30_000 }

let editor: Headers, translator: Headers, author: Headers

/** Articles this file made, deleted when it is done (versions first). */
const made: number[] = []

let storyFields: Json

/** A published English original, written by the editor, with no language versions. */
const publishedOriginal = async (title: string) => {
  const created = await call('/api/articles?draft=true', {
    method: 'POST',
    headers: editor,
    body: {
      ...storyFields,
      title,
      language: 'en',
      dek: 'What happened, in a sentence.',
      body: blocksToLexical(['The first paragraph.', 'The second paragraph.']),
    },
  })
  expect(created.status, messageOf(created.json)).toBe(201)
  const id = (created.json.doc as { id: number }).id
  made.push(id)
  await fireTransition(editor, id, 'publish')
  return id
}

/** A version added by the editor (assigned to themselves), translated and published. */
const publishedVersion = async (originalId: number, language: 'az' | 'ru', title: string) => {
  const added = await call(`/api/articles/${originalId}/translations`, {
    method: 'POST',
    headers: editor,
    body: { language },
  })
  expect(added.status, messageOf(added.json)).toBe(201)
  const id = (added.json.doc as { id: number }).id
  made.push(id)
  const edited = await call(`/api/articles/${id}?draft=true`, {
    method: 'PATCH',
    headers: editor,
    body: { title, dek: 'Lid.' },
  })
  expect(edited.status, messageOf(edited.json)).toBe(200)
  await fireTransition(editor, id, 'publish')
  return id
}

/** The original published again with other text: its versions need an update. */
const changeOriginal = async (originalId: number) => {
  const changed = await call(`/api/articles/${originalId}`, {
    method: 'PATCH',
    headers: editor,
    body: { body: blocksToLexical(['The first paragraph.', 'The second one, rewritten.']) },
  })
  expect(changed.status, messageOf(changed.json)).toBe(200)
}

const live = async (id: number) => (await call(`/api/articles/${id}?depth=0`)).json

beforeAll(async () => {
  editor = await login('editor@caspiandigest.example', 'demo-editor')
  translator = await login('translator@caspiandigest.example', 'demo-translator')
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
    source: seeded.source,
  }
})

afterAll(async () => {
  const admin = await login('admin@caspiandigest.example', 'demo-admin')
  for (const id of made.reverse()) {
    await call(`/api/articles/${id}`, { method: 'DELETE', headers: admin })
  }
})

describe('the translator’s update over HTTP, both sides of each permission', () => {
  it('starts an update only for the version’s translator, and Mark updated only after a change', async () => {
    const originalId = await publishedOriginal('Tram depot: who updates')
    const az = await publishedVersion(originalId, 'az', 'Tramvay deposu')
    await changeOriginal(originalId)
    const patch = (headers: Headers, body: Json) =>
      call(`/api/articles/${az}?draft=true`, { method: 'PATCH', headers, body })
    const markUpdated = (headers: Headers, extra: Headers = {}) =>
      call(`/api/articles/${az}/mark-updated`, {
        method: 'POST',
        headers: { ...headers, ...extra },
      })

    // Published: read-only for the translator until the update starts.
    expect((await patch(translator, { title: 'Too early' })).status).toBe(403)
    // The update is the writers' way in: not an editor's (they edit directly), not an author's.
    expect((await transitionAt(editor, az, 'start_update')).status).toBe(403)
    expect((await transitionAt(author, az, 'start_update')).status).toBe(403)
    expect((await transitionAt({}, az, 'start_update')).status).toBe(401)

    // Nothing changed yet: Mark updated is refused, in the requester's language too.
    const refused = await markUpdated(translator)
    expect(refused.status).toBe(409)
    expect(messageOf(refused.json)).toMatch(/has not changed since the original changed/)
    const inAzerbaijani = await markUpdated(translator, { 'Accept-Language': 'az' })
    expect(messageOf(inAzerbaijani.json)).toMatch(/mətni dəyişməyib/)

    await fireTransition(translator, az, 'start_update')
    expect(await live(az)).toMatchObject({ title: 'Tramvay deposu', _status: 'published' })
    expect((await markUpdated(translator)).status).toBe(409)
    expect((await patch(author, { title: 'Not theirs' })).status).toBe(403)
    const edited = await patch(translator, { title: 'Tramvay deposu yenilənir' })
    expect(edited.status, messageOf(edited.json)).toBe(200)
    expect((await markUpdated(author)).status).toBe(403)
    expect((await markUpdated(translator)).status).toBe(200)

    // The update goes through review; readers keep the published text until it is published.
    await fireTransition(translator, az, 'submit')
    expect((await patch(translator, { title: 'In review' })).status).toBe(403)
    expect((await transitionAt(translator, az, 'publish')).status).toBe(403)
    expect((await live(az)).title).toBe('Tramvay deposu')
    await fireTransition(editor, az, 'publish')
    expect(await live(az)).toMatchObject({
      title: 'Tramvay deposu yenilənir',
      _status: 'published',
      needsUpdate: false,
    })
  })

  it('unpublishes an original’s live versions for an editor, and refuses each for others', async () => {
    const originalId = await publishedOriginal('Cable car: unpublished together')
    const az = await publishedVersion(originalId, 'az', 'Kanat yolu')
    const unpublishVersions = (headers: Headers) =>
      call(`/api/articles/${originalId}/unpublish-versions`, { method: 'POST', headers })

    expect((await unpublishVersions({})).status).toBe(401)
    const byTranslator = await unpublishVersions(translator)
    expect(byTranslator.json).toMatchObject({ unpublished: [], refused: [{ id: az }] })
    const byAuthor = await unpublishVersions(author)
    expect(byAuthor.json).toMatchObject({ unpublished: [] })
    expect((await live(az))._status).toBe('published')

    // Left live, the version says its original was withdrawn, and names nothing of it.
    const pageOf = async () =>
      (await fetch(`${baseURL}/az/articles/${slugify('Kanat yolu')}`)).text()
    expect(await pageOf()).toContain('Cable car: unpublished together')
    await fireTransition(editor, originalId, 'unpublish')
    let html = ''
    for (const started = Date.now(); Date.now() - started < 10_000;) {
      html = await pageOf()
      if (html.includes('Artıq dərc olunmayan orijinaldan')) break
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    expect(html).toContain('Artıq dərc olunmayan orijinaldan tərcümə edilib.')
    expect(html).not.toContain('Cable car: unpublished together')
    const byEditor = await unpublishVersions(editor)
    expect(byEditor.status).toBe(200)
    expect(byEditor.json).toMatchObject({ unpublished: [{ id: az, language: 'az' }], refused: [] })
    expect((await call(`/api/articles/${az}?depth=0`)).status).toBe(404)
  })
})

describe.runIf(browserTestsEnabled)('the translator’s admin, in Chromium', () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>
  let page: Page
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(() => browser?.close())

  const asPerson = async (email: string, password: string) => {
    page = await (await browser.newContext(baseURL)).newPage()
    await adminLogIn(page, email, password, { timeout: 60_000 })
  }
  const open = async (id: number) => {
    await page.goto(`/admin/collections/articles/${id}`)
    await page.locator('#workflow-panel[data-stage]').waitFor({ timeout: 60_000 })
    await page.locator('[data-testid="translations-panel"] .tr-languages').waitFor(SLOW)
  }
  /** Whether the Translations panel comes before the Workflow panel on the page. */
  const translationsFirst = () =>
    page.evaluate(() => {
      const translations = document.querySelector('[data-testid="translations-panel"]')
      const workflow = document.querySelector('#workflow-panel')
      if (!translations || !workflow) throw new Error('a panel is missing')
      return Boolean(
        translations.compareDocumentPosition(workflow) & Node.DOCUMENT_POSITION_FOLLOWING,
      )
    })

  it('puts the Translations panel first for a translator, and a new version’s slug follows its title', async () => {
    const originalId = await publishedOriginal('Bakery prices rise')
    const added = await call(`/api/articles/${originalId}/translations`, {
      method: 'POST',
      headers: translator,
      body: { language: 'ru' },
    })
    expect(added.status, messageOf(added.json)).toBe(201)
    const ru = (added.json.doc as { id: number }).id
    made.push(ru)

    await asPerson('translator@caspiandigest.example', 'demo-translator')
    await open(ru)
    expect(await translationsFirst()).toBe(true)
    // What the translator acts on: no "nothing to do" beside a note box without a button.
    expect(await page.locator('[data-testid="workflow-waiting"]').count()).toBe(0)
    expect(await page.locator('#field-slug').inputValue()).toBe('bakery-prices-rise')

    const title = 'Цены на хлеб растут'
    await page.locator('#field-title').fill(title)
    await page.locator('#action-save-draft').click()
    await expect.poll(() => page.locator('#field-slug').inputValue(), SLOW).toBe(slugify(title))
    const saved = await call(`/api/articles/${ru}?draft=true&depth=0`, { headers: translator })
    expect(saved.json).toMatchObject({ title, slug: slugify(title) })

    // Once submitted there is nothing for the translator to fire or note here: one line, no form.
    await page.locator('#workflow-transition-submit').click()
    await page.locator('#workflow-panel[data-stage="in_review"]').waitFor(SLOW)
    const actions = page.locator('#workflow-panel .wf-actions')
    if ((await actions.locator('#workflow-add-note').count()) === 0) {
      expect(await actions.locator('textarea').count()).toBe(0)
      await actions.locator('[data-testid="workflow-waiting"]').waitFor(SLOW)
    }

    // An editor on the same version: the workflow first; the header's status is the badge's.
    await asPerson('editor@caspiandigest.example', 'demo-editor')
    await open(ru)
    expect(await translationsFirst()).toBe(false)
    const badge = await page.locator('#workflow-panel .wf-panel__head .wf-badge').textContent()
    await expect
      .poll(() =>
        page.locator('[data-testid="workflow-status"] .status__value').first().textContent(),
      )
      .toBe(badge)
    expect(badge).toBe('In review')
    // Never published: "Publish", not "Publish changes".
    await expect
      .poll(async () => (await page.locator('#action-save').textContent())?.trim(), SLOW)
      .toBe('Publish')
  })

  it('asks the editor who unpublishes an original, listing its live versions, and unpublishes them too', async () => {
    const originalId = await publishedOriginal('Stadium reopens')
    const az = await publishedVersion(originalId, 'az', 'Stadion yenidən açılır')

    await asPerson('editor@caspiandigest.example', 'demo-editor')
    await open(originalId)
    const status = page.locator('[data-testid="workflow-status"]')
    await expect(status.textContent()).resolves.toMatch(/Published$/)
    // Saved changes to the published text: still Published, with changes not yet published.
    await page.locator('#field-dek').fill('What happened, in a sentence, corrected.')
    await page.locator('#action-save-draft').click()
    await expect.poll(() => status.textContent(), SLOW).toContain('changes not yet published')

    await page.locator('#workflow-transition-unpublish').click()
    const dialog = page.locator('[data-testid="unpublish-confirm"]')
    await dialog.waitFor(SLOW)
    await dialog
      .locator('[data-testid="unpublish-live-versions"] li[data-language="az"]')
      .waitFor(SLOW)
    await expect(
      dialog.locator('[data-testid="unpublish-live-versions"]').textContent(),
    ).resolves.toContain('Stadion yenidən açılır')
    // Nothing happens before the editor confirms.
    expect((await live(originalId))._status).toBe('published')

    await dialog.locator('#unpublish-versions-too').check()
    await page.locator('#confirm-action').click()
    await expect
      .poll(async () => (await call(`/api/articles/${az}?depth=0`)).status, SLOW)
      .toBe(404)
    expect((await call(`/api/articles/${originalId}?depth=0`)).status).toBe(404)
    const timeline = await call(
      `/api/editorial-events?where[article][equals]=${az}&sort=-createdAt&limit=1&depth=0`,
      { headers: editor },
    )
    expect((timeline.json.docs as Json[])[0]).toMatchObject({ transition: 'unpublish' })
  })
})
