import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEMO_USERS, seed } from '@/seed'
import { articles as seedArticles } from '@/seed/data'

import { createTestPayload, type TestPayload } from '../helpers/payload'

const COLLECTIONS = [
  'users',
  'authors',
  'categories',
  'tags',
  'media',
  'articles',
  'pages',
] as const

describe('demo seed', () => {
  let ctx: TestPayload
  const counts = async () =>
    Object.fromEntries(
      await Promise.all(
        COLLECTIONS.map(async (collection) => [
          collection,
          (await ctx.payload.count({ collection })).totalDocs,
        ]),
      ),
    ) as Record<(typeof COLLECTIONS)[number], number>

  beforeAll(async () => {
    ctx = await createTestPayload()
  })
  afterAll(() => ctx?.teardown())

  it('loads a whole newsroom into an empty database', async () => {
    await seed(ctx.payload)
    const after = await counts()
    expect(after.articles).toBe(seedArticles.length)
    expect(after.articles).toBeGreaterThanOrEqual(30)
    expect(after.categories).toBe(15)
    expect(after.pages).toBe(4)
    expect(after.users).toBe(DEMO_USERS.length)
    expect(after.authors).toBeGreaterThanOrEqual(4)

    const roles = (await ctx.payload.find({ collection: 'users', limit: 10 })).docs.flatMap(
      (u) => u.roles,
    )
    expect(roles.sort()).toEqual(['admin', 'author', 'editor', 'translator'])

    const economy = (
      await ctx.payload.find({
        collection: 'categories',
        where: { slug: { equals: 'economy' } },
        depth: 1,
      })
    ).docs[0]
    expect(economy.parent).toMatchObject({ slug: 'news' })
    const az = await ctx.payload.findByID({
      collection: 'categories',
      id: economy.id,
      locale: 'az',
    })
    expect(az.name).not.toBe(economy.name)

    const withSource = await ctx.payload.count({
      collection: 'articles',
      where: { 'source.outlet': { exists: true } },
    })
    expect(withSource.totalDocs).toBeGreaterThanOrEqual(3)
    const versions = await ctx.payload.count({
      collection: 'articles',
      where: { translationOf: { exists: true } },
    })
    expect(versions.totalDocs).toBeGreaterThanOrEqual(3)
    const published = await ctx.payload.count({
      collection: 'articles',
      where: { _status: { equals: 'published' } },
    })
    expect(published.totalDocs).toBeLessThan(after.articles)

    const nav = await ctx.payload.findGlobal({ slug: 'navigation', depth: 1 })
    expect(nav.header?.length).toBeGreaterThanOrEqual(10)
    expect(
      nav.header?.find(
        (item) => typeof item.category === 'object' && item.category?.slug === 'news',
      )?.children,
    ).toHaveLength(3)
    expect(nav.footer).toHaveLength(4)
    expect((await ctx.payload.findGlobal({ slug: 'site-settings' })).contactEmail).toBeTruthy()
  })

  it('gives every seeded article a hero image with sizes and a reading time', async () => {
    const { docs } = await ctx.payload.find({
      collection: 'articles',
      limit: 200,
      depth: 1,
      draft: true,
    })
    for (const article of docs) {
      expect(article.readingTime).toBeGreaterThanOrEqual(1)
      expect(article.heroImage).toMatchObject({ sizes: { og: { width: 1200, height: 630 } } })
    }
  })

  it('changes nothing when run again', async () => {
    const before = await counts()
    const second = await seed(ctx.payload)
    expect(second.created).toEqual({})
    expect(await counts()).toEqual(before)
  })
})
