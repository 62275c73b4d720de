import { mkdir } from 'node:fs/promises'
import path from 'node:path'

import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { blocksToLexical } from '@/lib/lexical'

import {
  adminLogIn,
  browserTestsEnabled,
  launchBrowser,
  waitForNewArticle,
} from '../helpers/browser'
import { call, login, messageOf, type Headers, type Json, fireTransition } from '../helpers/http'

const baseURL = inject('baseURL')
const SLOW = { timeout: 30_000 }
const artifacts = path.resolve(import.meta.dirname, '../../test-artifacts')

let editor: Headers, translator: Headers, author: Headers

/**
 * Articles this file made, deleted when it is done: the other files share the server and read
 * the seeded newsroom (a published original titled like a draft version would confuse them).
 */
const made: number[] = []

/** The story fields of a seeded published English article, so a new original passes the checklist. */
let storyFields: Json

const ORIGINAL_BODY = [
  'The ferry from Baku to Turkmenbashi will sail daily from next month, the port authority said.',
  'Tickets go on sale on Monday at the port and online, priced at 90 manat for a cabin.',
  'The crossing takes about twelve hours in calm weather.',
]

/** A published English original written by the editor over REST, with no language versions. */
const publishedOriginal = async (title: string) => {
  const created = await call('/api/articles?draft=true', {
    method: 'POST',
    headers: editor,
    body: {
      ...storyFields,
      title,
      language: 'en',
      dek: 'Daily sailings across the Caspian start next month.',
      body: blocksToLexical(ORIGINAL_BODY),
    },
  })
  expect(created.status).toBe(201)
  const id = (created.json.doc as { id: number }).id
  made.push(id)
  await fireTransition(editor, id, 'publish')
  return id
}

beforeAll(async () => {
  editor = await login('editor@caspiandigest.example', 'demo-editor')
  translator = await login('translator@caspiandigest.example', 'demo-translator')
  author = await login('author@caspiandigest.example', 'demo-author')
  const { json } = await call(
    '/api/articles?where[language][equals]=en&where[_status][equals]=published&where[translationOf][exists]=false&depth=0&limit=1&sort=-publishedAt',
    { headers: editor },
  )
  const seeded = (json.docs as Json[])[0]
  expect(seeded).toBeTruthy()
  storyFields = {
    category: seeded.category,
    categories: seeded.categories,
    tags: seeded.tags,
    authors: seeded.authors,
    heroImage: seeded.heroImage,
    source: seeded.source,
  }
  await mkdir(artifacts, { recursive: true })
})

afterAll(async () => {
  const admin = await login('admin@caspiandigest.example', 'demo-admin')
  // Language versions first, then their originals.
  for (const id of made.reverse()) {
    const { status } = await call(`/api/articles/${id}`, { method: 'DELETE', headers: admin })
    expect(status).toBe(200)
  }
})

describe('the translation endpoints over HTTP', () => {
  it('let translators add versions in their languages and refuse everything else, saying why', async () => {
    const id = await publishedOriginal('Ferry timetable: who may translate')
    const add = (headers: Headers, body: unknown, on = id) =>
      call(`/api/articles/${on}/translations`, { method: 'POST', headers, body })

    expect((await add({}, { language: 'ru' })).status).toBe(401)

    // The demo translator works in az and ru: a Russian version is theirs to add.
    const ru = await add(translator, { language: 'ru' })
    expect(ru.status, messageOf(ru.json)).toBe(201)
    expect(ru.json.doc).toMatchObject({ language: 'ru', stage: 'draft' })
    const ruId = (ru.json.doc as { id: number }).id
    made.push(ruId)

    const again = await add(translator, { language: 'ru' })
    expect(again.status).toBe(409)
    expect(messageOf(again.json)).toMatch(/already has a version in Russian/)

    // The original's own language, even for an editor.
    const english = await add(editor, { language: 'en' })
    expect(english.status).toBe(409)
    expect(messageOf(english.json)).toBe(
      'The original is in English; a language version must be in another language.',
    )

    // An author is not a translator; a translator picks no one else.
    const byAuthor = await add(author, { language: 'az' })
    expect(byAuthor.status).toBe(403)
    expect(messageOf(byAuthor.json)).toBe(
      'Only editors, and translators working in Azerbaijani, can add a version in Azerbaijani.',
    )
    const assigning = await add(translator, { language: 'az', translator: 1 })
    expect(assigning.status).toBe(403)

    expect((await add(editor, { language: 'xx' })).status).toBe(400)
    const onVersion = await add(editor, { language: 'az' }, ruId)
    expect(onVersion.status).toBe(400)
    expect(messageOf(onVersion.json)).toMatch(/add translations from its original/)

    // The panel's list, from the original and from the version alike.
    for (const from of [id, ruId]) {
      const { status, json } = await call(`/api/articles/${from}/translations`, {
        headers: translator,
      })
      expect(status).toBe(200)
      expect(json).toMatchObject({
        original: { id, language: 'en', stage: 'published' },
        languages: [
          { language: 'az', version: null, canAdd: true },
          { language: 'ru', version: { id: ruId, stage: 'draft', needsUpdate: false } },
        ],
      })
    }
    const asAuthor = await call(`/api/articles/${id}/translations`, { headers: author })
    expect((asAuthor.json.languages as Json[]).map((row) => row.canAdd)).toEqual([false, false])
    expect((await call(`/api/articles/${id}/translations`)).status).toBe(401)
  })
})

