import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { browserTestsEnabled, launchBrowser, submitAdminLogin } from '../helpers/browser'

const baseURL = inject('baseURL')

describe.runIf(browserTestsEnabled)('in a real browser', () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(() => browser?.close())

  const newPage = async (): Promise<Page> => (await browser.newContext(baseURL)).newPage()

  it('shows a reader the published articles on the home page', async () => {
    const page = await newPage()
    const response = await page.goto('/')
    expect(response?.status()).toBe(200)
    await expect(page.locator('h1').textContent()).resolves.toBe('Caspian Digest')
    expect(new URL(page.url()).pathname).toBe('/en')
    const titles = await page.locator('.article-list h3').allTextContents()
    expect(titles.length).toBeGreaterThanOrEqual(10)
    const api = (await (
      await fetch(
        `${baseURL}/api/articles?where[language][equals]=en&limit=3&sort=-publishedAt&depth=0`,
      )
    ).json()) as {
      docs: { title: string }[]
    }
    expect(titles.slice(0, 3)).toEqual(api.docs.map((doc) => doc.title))
  })

  it('lets an editor log in to the admin through the login form and open the articles list', async () => {
    const page = await newPage()
    await submitAdminLogin(page, 'editor@caspiandigest.example', 'demo-editor')
    await page.waitForURL((url) => url.pathname === '/admin', { timeout: 60_000 })
    await page.goto('/admin/collections/articles')
    await page.locator('.table').waitFor({ timeout: 60_000 })
    const rows = await page.locator('.table tbody tr').count()
    expect(rows).toBeGreaterThanOrEqual(10)
  })

  it('refuses a wrong password in the login form without letting the user in', async () => {
    const page = await newPage()
    await submitAdminLogin(page, 'editor@caspiandigest.example', 'not-the-password')
    await page
      .locator('.toast-error, .Toastify__toast--error, [data-sonner-toast][data-type="error"]')
      .first()
      .waitFor({ timeout: 30_000 })
    expect(new URL(page.url()).pathname).toBe('/admin/login')
    const me = await page.evaluate(async () => (await fetch('/api/users/me')).json())
    expect(me.user).toBeNull()
  })
})
