import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { readingTimeOf } from '@/lib/readingTime'
import { slugify } from '@/lib/slug'

import { body, createArticle, words } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'

describe('slugs', () => {
  it('transliterates the three site languages to lower-case ASCII', () => {
    expect(slugify('Baku Energy Week: What’s Next?')).toBe('baku-energy-week-whats-next')
    expect(slugify('Şəki xanlarının sarayı bərpa olunur')).toBe(
      'seki-xanlarinin-sarayi-berpa-olunur',
    )
    expect(slugify('Gənclər üçün yeni təqaüd')).toBe('gencler-ucun-yeni-teqaud')
    expect(slugify('Каспийский транзит: новые маршруты')).toBe('kaspiyskiy-tranzit-novye-marshruty')
    expect(slugify('Oil & gas')).toBe('oil-and-gas')
  })
})

describe('reading time', () => {
  it('counts the words of every block at 200 words a minute, rounding up', () => {
    expect(readingTimeOf(body(words(10)))).toBe(1)
    expect(readingTimeOf(body(words(400)))).toBe(2)
    expect(readingTimeOf(body(words(410)))).toBe(3)
    expect(
      readingTimeOf(
        body(
          words(300),
          { heading: words(100) },
          { quote: words(300) },
          { list: [words(200), words(100)] },
        ),
      ),
    ).toBe(5)
    expect(readingTimeOf(null)).toBe(0)
  })
})

describe('articles', () => {
  let ctx: TestPayload
  beforeAll(async () => {
    ctx = await createTestPayload()
  })
  afterAll(() => ctx?.teardown())

  it('makes the slug from the title and keeps it when the title changes later', async () => {
    const article = await createArticle(ctx.payload, { title: 'Port of Alat adds a new berth' })
    expect(article.slug).toBe('port-of-alat-adds-a-new-berth')
    const renamed = await ctx.payload.update({
      collection: 'articles',
      id: article.id,
      data: { title: 'Port of Alat opens its new berth' },
    })
    expect(renamed.slug).toBe('port-of-alat-adds-a-new-berth')
  })

  it('numbers a title-made slug that is taken in the same language', async () => {
    const first = await createArticle(ctx.payload, { title: 'Weekly market digest' })
    const second = await createArticle(ctx.payload, { title: 'Weekly market digest' })
    const third = await createArticle(ctx.payload, { title: 'Weekly market digest' })
    expect([first.slug, second.slug, third.slug]).toEqual([
      'weekly-market-digest',
      'weekly-market-digest-2',
      'weekly-market-digest-3',
    ])
  })

  it('allows the same slug in another language', async () => {
    await createArticle(ctx.payload, { title: 'Shared slug', slug: 'cop29-legacy' })
    const ru = await createArticle(ctx.payload, {
      title: 'Наследие',
      slug: 'cop29-legacy',
      language: 'ru',
    })
    expect(ru.slug).toBe('cop29-legacy')
  })

  it('refuses a typed slug that another article in the language already uses, and saves nothing', async () => {
    await createArticle(ctx.payload, { title: 'Original story', slug: 'taken-slug' })
    await expect(
      createArticle(ctx.payload, { title: 'Another story', slug: 'taken-slug' }),
    ).rejects.toMatchObject({
      status: 400,
      data: {
        errors: [
          {
            path: 'slug',
            message: 'The slug "taken-slug" is already used by an article in English.',
          },
        ],
      },
    })
    const { totalDocs } = await ctx.payload.count({
      collection: 'articles',
      where: { title: { equals: 'Another story' } },
    })
    expect(totalDocs).toBe(0)
  })

  it('normalises a typed slug', async () => {
    const article = await createArticle(ctx.payload, { title: 'x', slug: '  Əla  Xəbər!! ' })
    expect(article.slug).toBe('ela-xeber')
  })

  it('computes reading time from the body on every save', async () => {
    const article = await createArticle(ctx.payload, { body: body(words(200)) })
    expect(article.readingTime).toBe(1)
    const longer = await ctx.payload.update({
      collection: 'articles',
      id: article.id,
      data: { body: body(words(600), words(400)) },
    })
    expect(longer.readingTime).toBe(5)
    const typed = await ctx.payload.update({
      collection: 'articles',
      id: article.id,
      data: { readingTime: 42 },
    })
    expect(typed.readingTime).toBe(5)
  })

  it('populates a related article with what a link to it needs, not the whole document', async () => {
    const original = await createArticle(ctx.payload, {
      status: 'published',
      title: 'Ferry timetable',
      dek: 'Summer sailings.',
      body: body(words(300)),
    })
    const version = await createArticle(ctx.payload, {
      status: 'published',
      language: 'az',
      translationOf: original.id,
      relatedArticles: [],
    })
    const read = await ctx.payload.findByID({
      collection: 'articles',
      id: version.id,
      depth: 1,
      overrideAccess: false,
    })
    const populated = read.translationOf as unknown as Record<string, unknown>
    expect(populated).toMatchObject({
      id: original.id,
      title: 'Ferry timetable',
      slug: original.slug,
      language: 'en',
      dek: 'Summer sailings.',
    })
    expect(populated.body).toBeUndefined()
    // Asked for, the whole document is still there.
    const full = await ctx.payload.findByID({
      collection: 'articles',
      id: version.id,
      depth: 1,
      overrideAccess: false,
      populate: { articles: { body: true } },
    })
    expect((full.translationOf as unknown as Record<string, unknown>).body).toBeTruthy()
  })
})
