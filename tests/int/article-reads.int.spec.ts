import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { drizzleOf } from '@/db/client'
import { bodyToHtml } from '@/lib/bodyHtml'
import type { Language } from '@/lib/languages'
import type { Article, Media } from '@/payload-types'

import { countQueries } from '../helpers/database'
import { body as bodyOf, createArticle, imageFile } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'

/**
 * The article page's reads in SQL (src/db/articleReads.ts) against the Local API path they
 * replace: the same answers, deep-equal, for an article with every relation the page shows; the
 * same articles hidden from the anonymous reader; and the statements an uncached page costs.
 */

let t: TestPayload
let payload: Payload
// The read layer loads the Payload config, so it is imported once the test database is set.
let data: typeof import('@/data/articles')
let shapes: typeof import('@/data/shapes')
let comments: typeof import('@/db/comments')
let reads: typeof import('@/db/articleReads')

const anonymous = { overrideAccess: false, draft: false } as const
const quiet = { disableRevalidate: true }

beforeAll(async () => {
  t = await createTestPayload()
  payload = t.payload
  data = await import('@/data/articles')
  shapes = await import('@/data/shapes')
  comments = await import('@/db/comments')
  reads = await import('@/db/articleReads')
})
afterAll(() => t?.teardown())

/** Sets a localized document's fields in `locale`. */
const translate = <C extends 'categories' | 'tags' | 'authors' | 'media'>(
  collection: C,
  id: number,
  locale: Language,
  fields: Record<string, unknown>,
) => payload.update({ collection, id, locale, data: fields as never, context: quiet })

const image = async (alt: string, caption?: string): Promise<Media> =>
  payload.create({
    collection: 'media',
    data: { alt, caption, credit: 'A. Photographer' },
    file: await imageFile({ width: 1800, height: 1000 }),
  })

/** The cards of `ids` as the Local API path read them (listArticles, before SQL). */
const summariesThroughLocalApi = async (language: Language, ids: number[]) => {
  const { docs } = await payload.find({
    collection: 'articles',
    ...anonymous,
    where: { and: [{ language: { equals: language } }, { id: { in: ids } }] },
    pagination: false,
    depth: 1,
    locale: language,
    fallbackLocale: 'en',
    select: shapes.summarySelect,
    populate: shapes.summaryPopulate,
  })
  const counts = await comments.approvedCommentCounts(
    drizzleOf(payload),
    docs.map((doc) => doc.id),
  )
  return ids
    .map((id) => docs.find((doc) => doc.id === id))
    .filter((doc): doc is NonNullable<typeof doc> => Boolean(doc))
    .map((doc) => ({ ...shapes.toSummary(doc), commentCount: counts.get(doc.id) ?? 0 }))
}

/**
 * A body's referenced documents reduced to what the renderer reads of them (RichText.tsx): an
 * image's hero rendition, a linked article's slug and language.
 */
const whatRenders = (body: unknown): unknown =>
  JSON.parse(JSON.stringify(body), (key, value) => {
    if (value && typeof value === 'object' && 'filename' in value && 'sizes' in value) {
      return shapes.toImage(value as Media, 'hero')
    }
    if (value && typeof value === 'object' && 'slug' in value && 'language' in value) {
      return { id: value.id, slug: value.slug, language: value.language }
    }
    return value
  })

const approve = async (articleId: number, count: number) => {
  for (let i = 0; i < count; i++) {
    await drizzleOf(payload).execute(sql`
      INSERT INTO comments (article_id, name, email, body, language, status, created_at, updated_at)
      VALUES (${articleId}, 'Reader', ${`r${i}@test.example`}, ${`comment ${i}`}, 'en', 'approved', now(), now())`)
  }
}

