import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { importArticles } from '@/import/importer'
import { MAX_OLD_URLS, type ImportRecord } from '@/import/records'

import { createTestPayload, type TestPayload } from '../helpers/payload'

let ctx: TestPayload
let counter = 0

/** A valid published record with a unique slug. */
const story = (overrides: Partial<ImportRecord> = {}): ImportRecord => ({
  title: `Archive story ${counter}`,
  slug: `archive-story-${Date.now().toString(36)}-${counter++}`,
  language: 'en',
  body: ['A paragraph from the old site.'],
  section: 'archive',
  authors: ['archivist'],
  publishedAt: '2019-05-02T06:40:00.000Z',
  status: 'published',
  ...overrides,
})

const lines = (records: unknown[]) => records.map((record) => JSON.stringify(record))

const rows = async () => {
  const { docs } = await ctx.payload.find({ collection: 'redirects', pagination: false, depth: 0 })
  return Object.fromEntries(docs.map((doc) => [doc.from, { to: doc.to, origin: doc.origin }]))
}

beforeAll(async () => {
  ctx = await createTestPayload()
  await ctx.payload.create({ collection: 'categories', data: { name: 'Archive', slug: 'archive' } })
  await ctx.payload.create({
    collection: 'authors',
    data: { name: 'Archivist', slug: 'archivist' } as never,
  })
})

afterAll(async () => {
  await ctx?.teardown()
})

describe("the importer's old URLs", () => {
  it('writes them as imported redirects to the new article, path and query kept', async () => {
    const record = story({
      language: 'az',
      oldUrls: ['https://old.example/2019/05/some-story.html', '/index.php/?id=5', '/old/path/'],
    })
    const summary = await importArticles(ctx.payload, lines([record]))
    expect(summary.failures).toEqual([])
    expect(summary.imported).toBe(1)
    const target = `/az/articles/${record.slug}`
    const table = await rows()
    expect(table['/2019/05/some-story.html']).toEqual({ to: target, origin: 'imported' })
    expect(table['/index.php?id=5']).toEqual({ to: target, origin: 'imported' })
    expect(table['/old/path']).toEqual({ to: target, origin: 'imported' })
  })

  it('refuses a bad line with its own error and writes the good lines', async () => {
    const good = story({ oldUrls: ['/good-old-address'] })
    const summary = await importArticles(
      ctx.payload,
      lines([
        good,
        story({ oldUrls: 'nope' as never }),
        story({ oldUrls: ['no-leading-slash'] }),
        story({ oldUrls: ['/admin/old'] }),
        story({ oldUrls: Array.from({ length: MAX_OLD_URLS + 1 }, (_, i) => `/many/${i}`) }),
        story({ status: 'draft', publishedAt: undefined, oldUrls: ['/draft-old'] }),
        story({ oldUrls: ['/good-old-address'] }),
      ]),
    )
    expect(summary.imported).toBe(1)
    expect(summary.failures).toEqual([
      { line: 2, reason: 'oldUrls must be an array of URLs or paths' },
      { line: 3, reason: 'oldUrls[0] must be a path starting with "/" or an http(s) URL' },
      { line: 4, reason: 'oldUrls[0] is under /admin, /api, /next or /_next' },
      { line: 5, reason: `oldUrls may hold at most ${MAX_OLD_URLS} addresses` },
      { line: 6, reason: 'oldUrls are only for published records' },
      { line: 7, reason: 'old URL "/good-old-address" is already claimed by line 1' },
    ])
    const table = await rows()
    expect(table['/good-old-address']?.to).toBe(`/en/articles/${good.slug}`)
    expect(table['/draft-old']).toBeUndefined()
    expect(table['/many/0']).toBeUndefined()
  })

  it('fails a line whose old URL already redirects elsewhere, nothing of it written', async () => {
    await ctx.payload.create({
      collection: 'redirects',
      data: { from: '/taken-by-hand', to: '/en', origin: 'manual' },
    })
    const record = story({ oldUrls: ['/free-address', '/taken-by-hand'] })
    const summary = await importArticles(ctx.payload, lines([record]))
    expect(summary.imported).toBe(0)
    expect(summary.failures).toEqual([
      { line: 1, reason: 'old URL "/taken-by-hand" already redirects elsewhere' },
    ])
    const table = await rows()
    expect(table['/taken-by-hand']?.to).toBe('/en')
    expect(table['/free-address']).toBeUndefined()
    const { totalDocs } = await ctx.payload.count({
      collection: 'articles',
      where: { slug: { equals: record.slug } },
    })
    expect(totalDocs).toBe(0)
  })
})
