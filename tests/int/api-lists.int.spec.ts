import { handleEndpoints } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { LIST_OMITS } from '@/collections/Articles/listShape'
import type { Article } from '@/payload-types'

import { countQueries } from '../helpers/database'
import { body, createArticle, createNewsroomBasics, words } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'

/**
 * What a REST list of articles (and of pages) carries, through Payload's own REST handler with
 * the project's config: no bodies unless asked, relations populated to their default shape,
 * the single read whole, and never a draft.
 */

let ctx: TestPayload
let sectionId: number
let published: Article[]
let draft: Article

type Json = Record<string, unknown>
type List = { docs: Json[]; totalDocs: number }

const rest = async (path: string, init?: RequestInit) => {
  const { default: config } = await import('@payload-config')
  const response = await handleEndpoints({
    config,
    request: new Request(`http://localhost:3000${path}`, init),
  })
  return { status: response.status, json: (await response.json()) as Json }
}

const list = async (path: string) => {
  const { status, json } = await rest(path)
  expect(status).toBe(200)
  return json as unknown as List
}

const bySection = (extra = '') =>
  `/api/articles?where[category][equals]=${sectionId}&limit=20&depth=1${extra}`

beforeAll(async () => {
  ctx = await createTestPayload()
  const basics = await createNewsroomBasics(ctx.payload)
  sectionId = basics.category.id
  const tag = await ctx.payload.create({ collection: 'tags', data: { name: 'Ports' } as never })
  const first = await createArticle(ctx.payload, {
    ...basics.fields,
    status: 'published',
    tags: [tag.id],
    body: body(words(400)),
  })
  const second = await createArticle(ctx.payload, {
    ...basics.fields,
    status: 'published',
    tags: [tag.id],
    relatedArticles: [first.id],
    body: body(words(400)),
  })
  published = [first, second]
  draft = await createArticle(ctx.payload, { ...basics.fields, title: 'Unpublished scoop' })
  await ctx.payload.create({
    collection: 'pages',
    data: { title: 'About us', slug: 'about', body: body(words(30)), _status: 'published' },
  })
})

afterAll(async () => {
  await ctx?.teardown()
})

describe('REST lists of articles', () => {
  it('leave the body and the staff internals out when no select is given', async () => {
    const { docs } = await list(bySection())
    expect(docs.map((doc) => doc.id).sort()).toEqual(published.map((a) => a.id).sort())
    for (const doc of docs) {
      for (const name of LIST_OMITS) expect(doc).not.toHaveProperty(name)
      expect(doc).toMatchObject({ title: expect.any(String), slug: expect.any(String) })
      expect(doc).toHaveProperty('dek')
      expect(doc).toHaveProperty('publishedAt')
      expect(doc).toHaveProperty('corrections')
    }
  })

  it('read no body column and no timeline from the database', async () => {
    const { statements } = await countQueries(() => list(bySection()))
    const sql = statements.join('\n')
    expect(sql).toMatch(/from "articles"/i)
    expect(sql).not.toMatch(/"body"/)
    expect(sql).not.toMatch(/editorial_events/)
    // The same read with the body asked for does name it: the check above can fail.
    const asked = await countQueries(() => list(bySection('&select[body]=true')))
    expect(asked.statements.join('\n')).toMatch(/"body"/)
  })

  it('bring the body when the client selects it, and only what it selects', async () => {
    const { docs } = await list(bySection('&select[body]=true&select[title]=true'))
    expect(docs).toHaveLength(2)
    for (const doc of docs) {
      expect(Object.keys(doc).sort()).toEqual(['body', 'id', 'title'])
      expect(doc.body).toMatchObject({ root: { type: 'root' } })
    }
  })

  it('keep an exclusion the client asks for as the whole answer but that', async () => {
    const { docs } = await list(bySection('&select[dek]=false'))
    for (const doc of docs) {
      expect(doc).not.toHaveProperty('dek')
      expect(doc.body).toMatchObject({ root: { type: 'root' } })
    }
  })

  it('keep the body on the single read', async () => {
    const { status, json } = await rest(`/api/articles/${published[0].id}?depth=1`)
    expect(status).toBe(200)
    expect(json.body).toMatchObject({ root: { type: 'root' } })
    expect(json.title).toBe(published[0].title)
  })

  it('populate relations at depth 1 to their default shape', async () => {
    const { docs } = await list(bySection())
    const doc = docs.find((d) => d.id === published[1].id) as Json
    const keys = (value: unknown) => Object.keys(value as Json).sort()
    expect(keys(doc.category)).toEqual(['breadcrumbs', 'id', 'name', 'parent', 'slug'])
    expect(keys((doc.tags as Json[])[0])).toEqual(['id', 'name', 'slug'])
    // Empty fields are left out of an answer; nothing outside the default shape comes.
    const byline = ['id', 'isHouse', 'jobTitle', 'name', 'photo', 'slug']
    expect(keys((doc.authors as Json[])[0]).filter((key) => !byline.includes(key))).toEqual([])
    expect((doc.authors as Json[])[0]).toMatchObject({ name: expect.any(String) })
    const hero = doc.heroImage as Json
    expect(hero).toMatchObject({
      alt: expect.any(String),
      url: expect.stringContaining('/api/media/file/'),
      width: 800,
      height: 450,
      mimeType: 'image/jpeg',
    })
    expect((hero.sizes as Record<string, Json>).card).toMatchObject({
      url: expect.stringContaining('/api/media/file/'),
      width: 768,
    })
    expect(hero).not.toHaveProperty('createdAt')
    const related = (doc.relatedArticles as Json[])[0]
    expect(related).toMatchObject({ id: published[0].id, title: published[0].title })
    expect(related).not.toHaveProperty('body')
  })

  it('never list a draft to an anonymous reader: the same ids as the Local API reader', async () => {
    for (const query of ['', '&draft=true', '&where[_status][equals]=draft']) {
      const { docs } = await list(`/api/articles?limit=100&depth=0${query}`)
      expect(docs.some((doc) => doc.id === draft.id)).toBe(false)
    }
    const { docs } = await list('/api/articles?limit=100&depth=0&sort=id')
    const local = await ctx.payload.find({
      collection: 'articles',
      overrideAccess: false,
      draft: false,
      limit: 100,
      depth: 0,
      sort: 'id',
      select: { title: true },
    })
    expect(docs.map((doc) => doc.id)).toEqual(local.docs.map((doc) => doc.id))
  })

  it('leave the Local API reads as they were', async () => {
    const local = await ctx.payload.find({
      collection: 'articles',
      where: { id: { equals: published[0].id } },
      depth: 0,
    })
    expect(local.docs[0].body).toMatchObject({ root: { type: 'root' } })
  })

  it('answer a malformed select with a 400, not a 500', async () => {
    for (const query of ['select=body', 'select[body]=yes', 'select[body][x]=1']) {
      const { status, json } = await rest(`/api/articles?${query}`)
      expect(status).toBe(400)
      expect(json.errors).toBeDefined()
    }
  })
})

describe('REST lists of pages', () => {
  it('leave the body out unless asked; the single read keeps it', async () => {
    const { docs } = await list('/api/pages?limit=10')
    expect(docs).toHaveLength(1)
    expect(docs[0]).not.toHaveProperty('body')
    expect(docs[0].title).toBe('About us')
    const asked = await list('/api/pages?limit=10&select[body]=true')
    expect(asked.docs[0].body).toMatchObject({ root: { type: 'root' } })
    const { json } = await rest(`/api/pages/${docs[0].id}`)
    expect(json.body).toMatchObject({ root: { type: 'root' } })
  })
})
