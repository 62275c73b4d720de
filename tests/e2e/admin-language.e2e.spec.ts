import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'

import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { languageNameIn, type Language } from '@/lib/languages'
import { blocksToLexical } from '@/lib/lexical'

import { adminLogIn, browserTestsEnabled, launchBrowser } from '../helpers/browser'
import { call, login, messageOf, type Headers, type Json, fireTransition } from '../helpers/http'
import {
  describeOffenders,
  offendersIn,
  sourcesOf,
  visibleStrings,
  type Offender,
} from '../helpers/languageSweep'

/**
 * The admin in the language of the person using it, checked as they see it: in Chromium, against
 * the production build, an Azerbaijani translator, a Russian translator and an editor (in en, az
 * and ru) pick their language on the account page, then open the dashboard, the articles list
 * with a filter, an article's edit view with the workflow and translations panels, the desk and
 * the account page; the editor also meets the pre-publish checklist and a refusal. Every visible
 * string (text, title, placeholder, aria-label) that is the English text of a key of the
 * project's dictionary, where the page's language has other words for it, is listed with its key
 * and page (tests/helpers/languageSweep.ts). In English, no key may show unresolved.
 */

const baseURL = inject('baseURL')
const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-artifacts')
/** The admin's first compile of a route can be slow on two cores. */
const SLOW = { timeout: 90_000 }
const PASSWORD = 'sweep-Password-1'
const stamp = Date.now().toString(36)

type Person = {
  key: 'azTranslator' | 'ruTranslator' | 'editor'
  name: string
  roles: string[]
  languages?: Language[]
}

const PEOPLE: Record<Person['key'], Person> = {
  azTranslator: {
    key: 'azTranslator',
    name: 'Aysel Məmmədova',
    roles: ['translator'],
    languages: ['az'],
  },
  ruTranslator: {
    key: 'ruTranslator',
    name: 'Ирина Соколова',
    roles: ['translator'],
    languages: ['ru'],
  },
  editor: { key: 'editor', name: 'Elnur Hüseynov', roles: ['editor'] },
}
const emailOf = (person: Person) => `sweep-${person.key.toLowerCase()}-${stamp}@newsroom.example`

/** The language Payload's account page lists each admin language under (Payload's own names). */
const PAYLOAD_LANGUAGE_NAME: Record<Language, string> = {
  en: 'English',
  az: 'Azərbaycan dili',
  ru: 'Русский',
}

let admin: Headers
const userIds: Partial<Record<Person['key'], number>> = {}
/** Articles this file made, deleted when it is done (versions first). */
const made: number[] = []
const ids = { original: 0, az: 0, ru: 0, unready: 0 }
/** Every offender of every run, written to test-artifacts for the people fixing them. */
const allOffenders: (Offender & { person: string; language: Language; sources: string[] })[] = []

