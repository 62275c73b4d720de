import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { adminLogIn, browserTestsEnabled, launchBrowser } from '../helpers/browser'
import { call, login, messageOf, type Headers } from '../helpers/http'

const baseURL = inject('baseURL')

let admin: Headers
/** A user of this file's own, so that the seeded people keep their admin language. */
const person = { email: `lang-${Date.now()}@test.example`, password: 'language-test-1', id: 0 }

/** Logs in over REST; returns the language cookie the answer sets, and the session header. */
const restLogin = async () => {
  const response = await fetch(`${baseURL}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: person.email, password: person.password }),
  })
  expect(response.status).toBe(200)
  const { token } = (await response.json()) as { token: string }
  return { cookie: languageCookie(response), headers: { authorization: `JWT ${token}` } }
}

/** The value of `payload-lng` among an answer's Set-Cookie headers, or null. */
const languageCookie = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((cookie) => /^payload-lng=([^;]*)/.exec(cookie)?.[1])
    .find(Boolean) ?? null

const patchUser = (headers: Headers, body: unknown) =>
  fetch(`${baseURL}/api/users/${person.id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })

const storedLanguage = async () =>
  (await call(`/api/users/${person.id}?depth=0`, { headers: admin })).json.language

/** Waits (bounded) until the stored admin language is `language`. */
const waitForStored = async (language: string) => {
  const until = Date.now() + 20_000
  while ((await storedLanguage()) !== language && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  expect(await storedLanguage()).toBe(language)
}

beforeAll(async () => {
  admin = await login('admin@caspiandigest.example', 'demo-admin')
  const created = await call('/api/users', {
    method: 'POST',
    headers: admin,
    body: { ...person, name: 'Leyla Language', roles: ['translator'], languages: ['az', 'ru'] },
  })
  expect(created.status, messageOf(created.json)).toBe(201)
  person.id = (created.json.doc as { id: number }).id
})

afterAll(async () => {
  if (person.id) await call(`/api/users/${person.id}`, { method: 'DELETE', headers: admin })
})

describe('the admin language of an account over HTTP', () => {
  it('is English for a new account, and the login sets the admin to the stored language', async () => {
    expect(await storedLanguage()).toBe('en')
    expect((await restLogin()).cookie).toBe('en')
  })

  it('switches the admin when people change their own, not when an admin changes theirs', async () => {
    const { headers } = await restLogin()
    const own = await patchUser(headers, { language: 'ru' })
    expect(own.status).toBe(200)
    expect(languageCookie(own)).toBe('ru')
    expect((await restLogin()).cookie).toBe('ru')

    const byAdmin = await patchUser(admin, { language: 'en' })
    expect(byAdmin.status).toBe(200)
    expect(languageCookie(byAdmin)).toBeNull()
    expect(await storedLanguage()).toBe('en')
  })
})

describe.runIf(browserTestsEnabled)('the admin language in Chromium', () => {
  let close: () => Promise<void>
  let page: Page

  beforeAll(async () => {
    const browser = await launchBrowser()
    close = browser.close
    page = await (await browser.newContext(baseURL)).newPage()
  })

  afterAll(async () => {
    await close?.()
  })

  const htmlLang = (language: string) =>
    page.waitForFunction((lang) => document.documentElement.lang === lang, language, {
      timeout: 30_000,
    })

  it('stores the language picked in the account page’s switch, and a language saved there switches the admin', async () => {
    await patchUser(admin, { language: 'az' })
    await adminLogIn(page, person.email, person.password, { timeout: 60_000 })
    // Logged in: the admin speaks the stored language.
    await htmlLang('az')

    // Payload's own language switch on the account page: the account follows.
    await page.goto('/admin/account')
    await page.locator('#language-select').click()
    await page.locator('.rs__option', { hasText: 'Русский' }).click()
    await htmlLang('ru')
    await waitForStored('ru')
    // The page is rendered again once stored: the account's field shows it.
    await page
      .locator('#field-language .rs__single-value', { hasText: 'Русский' })
      .waitFor({ timeout: 20_000 })

    // The account's own field, saved: the admin follows.
    await page.locator('#field-language .rs__control').click()
    await page.locator('.rs__option', { hasText: 'English' }).click()
    await page.locator('#action-save').click()
    await htmlLang('en')
    await waitForStored('en')
  })
})