describe('the article page’s reads in SQL', () => {
  let original: Article
  let version: Article
  let russian: Article
  let related: Article
  let relatedDraft: Article
  let relatedTrashed: Article
  let hero: Media

  beforeAll(async () => {
    const world = await payload.create({
      collection: 'categories',
      data: { name: 'World', slug: 'world-reads' },
      context: quiet,
    })
    await translate('categories', world.id, 'az', { name: 'Dünya' })
    const caspian = await payload.create({
      collection: 'categories',
      data: { name: 'Caspian', slug: 'caspian-reads', parent: world.id },
      context: quiet,
    })
    await translate('categories', caspian.id, 'ru', { name: 'Каспий' })
    const oil = await payload.create({
      collection: 'tags',
      data: { name: 'Oil', slug: 'oil-reads' },
      context: quiet,
    })
    await translate('tags', oil.id, 'az', { name: 'Neft' })
    const ports = await payload.create({
      collection: 'tags',
      data: { name: 'Ports', slug: 'ports-reads' },
      context: quiet,
    })
    const leyla = await payload.create({
      collection: 'authors',
      data: { name: 'Leyla Aliyeva', slug: 'leyla-reads', jobTitle: 'Energy editor' },
      context: quiet,
    })
    await translate('authors', leyla.id, 'az', { jobTitle: 'Enerji redaktoru' })
    const rauf = await payload.create({
      collection: 'authors',
      data: { name: 'Rauf Mammadov', slug: 'rauf-reads' },
      context: quiet,
    })
    hero = await image('Tankers at the Baku oil terminal', 'Tankers wait off Baku.')
    await translate('media', hero.id, 'az', { alt: 'Bakı neft terminalında tankerlər' })
    const ogImage = await image('A map of the pipeline')

    related = await createArticle(payload, {
      status: 'published',
      category: caspian.id,
      authors: [rauf.id, leyla.id],
      heroImage: hero.id,
      publishedAt: '2026-10-01T08:00:00.000Z',
    })
    await approve(related.id, 2)
    relatedDraft = await createArticle(payload, { category: caspian.id })
    relatedTrashed = await createArticle(payload, { status: 'published', category: caspian.id })

    original = await createArticle(payload, {
      status: 'published',
      title: 'Caspian ports expand',
      dek: 'Three ports add berths.',
      body: {
        root: {
          type: 'root',
          format: '',
          indent: 0,
          version: 1,
          direction: 'ltr',
          children: [
            ...(bodyOf('Ports on the Caspian add berths this year.')?.root.children ?? []),
            {
              type: 'paragraph',
              format: '',
              indent: 0,
              version: 1,
              direction: 'ltr',
              textFormat: 0,
              children: [
                {
                  type: 'link',
                  format: '',
                  indent: 0,
                  version: 3,
                  direction: 'ltr',
                  id: 'link-1',
                  fields: {
                    linkType: 'internal',
                    newTab: false,
                    doc: { relationTo: 'articles', value: related.id },
                  },
                  children: [
                    {
                      type: 'text',
                      text: 'the earlier story',
                      format: 0,
                      style: '',
                      mode: 'normal',
                      detail: 0,
                      version: 1,
                    },
                  ],
                },
                {
                  type: 'link',
                  format: '',
                  indent: 0,
                  version: 3,
                  direction: 'ltr',
                  id: 'link-2',
                  fields: {
                    linkType: 'internal',
                    newTab: false,
                    doc: { relationTo: 'articles', value: relatedDraft.id },
                  },
                  children: [
                    {
                      type: 'text',
                      text: 'a story not out yet',
                      format: 0,
                      style: '',
                      mode: 'normal',
                      detail: 0,
                      version: 1,
                    },
                  ],
                },
              ],
            },
            {
              type: 'upload',
              format: '',
              version: 3,
              id: 'upload-1',
              fields: null,
              relationTo: 'media',
              value: hero.id,
            },
          ],
        },
      } as unknown as Article['body'],
      category: caspian.id,
      tags: [ports.id, oil.id],
      authors: [leyla.id, rauf.id],
      heroImage: hero.id,
      heroCaption: 'Tankers at dawn.',
      source: { outlet: 'Caspian Wire', url: 'https://wire.example/ports' },
      meta: { title: 'Ports expand', description: 'Berths added', image: ogImage.id },
      relatedArticles: [relatedDraft.id, related.id, relatedTrashed.id],
      corrections: [
        { date: '2026-11-20T10:00:00.000Z', text: 'A later correction.' },
        { date: '2026-11-10T10:00:00.000Z', text: 'An earlier correction.' },
      ],
      publishedAt: '2026-11-01T08:00:00.000Z',
    })
    // In the trash after it was picked (a pick must exist when saved).
    await payload.update({
      collection: 'articles',
      id: relatedTrashed.id,
      data: { deletedAt: new Date().toISOString() },
    })
    version = await createArticle(payload, {
      status: 'published',
      language: 'az',
      title: 'Xəzər limanları genişlənir',
      translationOf: original.id,
      heroAlt: 'Tankerlər',
    })
    russian = await createArticle(payload, {
      status: 'published',
      language: 'ru',
      title: 'Каспийские порты расширяются',
      translationOf: original.id,
    })
  })

  it('reads an article, in each of its languages, as the Local API did', async () => {
    for (const { language, slug } of [original, version, russian] as Article[]) {
      const args = { language, slug: slug! }
      const viaSql = await data.findArticleDetail(args)
      const viaLocalApi = await data.readArticleDetail(args, anonymous)
      expect(viaSql).not.toBeNull()
      const blank = { body: null, bodyHtml: null }
      expect({ ...viaSql, ...blank }).toEqual({ ...viaLocalApi, ...blank })
      // A body of text comes as its stored HTML (the JSON is not read); one with images or
      // internal links as the JSON, its references filled in.
      if (viaSql?.bodyHtml) {
        expect(viaSql.body).toBeNull()
        expect(viaSql.bodyHtml).toBe(bodyToHtml(viaLocalApi?.body))
      } else {
        expect(whatRenders(viaSql?.body)).toEqual(whatRenders(viaLocalApi?.body))
      }
    }
    expect((await data.findArticleDetail(original as never))?.bodyHtml).toBeNull()
    expect((await data.findArticleDetail(russian as never))?.bodyHtml).toMatch(/^<p>/)
    const page = (await data.findArticleDetail({ language: 'en', slug: original.slug! }))!
    // What the comparison covers, stated: localized names with their English fallback, order.
    expect(page.section).toMatchObject({ name: 'Caspian', path: ['world-reads', 'caspian-reads'] })
    expect(page.tags.map((tag) => tag.slug)).toEqual(['ports-reads', 'oil-reads'])
    expect(page.authors.map((a) => a.jobTitle)).toEqual(['Energy editor', null])
    expect(page.hero).toMatchObject({
      alt: 'Tankers at the Baku oil terminal',
      caption: 'Tankers at dawn.',
    })
    expect(page.hero?.url).toMatch(/^\/api\/media\/file\/.+\.webp$/)
    expect(page.ogImage?.alt).toBe('A map of the pipeline')
    expect(page.relatedIds).toEqual([relatedDraft.id, related.id])
    expect(page.corrections.map((c) => c.text)).toEqual([
      'An earlier correction.',
      'A later correction.',
    ])
    const az = (await data.findArticleDetail({ language: 'az', slug: version.slug! }))!
    expect(az.translationOf).toMatchObject({ id: original.id, title: 'Caspian ports expand' })
    expect(az.groupId).toBe(original.id)
    expect(az.hero?.alt).toBe('Tankerlər')
    const ru = (await data.findArticleDetail({ language: 'ru', slug: russian.slug! }))!
    expect(ru.section?.name).toBe('Каспий')
    expect(ru.tags.map((tag) => tag.name)).toEqual(['Ports', 'Oil'])
  })

  it('reads the cards of related and latest articles as the Local API did, with comment counts', async () => {
    const ids = [related.id, original.id, relatedDraft.id, relatedTrashed.id, version.id]
    const db = drizzleOf(payload)
    const rows = await reads.articleSummaries(db, { language: 'en', ids })
    expect(rows.map((row) => Number(row.id))).toEqual([related.id, original.id])
    for (const language of ['en', 'az'] as const) {
      const related = await data.getRelatedArticles({
        language,
        articleId: 0,
        relatedIds: ids,
        sectionId: 0,
        tagIds: [],
        limit: 10,
      })
      expect(related).toEqual(await summariesThroughLocalApi(language, ids))
    }
    const cards = await data.getRelatedArticles({
      language: 'en',
      articleId: original.id,
      relatedIds: [related.id],
      sectionId: 0,
      tagIds: [],
    })
    expect(cards[0]).toMatchObject({ id: related.id, commentCount: 2 })
    expect(cards[0].image?.url).toMatch(/^\/api\/media\/file\//)

    const latest = await data.getLatestArticles({ language: 'en', limit: 50 })
    const { docs } = await payload.find({
      collection: 'articles',
      ...anonymous,
      where: { language: { equals: 'en' } },
      sort: '-publishedAt',
      limit: 50,
      pagination: false,
      depth: 0,
      select: { title: true },
    })
    expect(latest.map((a) => a.id)).toEqual(docs.map((doc) => doc.id))
    expect(latest).toEqual(
      await summariesThroughLocalApi(
        'en',
        docs.map((doc) => doc.id),
      ),
    )
  })

  it('lists a story’s published language versions as the Local API did', async () => {
    const other = await createArticle(payload, { status: 'published' })
    const draftVersion = await createArticle(payload, { language: 'ru', translationOf: other.id })
    expect((await data.getArticleVersions({ groupId: other.id })).map((v) => v.id)).toEqual([
      other.id,
    ])
    expect(draftVersion.id).toBeGreaterThan(other.id)
    const versions = await data.getArticleVersions({ groupId: original.id })
    expect(versions.map((v) => v.id)).toEqual([original.id, version.id, russian.id])
    expect(versions[1]).toEqual({
      id: version.id,
      language: 'az',
      slug: version.slug,
      title: 'Xəzər limanları genişlənir',
    })
  })

  it('returns no draft, trashed, unpublished, embargoed or scheduled article', async () => {
    const draft = await createArticle(payload, { title: 'Never published' })
    const trashed = await createArticle(payload, { status: 'published' })
    await payload.update({
      collection: 'articles',
      id: trashed.id,
      data: { deletedAt: new Date().toISOString() },
    })
    const unpublished = await createArticle(payload, { status: 'published' })
    await payload.update({ collection: 'articles', id: unpublished.id, data: { _status: 'draft' } })
    const embargoed = await createArticle(payload, {
      embargoUntil: new Date(Date.now() + 86_400_000).toISOString(),
    })
    const scheduled = await createArticle(payload, {
      stage: 'scheduled',
      scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
    })
    const hidden = [draft, trashed, unpublished, embargoed, scheduled]
    for (const { language, slug } of hidden) {
      const args = { language, slug: slug! }
      expect(await data.findArticleDetail(args)).toBeNull()
      expect(await data.readArticleDetail(args, anonymous)).toBeNull()
    }
    const db = drizzleOf(payload)
    const ids = hidden.map((a) => a.id)
    expect(await reads.articleSummaries(db, { language: 'en', ids })).toEqual([])
    const latest = await data.getLatestArticles({ language: 'en', limit: 500 })
    expect(latest.map((a) => a.id).filter((id) => ids.includes(id))).toEqual([])
  })

  it('shows the published text while a newer draft waits', async () => {
    const live = await createArticle(payload, { status: 'published', title: 'The published text' })
    await payload.update({
      collection: 'articles',
      id: live.id,
      draft: true,
      data: { title: 'A draft nobody may read yet', _status: 'draft' },
    })
    const args = { language: 'en' as const, slug: live.slug! }
    expect((await data.findArticleDetail(args))?.title).toBe('The published text')
    expect((await data.readArticleDetail(args, anonymous))?.title).toBe('The published text')
    const [card] = await reads.articleSummaries(drizzleOf(payload), {
      language: 'en',
      ids: [live.id],
    })
    expect(card.title).toBe('The published text')
  })

  it('reads an uncached article page in six statements', async () => {
    const page = async () => {
      const article = (await data.getArticleBySlug({ language: 'en', slug: original.slug! }))!
      await Promise.all([
        data.getArticleVersions({ groupId: article.groupId }),
        data.getRelatedArticles({
          language: 'en',
          articleId: article.id,
          relatedIds: article.relatedIds,
          sectionId: article.section?.id ?? 0,
          tagIds: article.tags.map((tag) => tag.id),
          limit: 4,
        }),
        data.getLatestArticles({ language: 'en', limit: 8 }),
      ])
    }
    const { statements } = await countQueries(page)
    // The article (1) and the documents its body shows or links to (1), its versions (1), the
    // related candidates and their cards (2), the latest cards (1).
    expect(statements).toHaveLength(6)
    // Without references in its body, the article is one statement.
    const plain = await createArticle(payload, { status: 'published' })
    const { statements: one } = await countQueries(() =>
      data.findArticleDetail({ language: 'en', slug: plain.slug! }),
    )
    expect(one).toHaveLength(1)
  })
})
