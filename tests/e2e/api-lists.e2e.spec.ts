import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { adminLogIn, browserTestsEnabled, launchBrowser } from '../helpers/browser'
import { call, login, type Headers, type Json } from '../helpers/http'

/**
 * What REST lists answer over HTTP against `next start` (README, "API answers"): no bodies
 * unless asked, relations populated to their default shape, the single read whole, never a
 * draft; and the admin's edit view still showing relationships and the hero image.
 */

const baseURL = inject('baseURL')

type Doc = Json & { id: number }
type List = { docs: Doc[]; totalDocs: number }

const list = async (path: string, headers?: Headers) => {
  const { status, json } = await call(path, { headers })
  expect(status, path).toBe(200)
  return json as unknown as List
}

const keysOf = (value: unknown) => Object.keys(value as Json).sort()
const onlyFrom = (value: unknown, allowed: string[]) =>
  keysOf(value).filter((key) => !allowed.includes(key))

const isRichText = { root: { type: 'root' } }

/** A published English article with a section, a hero image, tags and bylines. */
let sample: Doc

beforeAll(async () => {
  const { docs } = await list(
    '/api/articles?where[language][equals]=en&where[heroImage][exists]=true&where[category][exists]=true&limit=50&depth=1',
  )
  const found = docs.find(
    (doc) => (doc.tags as unknown[] | undefined)?.length && (doc.authors as unknown[])?.length,
  )
  expect(found, 'a seeded article with tags and bylines').toBeDefined()
  sample = found as Doc
})