beforeAll(async () => {
  admin = await login('admin@caspiandigest.example', 'demo-admin')
  for (const person of Object.values(PEOPLE)) {
    const { status, json } = await call('/api/users', {
      method: 'POST',
      headers: admin,
      body: {
        name: person.name,
        email: emailOf(person),
        password: PASSWORD,
        roles: person.roles,
        languages: person.languages ?? [],
      },
    })
    expect(status, messageOf(json)).toBe(201)
    userIds[person.key] = (json.doc as { id: number }).id
  }
  const editor = await login(emailOf(PEOPLE.editor), PASSWORD)

  // A published English original, borrowing a seeded story's section, bylines and hero image.
  const { json: seededList } = await call(
    '/api/articles?where[language][equals]=en&where[_status][equals]=published&where[translationOf][exists]=false&where[heroImage][exists]=true&depth=0&limit=1&sort=-publishedAt',
    { headers: admin },
  )
  const seeded = (seededList.docs as Json[])[0]
  expect(seeded).toBeTruthy()
  const created = await call('/api/articles?draft=true', {
    method: 'POST',
    headers: editor,
    body: {
      title: `Caspian ferry timetable ${stamp}`,
      language: 'en',
      dek: 'Daily sailings across the Caspian start next month.',
      body: blocksToLexical(['The ferry from Baku will sail daily from next month.']),
      category: seeded.category,
      authors: seeded.authors,
      heroImage: seeded.heroImage,
      source: seeded.source,
    },
  })
  expect(created.status, messageOf(created.json)).toBe(201)
  ids.original = (created.json.doc as { id: number }).id
  made.push(ids.original)
  await fireTransition(editor, ids.original, 'publish')

  // A version in each translator's language, assigned to them by the editor.
  for (const [language, person] of [
    ['az', PEOPLE.azTranslator],
    ['ru', PEOPLE.ruTranslator],
  ] as const) {
    const { status, json } = await call(`/api/articles/${ids.original}/translations`, {
      method: 'POST',
      headers: editor,
      body: { language, translator: userIds[person.key] },
    })
    expect(status, messageOf(json)).toBe(201)
    ids[language] = (json.doc as { id: number }).id
    made.unshift(ids[language])
  }

  // The az version is translated and published; then the original changes, so the version
  // needs an update and its translator sees what changed.
  const translated = await call(`/api/articles/${ids.az}?draft=true`, {
    method: 'PATCH',
    headers: editor,
    body: {
      title: `Xəzər bərələrinin cədvəli ${stamp}`,
      dek: 'Xəzərdən gündəlik reyslər gələn ay başlayır.',
      body: blocksToLexical(['Bakıdan bərə gələn aydan hər gün üzəcək.']),
    },
  })
  expect(translated.status, messageOf(translated.json)).toBe(200)
  await fireTransition(editor, ids.az, 'publish')
  await fireTransition(editor, ids.original, 'unpublish')
  const changed = await call(`/api/articles/${ids.original}?draft=true`, {
    method: 'PATCH',
    headers: editor,
    body: {
      body: blocksToLexical([
        'The ferry from Baku will sail daily from next month.',
        'Tickets go on sale on Tuesday at the port.',
      ]),
    },
  })
  expect(changed.status, messageOf(changed.json)).toBe(200)
  await fireTransition(editor, ids.original, 'publish')
  const changes = await call(`/api/articles/${ids.az}/original-changes`, { headers: editor })
  expect(changes.json).toMatchObject({ needsUpdate: true })

  // A story in review with no section, byline or hero image: the checklist has items missing.
  const unready = await call('/api/articles?draft=true', {
    method: 'POST',
    headers: editor,
    body: {
      title: `Port tariffs under review ${stamp}`,
      language: 'en',
      body: blocksToLexical(['The port authority is reviewing its tariffs.']),
    },
  })
  expect(unready.status, messageOf(unready.json)).toBe(201)
  ids.unready = (unready.json.doc as { id: number }).id
  made.unshift(ids.unready)
  await fireTransition(editor, ids.unready, 'submit')
  await mkdir(ARTIFACTS, { recursive: true })
})

afterAll(async () => {
  await writeFile(
    path.join(ARTIFACTS, 'admin-language-offenders.json'),
    `${JSON.stringify(allOffenders, null, 2)}\n`,
  ).catch(() => undefined)
  if (!admin) return
  for (const id of made) {
    await call(`/api/articles/${id}`, { method: 'DELETE', headers: admin })
  }
  for (const id of Object.values(userIds)) {
    await call(`/api/users/${id}`, { method: 'DELETE', headers: admin })
  }
})

