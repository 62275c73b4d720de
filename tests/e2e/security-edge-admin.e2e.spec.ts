import type { Page, Response } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { adminLogIn, browserTestsEnabled, launchBrowser } from '../helpers/browser'
import { call, login } from '../helpers/http'

const baseURL = inject('baseURL')

/**
 * The request checks (src/lib/requestChecks.ts) and the GraphQL limits refuse what a hostile
 * caller sends; nothing the admin itself sends may be among it. An editor walks the admin in a
 * real browser while every answer from `/api` is watched.
 */
describe.runIf(browserTestsEnabled)('the admin under the request checks', () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(() => browser?.close())

  it('sends nothing that is refused as malformed, on lists, documents, uploads and the desk', async () => {
    const headers = await login('editor@caspiandigest.example', 'demo-editor')
    const { json } = await call(
      '/api/articles?limit=1&select[title]=true&where[_status][equals]=published',
      { headers },
    )
    const articleId = (json.docs as { id: number }[])[0].id

    const page: Page = await (await browser.newContext(baseURL)).newPage()
    const refused: string[] = []
    page.on('response', (response: Response) => {
      const url = new URL(response.url())
      if (!url.pathname.startsWith('/api/')) return
      if (response.status() === 400 || response.status() >= 500) {
        refused.push(
          `${response.status()} ${response.request().method()} ${url.pathname}${url.search}`,
        )
      }
    })

    await adminLogIn(page, 'editor@caspiandigest.example', 'demo-editor', { timeout: 60_000 })

    for (const path of [
      '/admin/collections/articles',
      '/admin/collections/articles?search=Baku',
      '/admin/collections/articles?limit=100&sort=-publishedAt',
      `/admin/collections/articles/${articleId}`,
      '/admin/collections/media',
      '/admin/collections/categories',
      '/admin/collections/tags',
      '/admin/collections/authors',
      '/admin/collections/pages',
      '/admin/collections/articles/create',
      '/admin/desk',
    ]) {
      const response = await page.goto(path)
      expect(response?.status(), path).toBeLessThan(400)
      await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => undefined)
    }

    // A relationship field loads its options over REST as it opens.
    await page.goto(`/admin/collections/articles/${articleId}`)
    const relationship = page.locator('.field-type.relationship .rs__control').first()
    if (await relationship.count()) {
      await relationship.click()
      await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => undefined)
    }

    expect(refused).toEqual([])
  })
})