describe('REST lists of articles', () => {
  it('carry no body (nor staff internals) when the client selects nothing', async () => {
    const { docs } = await list('/api/articles?limit=20&depth=1')
    expect(docs.length).toBe(20)
    for (const doc of docs) {
      expect(doc).not.toHaveProperty('body')
      expect(doc).not.toHaveProperty('timeline')
      expect(doc).not.toHaveProperty('translatedFrom')
      expect(doc).toMatchObject({ title: expect.any(String), slug: expect.any(String) })
    }
  })

  it('carry the body when asked for it, and keep it on the single read', async () => {
    const asked = await list(`/api/articles?where[id][equals]=${sample.id}&select[body]=true`)
    expect(asked.docs[0].body).toMatchObject(isRichText)
    expect(keysOf(asked.docs[0])).toEqual(['body', 'id'])

    const { status, json } = await call(`/api/articles/${sample.id}?depth=1`)
    expect(status).toBe(200)
    expect(json.body).toMatchObject(isRichText)
    expect(json.title).toBe(sample.title)
  })

  it('populate relations at depth 1 to their default shape', async () => {
    expect(onlyFrom(sample.category, ['id', 'name', 'slug', 'parent', 'breadcrumbs'])).toEqual([])
    expect(sample.category).toMatchObject({ name: expect.any(String), slug: expect.any(String) })
    for (const tag of sample.tags as Json[]) {
      expect(keysOf(tag)).toEqual(['id', 'name', 'slug'])
    }
    for (const author of sample.authors as Json[]) {
      expect(onlyFrom(author, ['id', 'name', 'slug', 'jobTitle', 'isHouse', 'photo'])).toEqual([])
      expect(author.name).toEqual(expect.any(String))
    }
    const hero = sample.heroImage as Json
    expect(hero).toMatchObject({
      alt: expect.any(String),
      url: expect.stringContaining('/api/media/file/'),
      width: expect.any(Number),
      height: expect.any(Number),
    })
    expect((hero.sizes as Record<string, Json>).card.url).toEqual(
      expect.stringContaining('/api/media/file/'),
    )
    expect(hero).not.toHaveProperty('createdAt')
    expect(hero).not.toHaveProperty('updatedAt')
  })

  it('list to an anonymous reader exactly the published articles an editor sees', async () => {
    const section = (sample.category as Doc).id
    const path = `/api/articles?where[category][equals]=${section}&limit=100&depth=0&sort=id&select[title]=true`
    const anonymous = await list(path)
    const editor = await login('editor@caspiandigest.example', 'demo-editor')
    const all = await list(path, editor)
    const published = await list(`${path}&where[_status][equals]=published`, editor)
    expect(anonymous.docs.map((doc) => doc.id)).toEqual(published.docs.map((doc) => doc.id))
    expect(all.totalDocs).toBeGreaterThanOrEqual(anonymous.totalDocs)
    // The same for the default shape and for drafts asked for by name.
    const drafts = await list(
      `/api/articles?where[_status][equals]=draft&draft=true&limit=100&depth=0`,
    )
    expect(drafts.totalDocs).toBe(0)
  })

  it('refuse a malformed select with a 400, not a 500', async () => {
    for (const query of ['select=body', 'select[body]=yes', 'select[body][x]=1']) {
      const { status, json } = await call(`/api/articles?${query}`)
      expect(status, query).toBe(400)
      expect(json.errors).toBeDefined()
    }
  })

  it('leave GraphQL lists to the query: the body comes when the query names it', async () => {
    // Three articles that have a body (other specs publish articles without one).
    const withBodies = await list('/api/articles?select[body]=true&limit=100&depth=0')
    const ids = withBodies.docs
      .filter((doc) => doc.body)
      .slice(0, 3)
      .map((doc) => doc.id)
    expect(ids).toHaveLength(3)
    const response = await fetch(`${baseURL}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `{ Articles(limit: 3, where: { OR: [${ids.map((id) => `{ id: { equals: ${id} } }`).join(', ')}] }) { docs { id title body } } }`,
      }),
    })
    const answer = (await response.json()) as { data: { Articles: { docs: Json[] } } }
    expect(response.status, JSON.stringify(answer)).toBe(200)
    const { data } = answer
    expect(data.Articles.docs).toHaveLength(3)
    for (const doc of data.Articles.docs) expect(doc.body).toMatchObject(isRichText)
  })
})

describe('REST lists of pages', () => {
  it('carry no body unless asked; the single read has it', async () => {
    const { docs } = await list('/api/pages?limit=5')
    expect(docs.length).toBeGreaterThan(0)
    for (const doc of docs) expect(doc).not.toHaveProperty('body')
    const asked = await list(`/api/pages?where[id][equals]=${docs[0].id}&select[body]=true`)
    expect(asked.docs[0].body).toMatchObject(isRichText)
    const { json } = await call(`/api/pages/${docs[0].id}`)
    expect(json.body).toMatchObject(isRichText)
  })
})

describe.runIf(browserTestsEnabled)('the admin with the list shapes', () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>
  let page: Page
  beforeAll(async () => {
    browser = await launchBrowser()
    page = await (await browser.newContext(baseURL)).newPage()
    await adminLogIn(page, 'editor@caspiandigest.example', 'demo-editor', { timeout: 60_000 })
  })
  afterAll(() => browser?.close())

  it('shows an article’s section, tags, bylines and hero image in its edit view', async () => {
    await page.goto(`/admin/collections/articles/${sample.id}`)
    const section = page.locator('#field-category')
    await section.waitFor({ timeout: 60_000 })
    await expect
      .poll(() => section.textContent(), { timeout: 30_000 })
      .toContain((sample.category as Json).name as string)
    const tags = page.locator('#field-tags')
    for (const tag of sample.tags as Json[]) {
      await expect.poll(() => tags.textContent(), { timeout: 30_000 }).toContain(tag.name as string)
    }
    const authors = page.locator('#field-authors')
    await expect
      .poll(() => authors.textContent(), { timeout: 30_000 })
      .toContain((sample.authors as Json[])[0].name as string)
    const preview = page.locator('#field-heroImage img').first()
    await preview.waitFor({ timeout: 30_000 })
    expect(await preview.getAttribute('src')).toContain('/api/media/file/')
    // The body is there to edit: the single read, not a list.
    await expect
      .poll(() => page.locator('[data-lexical-editor="true"]').first().textContent(), {
        timeout: 30_000,
      })
      .not.toBe('')
  })
})