describe.runIf(browserTestsEnabled)('the admin in its user’s language, in Chromium', () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>
  const contexts: BrowserContext[] = []
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close().catch(() => undefined)))
    await browser?.close()
  })

  /** Lets the page settle: its requests answered (bounded), React's last render painted. */
  const settle = async (page: Page) => {
    await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined)
    await page.waitForTimeout(300)
  }

  /**
   * Picks the admin language on the account page as a person does, and checks that the page
   * switched and that Payload keeps the choice in its `payload-lng` cookie.
   */
  const chooseLanguage = async (page: Page, context: BrowserContext, language: Language) => {
    await page.goto('/admin/account')
    await page.locator('#language-select').waitFor(SLOW)
    const current = await page.evaluate(() => document.documentElement.lang)
    if (current !== language) {
      await page.locator('#language-select').click()
      await page.locator('.rs__option', { hasText: PAYLOAD_LANGUAGE_NAME[language] }).click()
      await page.waitForFunction((lang) => document.documentElement.lang === lang, language, {
        timeout: 30_000,
      })
    }
    const cookie = (await context.cookies()).find((c) => c.name === 'payload-lng')
    expect(cookie?.value ?? 'en').toBe(language)
  }

  /** One sweep: what `person` sees in `language`, page by page; fails listing every offender. */
  const sweep = async (person: Person, language: Language) => {
    const context = await browser.newContext(baseURL)
    contexts.push(context)
    const page = await context.newPage()
    page.setDefaultTimeout(30_000)
    await adminLogIn(page, emailOf(person), PASSWORD, SLOW)
    await chooseLanguage(page, context, language)

    const offenders: Offender[] = []
    /** Everything each page showed, for a person to read (test-artifacts). */
    const seen: Record<string, string[]> = {}
    const look = async (name: string, within?: string) => {
      await settle(page)
      const strings = await visibleStrings(page, within)
      seen[name] = [...new Set(strings.map((text) => text.trim()).filter(Boolean))]
      offenders.push(...offendersIn(name, language, strings))
    }

    await look('account (/admin/account)')

    await page.goto('/admin')
    await page.locator('.dashboard').first().waitFor(SLOW)
    await look('dashboard (/admin)')
    // The content locale switcher names the locale (English by default) in the admin's language.
    expect(seen['dashboard (/admin)']).toContain(languageNameIn(language, 'en'))

    // The list filtered as each works: a translator by their language, the editor by stage.
    const filter =
      person.key === 'editor'
        ? 'where[or][0][and][0][stage][equals]=in_review'
        : `where[or][0][and][0][language][equals]=${person.languages?.[0]}`
    await page.goto(`/admin/collections/articles?${filter}`)
    // A valid `where` in the URL opens Payload's filter builder with the condition in it.
    await page.locator('.where-builder .condition').first().waitFor(SLOW)
    await look(`articles list, filtered (${filter})`)

    const edit = async (id: number, name: string, alsoWaitFor?: string) => {
      await page.goto(`/admin/collections/articles/${id}`)
      await page.locator('#workflow-panel[data-stage]').waitFor(SLOW)
      await page.locator('[data-testid="translations-panel"]').waitFor(SLOW)
      if (alsoWaitFor) await page.locator(alsoWaitFor).waitFor(SLOW)
      await look(name)
    }
    await edit(ids.original, 'edit view, original (workflow and translations panels)')
    if (person.key === 'azTranslator') {
      const changes = '[data-testid="original-changes"]'
      await edit(ids.az, 'edit view, az version needing an update', changes)
    }
    if (person.key === 'ruTranslator') await edit(ids.ru, 'edit view, ru version')

    if (person.key === 'editor') {
      // The checklist lists what the story lacks; publishing it anyway is refused.
      await page.goto(`/admin/collections/articles/${ids.unready}`)
      await page.locator('#workflow-panel[data-stage="in_review"]').waitFor(SLOW)
      await page.locator('.wf-checklist[data-ok="false"]').waitFor()
      await look('edit view, in review: pre-publish checklist')
      const panel = '#workflow-panel'

      // Request changes without the note it needs: the panel refuses.
      await page.locator('#workflow-transition-request_changes').click()
      await page.locator('.wf-panel__error').waitFor()
      await look('workflow panel: refusal of a transition without its note', panel)

      const publish = page.locator('#workflow-transition-publish')
      if ((await publish.count()) > 0 && (await publish.isEnabled())) {
        const before = await page.locator('.wf-panel__error').innerText()
        await publish.click()
        // The server's refusal replaces the panel's own.
        await expect
          .poll(() => page.locator('.wf-panel__error').innerText(), { timeout: 15_000 })
          .not.toBe(before)
        await look('workflow panel: publish refused by the checklist', panel)
      }
    }

    // The server's own words for a refusal, asked from the admin's session (its language cookie):
    // the editor publishing a story the checklist stops, a translator publishing their version.
    const refused = { editor: ids.unready, azTranslator: ids.az, ruTranslator: ids.ru }[person.key]
    const refusal = await page.evaluate(async (id) => {
      const response = await fetch(`/api/articles/${id}/transition`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ transition: 'publish' }),
      })
      const json = await response.json()
      return {
        status: response.status,
        messages: (json.errors ?? []).map((error: Json) => String(error.message)) as string[],
      }
    }, refused)
    expect(refusal.status).toBeGreaterThanOrEqual(400)
    expect(refusal.messages.length).toBeGreaterThan(0)
    offenders.push(
      ...offendersIn('API: publish refused (POST …/transition)', language, refusal.messages),
    )

    await page.goto('/admin/desk')
    await page.locator('.desk__title').waitFor(SLOW)
    await look('desk (/admin/desk)')

    await context.close()
    await writeFile(
      path.join(ARTIFACTS, `admin-language-${person.key}-${language}.json`),
      `${JSON.stringify(seen, null, 2)}\n`,
    )
    allOffenders.push(
      ...offenders.map((offender) => ({
        ...offender,
        person: person.key,
        language,
        sources: sourcesOf(offender.english),
      })),
    )
    expect(describeOffenders(offenders), `${person.key} in ${language}`).toEqual([])
  }

  // The editor in English first: whatever the server keeps from the first admin it renders
  // (Payload caches a collection's field schema once) must not reach the others' languages.
  it.each(['en', 'az', 'ru'] as const)(
    'shows an editor the admin in %s, checklist and refusal included',
    (language) => sweep(PEOPLE.editor, language),
    300_000,
  )

  it(
    'shows an Azerbaijani translator the admin in Azerbaijani',
    () => sweep(PEOPLE.azTranslator, 'az'),
    300_000,
  )

  it(
    'shows a Russian translator the admin in Russian',
    () => sweep(PEOPLE.ruTranslator, 'ru'),
    300_000,
  )
})
