import { existsSync } from 'node:fs'

import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

/** Debian's Chromium (installed by .ci/run); the Playwright browser download cannot work here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

/**
 * Browser tests run wherever Chromium is installed, and always in CI (where a missing Chromium
 * fails them). On a developer machine without it they are skipped with a notice, so that
 * `npm test` still passes there; `apt-get install chromium` turns them on.
 */
export const browserTestsEnabled = existsSync(CHROMIUM_PATH) || Boolean(process.env.CI)
if (!browserTestsEnabled) {
  console.warn(`Browser tests skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium).`)
}

/**
 * Launches headless Chromium (Playwright gives it a fresh temporary profile) without background
 * networking: this machine has no network beyond 127.0.0.1. Close it with the returned function.
 */
export const launchBrowser = async (): Promise<{
  browser: Browser
  newContext: (baseURL: string) => Promise<BrowserContext>
  close: () => Promise<void>
}> => {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  return {
    browser,
    newContext: (baseURL) =>
      browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } }),
    close: () => browser.close(),
  }
}

/** Fills and sends the admin login form as a person would (without waiting for the answer). */
export const submitAdminLogin = async (page: Page, email: string, password: string) => {
  await page.goto('/admin/login')
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(password)
  await page.locator('button[type="submit"]').click()
}

/** Logs in through the admin login form and waits for the dashboard. */
export const adminLogIn = async (
  page: Page,
  email: string,
  password: string,
  wait?: { timeout?: number },
) => {
  await submitAdminLogin(page, email, password)
  await page.waitForURL((url) => url.pathname === '/admin', wait)
}

/**
 * Waits until the admin opens an article other than `fromId` (the one an action just made) and
 * returns its id.
 */
export const waitForNewArticle = async (page: Page, fromId: number): Promise<number> => {
  await page.waitForURL(
    (url) =>
      /\/admin\/collections\/articles\/\d+$/.test(url.pathname) &&
      !url.pathname.endsWith(`/${fromId}`),
    { timeout: 60_000 },
  )
  return Number(new URL(page.url()).pathname.split('/').pop())
}
