import { existsSync } from 'node:fs'

import { chromium, type Browser, type BrowserContext } from 'playwright-core'

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