describe.runIf(browserTestsEnabled)('translating in the admin, in Azerbaijani', () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>
  let page: Page
  beforeAll(async () => {
    browser = await launchBrowser()
    page = await (await browser.newContext(baseURL)).newPage()
  })
  afterAll(() => browser?.close())

  const panel = () => page.locator('[data-testid="translations-panel"]')
  const row = (language: string) => panel().locator(`li[data-language="${language}"]`)

  /** A picture of the panel alone, for a person to look at (tall enough to hold all of it). */
  const shoot = async (name: string) => {
    await page.setViewportSize({ width: 1280, height: 1800 })
    await panel().scrollIntoViewIfNeeded()
    await panel().screenshot({ path: path.join(artifacts, name), animations: 'disabled' })
    await page.setViewportSize({ width: 1280, height: 900 })
  }

  const logIn = (email: string, password: string) =>
    adminLogIn(page, email, password, { timeout: 60_000 })

  const openArticle = async (id: number) => {
    await page.goto(`/admin/collections/articles/${id}`)
    await panel().locator('.tr-languages').waitFor({ timeout: 60_000 })
  }

  it('adds the az version from the original, translates, submits; an editor publishes it', async () => {
    const originalId = await publishedOriginal('Daily ferry to Turkmenbashi')

    // The translator logs in and picks Azerbaijani for the admin in their account settings.
    await logIn('translator@caspiandigest.example', 'demo-translator')
    await page.goto('/admin/account')
    await page.locator('#language-select').click()
    await page.locator('.rs__option', { hasText: 'Azərbaycan dili' }).click()
    await page.waitForFunction(() => document.documentElement.lang === 'az', null, {
      timeout: 30_000,
    })

    // On the original: az and ru are missing, and the translator may add both.
    await openArticle(originalId)
    await expect(panel().locator('.tr-panel__title').textContent()).resolves.toBe('Tərcümələr')
    await expect(row('az').locator('.tr-missing').textContent()).resolves.toBe('yoxdur')
    const add = page.locator('#add-translation-az')
    await expect(add.textContent()).resolves.toContain('Azərbaycan dili versiyasını əlavə et')
    await shoot('translations-panel-original.png')

    await add.click()
    const versionId = await waitForNewArticle(page, originalId)
    made.push(versionId)
    await panel().locator('[data-testid="original-text"]').waitFor({ timeout: 60_000 })
    await expect(panel().getAttribute('data-kind')).resolves.toBe('version')
    await expect(
      panel().locator('[data-testid="translations-original-link"]').textContent(),
    ).resolves.toContain('Daily ferry to Turkmenbashi')
    await expect(panel().locator('.tr-original__text p').allTextContents()).resolves.toEqual([
      expect.stringContaining('Daily ferry to Turkmenbashi'),
      'Daily sailings across the Caspian start next month.',
      ...ORIGINAL_BODY,
    ])
    await shoot('translations-panel-version.png')

    // Translate: title, dek and body, then save the draft.
    const title = 'Türkmənbaşıya gündəlik bərə'
    await page.locator('#field-title').fill(title)
    await page.locator('#field-dek').fill('Xəzərdən gündəlik reyslər gələn ay başlayır.')
    const editor$ = page.locator('[data-lexical-editor="true"]').first()
    await editor$.click()
    await page.keyboard.press('Control+A')
    await page.keyboard.type('Bakıdan Türkmənbaşıya bərə gələn aydan hər gün üzəcək.')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Biletlər bazar ertəsi satışa çıxır.')
    await page.locator('#action-save-draft').click()
    await page
      .locator('[data-sonner-toast][data-type="success"], .toast-success')
      .first()
      .waitFor({ timeout: 30_000 })
    const saved = await call(`/api/articles/${versionId}?draft=true&depth=0`, {
      headers: translator,
    })
    expect(saved.json).toMatchObject({ title, language: 'az', translationOf: originalId })

    // Submit for review, from the page's own session (the workflow panel lives on another branch).
    const submitted = await page.evaluate(async (id) => {
      const response = await fetch(`/api/articles/${id}/transition`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ transition: 'submit' }),
      })
      return { status: response.status, stage: (await response.json()).doc?.stage }
    }, versionId)
    expect(submitted.status).toBe(200)

    // The translator cannot publish; an editor does.
    const refused = await call(`/api/articles/${versionId}/transition`, {
      method: 'POST',
      headers: translator,
      body: { transition: 'publish' },
    })
    expect(refused.status).toBe(403)
    await fireTransition(editor, versionId, 'publish')

    const anonymous = await call(`/api/articles/${versionId}?depth=0`)
    expect(anonymous.status).toBe(200)
    expect(anonymous.json).toMatchObject({ title, language: 'az', _status: 'published' })
    expect(JSON.stringify(anonymous.json.body)).toContain('Bakıdan Türkmənbaşıya bərə')

    // Back on the original, the panel shows the az version's stage, in Azerbaijani.
    await openArticle(originalId)
    const badge = row('az').locator('.wf-badge')
    await expect(badge.getAttribute('data-stage')).resolves.toBe('published')
    await expect(badge.textContent()).resolves.toBe('Dərc olunub')
    await expect(row('ru').locator('.tr-missing').textContent()).resolves.toBe('yoxdur')
    await shoot('translations-panel-original-published.png')

    // The original is published again with a rewritten second paragraph: the version needs an
    // update, and its panel shows what changed.
    await fireTransition(editor, originalId, 'unpublish')
    const edited = await call(`/api/articles/${originalId}?draft=true`, {
      method: 'PATCH',
      headers: editor,
      body: {
        title: 'Daily ferry to Turkmenbashi from June',
        body: blocksToLexical([
          ORIGINAL_BODY[0],
          'Tickets go on sale on Tuesday at the port only, priced at 80 manat for a cabin.',
          ORIGINAL_BODY[2],
        ]),
      },
    })
    expect(edited.status, messageOf(edited.json)).toBe(200)
    await fireTransition(editor, originalId, 'publish')

    await openArticle(versionId)
    const changes = panel().locator('[data-testid="original-changes"]')
    await changes.waitFor({ timeout: 30_000 })
    await expect(changes.locator('.tr-changes__title').textContent()).resolves.toBe(
      'Orijinal dəyişib',
    )
    await expect(changes.locator('.tr-diff__label').allTextContents()).resolves.toEqual([
      'Başlıq',
      'Abzas 2: dəyişib',
    ])
    await expect(changes.locator('ins').allTextContents()).resolves.toEqual(
      expect.arrayContaining([expect.stringContaining('Tuesday')]),
    )
    await expect(changes.locator('del').allTextContents()).resolves.toEqual(
      expect.arrayContaining([expect.stringContaining('Monday')]),
    )
    await expect(row('az').locator('[data-testid="needs-update-flag"]').count()).resolves.toBe(1)
    await shoot('translations-panel-needs-update.png')
    // The whole page on a laptop screen: the text being translated beside the panel.
    await panel().locator('[data-testid="original-text"]').scrollIntoViewIfNeeded()
    await page.screenshot({ path: path.join(artifacts, 'translations-version-page.png') })

    // The version is published: the translator's first step is to start an update (a draft over
    // the live text); there is no Mark updated yet, and the server refuses one.
    await expect(page.locator('#mark-translation-updated').count()).resolves.toBe(0)
    await expect(page.locator('#field-title').isDisabled()).resolves.toBe(true)
    const tooEarly = await call(`/api/articles/${versionId}/mark-updated`, {
      method: 'POST',
      headers: translator,
    })
    expect(tooEarly.status).toBe(409)
    await page.locator('#start-translation-update').click()
    await page.locator('#workflow-panel[data-stage="draft"]').waitFor({ timeout: 60_000 })
    await changes.waitFor({ timeout: 30_000 })
    // One status, in the workflow's words, and the live text said to stay.
    await page.locator('[data-testid="workflow-pending-update"]').waitFor(SLOW)
    await expect(page.locator('[data-testid="workflow-status"]').textContent()).resolves.toContain(
      'Qaralama',
    )
    const mark = page.locator('#mark-translation-updated')
    // Started, not yet changed: Mark updated waits for an actual update.
    await expect(mark.isDisabled()).resolves.toBe(true)
    await expect(
      changes.locator('[data-testid="mark-updated-hint"]').textContent(),
    ).resolves.toContain('Mətni dəyişdikdən sonra')
    await expect.poll(() => page.locator('#field-title').isDisabled(), SLOW).toBe(false)

    const updatedTitle = 'İyundan Türkmənbaşıya gündəlik bərə'
    await page.locator('#field-title').fill(updatedTitle)
    await page.locator('#action-save-draft').click()
    await expect.poll(() => mark.isEnabled(), SLOW).toBe(true)
    // Readers still get the published text.
    expect((await call(`/api/articles/${versionId}?depth=0`)).json.title).toBe(title)

    // The translator marks it updated: the warning goes, and the server agrees.
    await mark.click()
    await changes.waitFor({ state: 'detached', timeout: 30_000 })
    const after = await call(`/api/articles/${versionId}/original-changes`, { headers: translator })
    expect(after.json).toMatchObject({ needsUpdate: false, changed: false })
    await expect(row('az').locator('[data-testid="needs-update-flag"]').count()).resolves.toBe(0)

    // The update goes to review as any draft; it goes live when an editor publishes it.
    await page.locator('#workflow-transition-submit').click()
    await page.locator('#workflow-panel[data-stage="in_review"]').waitFor({ timeout: 30_000 })
    expect((await call(`/api/articles/${versionId}?depth=0`)).json.title).toBe(title)
    await fireTransition(editor, versionId, 'publish')
    expect((await call(`/api/articles/${versionId}?depth=0`)).json).toMatchObject({
      title: updatedTitle,
      _status: 'published',
    })
  })

  it('lets an editor, in English, assign a new version to a translator of that language', async () => {
    const originalId = await publishedOriginal('Caspian seal count resumes')
    page = await (await browser.newContext(baseURL)).newPage()
    await logIn('editor@caspiandigest.example', 'demo-editor')
    await openArticle(originalId)
    await expect(panel().locator('.tr-panel__title').textContent()).resolves.toBe('Translations')
    const picker = page.locator('[data-testid="translator-ru"]')
    await picker.locator('option', { hasText: 'Rustam Translator' }).waitFor({ state: 'attached' })
    await expect(picker.locator('option').allTextContents()).resolves.toEqual([
      'Me',
      'Rustam Translator',
    ])
    await picker.selectOption({ label: 'Rustam Translator' })
    await shoot('translations-panel-original-editor.png')

    await page.locator('#add-translation-ru').click()
    const versionId = await waitForNewArticle(page, originalId)
    made.push(versionId)
    await panel().locator('[data-testid="original-text"]').waitFor({ timeout: 60_000 })
    const { json: me } = await call('/api/users/me', { headers: translator })
    const { json: version } = await call(`/api/articles/${versionId}?draft=true&depth=0`, {
      headers: editor,
    })
    expect(version).toMatchObject({
      language: 'ru',
      translationOf: originalId,
      stage: 'draft',
      assignee: (me.user as { id: number }).id,
      title: 'Caspian seal count resumes',
    })
  })
})
