import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { body, createArticle, imageFile } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'

describe('content model', () => {
  let ctx: TestPayload
  beforeAll(async () => {
    ctx = await createTestPayload()
  })
  afterAll(() => ctx?.teardown())

  it('makes the first account of a fresh install an admin, and later ones what they ask for', async () => {
    const first = await ctx.payload.create({
      collection: 'users',
      data: {
        email: 'first@test.example',
        password: 'pw-first-1',
        name: 'First',
        roles: ['author'],
      },
    })
    expect(first.roles).toEqual(['admin'])
    const second = await ctx.payload.create({
      collection: 'users',
      data: {
        email: 'second@test.example',
        password: 'pw-second-1',
        name: 'Second',
        roles: ['translator'],
        languages: ['ru'],
      },
    })
    const read = await ctx.payload.findByID({ collection: 'users', id: second.id })
    expect(read).toMatchObject({ name: 'Second', roles: ['translator'], languages: ['ru'] })
    expect(read).not.toHaveProperty('hash')
    expect(read).not.toHaveProperty('salt')
  })

  it('stores authors, including house bylines', async () => {
    const author = await ctx.payload.create({
      collection: 'authors',
      data: {
        name: 'Leyla Hüseynova',
        jobTitle: 'Energy correspondent',
        bio: 'Covers the Caspian.',
        links: [{ label: 'Site', url: 'https://example.com' }],
      },
    })
    const house = await ctx.payload.create({
      collection: 'authors',
      data: { name: 'Newsroom Desk', isHouse: true },
    })
    expect(await ctx.payload.findByID({ collection: 'authors', id: author.id })).toMatchObject({
      slug: 'leyla-huseynova',
      jobTitle: 'Energy correspondent',
      isHouse: false,
      links: [{ label: 'Site', url: 'https://example.com' }],
    })
    expect(house).toMatchObject({ slug: 'newsroom-desk', isHouse: true })
  })

  it('nests sections and keeps their names per language with English fallback', async () => {
    const news = await ctx.payload.create({
      collection: 'categories',
      locale: 'en',
      data: { name: 'News', order: 1 },
    })
    await ctx.payload.update({
      collection: 'categories',
      id: news.id,
      locale: 'az',
      data: { name: 'Xəbərlər' },
    })
    const economy = await ctx.payload.create({
      collection: 'categories',
      locale: 'en',
      data: { name: 'Economy', parent: news.id, order: 1 },
    })
    const az = await ctx.payload.findByID({ collection: 'categories', id: news.id, locale: 'az' })
    const ru = await ctx.payload.findByID({ collection: 'categories', id: news.id, locale: 'ru' })
    expect(az.name).toBe('Xəbərlər')
    expect(ru.name).toBe('News')
    const child = await ctx.payload.findByID({ collection: 'categories', id: economy.id, depth: 0 })
    expect(child.parent).toBe(news.id)
    expect(child.breadcrumbs?.map((crumb) => crumb.url)).toEqual(['/news', '/news/economy'])
  })

  it('stores tags', async () => {
    const tag = await ctx.payload.create({ collection: 'tags', data: { name: 'Middle Corridor' } })
    expect(await ctx.payload.findByID({ collection: 'tags', id: tag.id })).toMatchObject({
      name: 'Middle Corridor',
      slug: 'middle-corridor',
    })
  })

  it('stores an article with all its relations and reads it back', async () => {
    const [section] = (
      await ctx.payload.find({ collection: 'categories', where: { slug: { equals: 'economy' } } })
    ).docs
    const [tag] = (await ctx.payload.find({ collection: 'tags' })).docs
    const authors = (await ctx.payload.find({ collection: 'authors', sort: 'name' })).docs
    const hero = await ctx.payload.create({
      collection: 'media',
      data: { alt: 'A freight train' },
      file: await imageFile(),
    })
    const related = await createArticle(ctx.payload, { status: 'published' })

    const article = await createArticle(ctx.payload, {
      title: 'Freight volumes on the Middle Corridor double',
      dek: 'Rail operators report record autumn traffic.',
      body: body(
        { heading: 'Record month' },
        'Containers moved faster than ever.',
        { quote: 'We ran out of wagons.' },
        { list: ['Baku', 'Tbilisi', 'Kars'] },
      ),
      heroImage: hero.id,
      heroCaption: 'A train leaves Baku',
      category: section.id,
      categories: [section.id],
      tags: [tag.id],
      authors: authors.map((a) => a.id),
      source: {
        outlet: 'Caspian Business Review',
        url: 'https://example.com/a',
        originalLanguage: 'az',
        originalTitle: 'Yük daşımaları',
        originalDate: '2026-11-01T00:00:00.000Z',
      },
      relatedArticles: [related.id],
      meta: { title: 'Freight doubles', description: 'Rail freight record' },
      status: 'published',
    })

    const read = await ctx.payload.findByID({ collection: 'articles', id: article.id, depth: 1 })
    expect(read).toMatchObject({
      title: 'Freight volumes on the Middle Corridor double',
      slug: 'freight-volumes-on-the-middle-corridor-double',
      language: 'en',
      _status: 'published',
      heroCaption: 'A train leaves Baku',
      category: { id: section.id, name: 'Economy' },
      tags: [{ id: tag.id }],
      source: {
        outlet: 'Caspian Business Review',
        originalLanguage: 'az',
        originalTitle: 'Yük daşımaları',
      },
      relatedArticles: [{ id: related.id }],
      meta: { title: 'Freight doubles', description: 'Rail freight record' },
    })
    expect(read.authors?.map((a) => (typeof a === 'object' ? a.name : a))).toEqual(
      authors.map((a) => a.name),
    )
    expect(read.heroImage).toMatchObject({ id: hero.id, alt: 'A freight train' })
    expect(read.publishedAt).toBeTruthy()
    expect(read.readingTime).toBe(1)
  })

  it('links a language version to its original', async () => {
    const original = await createArticle(ctx.payload, {
      title: 'Solar plant opens',
      status: 'published',
    })
    const version = await createArticle(ctx.payload, {
      title: 'Günəş stansiyası açıldı',
      language: 'az',
      translationOf: original.id,
    })
    const read = await ctx.payload.findByID({
      collection: 'articles',
      id: version.id,
      depth: 0,
      draft: true,
    })
    expect(read).toMatchObject({
      language: 'az',
      translationOf: original.id,
      slug: 'gunes-stansiyasi-acildi',
    })
  })

  it('stores static pages per language', async () => {
    const page = await ctx.payload.create({
      collection: 'pages',
      locale: 'en',
      data: { title: 'Who we are', body: body('We are a digest.'), _status: 'published' },
    })
    await ctx.payload.update({
      collection: 'pages',
      id: page.id,
      locale: 'ru',
      data: { title: 'Кто мы', _status: 'published' },
    })
    expect(
      (await ctx.payload.findByID({ collection: 'pages', id: page.id, locale: 'ru' })).title,
    ).toBe('Кто мы')
    expect(
      (await ctx.payload.findByID({ collection: 'pages', id: page.id, locale: 'az' })).title,
    ).toBe('Who we are')
    expect(page.slug).toBe('who-we-are')
  })

  it('stores site settings and navigation', async () => {
    const [page] = (await ctx.payload.find({ collection: 'pages' })).docs
    const [section] = (
      await ctx.payload.find({ collection: 'categories', where: { slug: { equals: 'news' } } })
    ).docs
    await ctx.payload.updateGlobal({
      slug: 'site-settings',
      data: {
        siteName: 'Caspian Digest',
        about: 'About us',
        contactEmail: 'desk@example.com',
        social: [{ platform: 'x', url: 'https://example.com/x' }],
      },
    })
    await ctx.payload.updateGlobal({
      slug: 'navigation',
      data: {
        header: [
          {
            type: 'category',
            category: section.id,
            children: [{ type: 'url', label: 'Archive', url: '/archive' }],
          },
        ],
        footer: [{ type: 'page', page: page.id }],
      },
    })
    expect(await ctx.payload.findGlobal({ slug: 'site-settings' })).toMatchObject({
      siteName: 'Caspian Digest',
      contactEmail: 'desk@example.com',
      social: [{ platform: 'x' }],
    })
    const nav = await ctx.payload.findGlobal({ slug: 'navigation', depth: 1 })
    expect(nav.header?.[0]).toMatchObject({
      category: { slug: 'news' },
      children: [{ label: 'Archive', url: '/archive' }],
    })
    expect(nav.footer?.[0]).toMatchObject({ page: { slug: 'who-we-are' } })
  })
})
