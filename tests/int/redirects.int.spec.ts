import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createRedirectSnapshot } from '@/db/redirectSnapshot'
import { normalizeRedirectPath, redirectTarget } from '@/lib/redirectPaths'
import { idOf } from '@/lib/relations'
import type { User } from '@/payload-types'

import { createStaff, rest, type StaffRole } from '../helpers/commentsAdmin'
import { createArticle } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'

const ORIGIN = 'https://news.example'

let ctx: TestPayload
let admin: User, editor: User, author: User
let tokens: Record<StaffRole, string>
let counter = 0
const unique = (base: string) => `${base}-${Date.now().toString(36)}${(counter++).toString(36)}`

const codeOf = (answer: { json: { errors?: { data?: { code?: string } }[] } }) =>
  answer.json.errors?.[0]?.data?.code
const messageOf = (answer: { json: { errors?: { message: string }[] } }) =>
  answer.json.errors?.[0]?.message

/** Every redirect row, source → target, read by the system. */
const table = async (): Promise<Record<string, string>> => {
  const { docs } = await ctx.payload.find({ collection: 'redirects', pagination: false, depth: 0 })
  return Object.fromEntries(docs.map((doc) => [doc.from, doc.to ?? '']))
}

const rowFrom = async (from: string) =>
  (
    await ctx.payload.find({
      collection: 'redirects',
      where: { from: { equals: from } },
      depth: 0,
      limit: 1,
    })
  ).docs[0]

const asEditor = (body: unknown, language?: string) =>
  rest('POST', '/api/redirects', { token: tokens.editor, body, language })

const publishedArticle = (slug: string, language: 'en' | 'az' | 'ru' = 'en') =>
  createArticle(ctx.payload, { slug, language, status: 'published', stage: 'published' })

const setSlug = (id: number, slug: string, draft = false) =>
  ctx.payload.update({ collection: 'articles', id, data: { slug }, draft })

beforeAll(async () => {
  ctx = await createTestPayload()
  process.env.SERVER_URL = ORIGIN
  ;({ admin, editor, author, tokens } = await createStaff(ctx.payload))
})

afterAll(async () => {
  await ctx?.teardown()
})

describe('the normal form of a redirect address', () => {
  const from = (value: string) => normalizeRedirectPath(value, 'from', ORIGIN)
  const to = (value: string) => normalizeRedirectPath(value, 'to', ORIGIN)

  it('keeps a path on this site: leading slash, no origin, no trailing slash, query kept', () => {
    expect(from('/en/articles/old/')).toEqual({ path: '/en/articles/old' })
    expect(from('https://old.example/2019/05/story.html?id=5#top')).toEqual({
      path: '/2019/05/story.html?id=5',
    })
    expect(to(`${ORIGIN}/az/articles/new`)).toEqual({ path: '/az/articles/new' })
    expect(from('/xəbər')).toEqual({ path: '/x%C9%99b%C9%99r' })
  })

  it('refuses malformed, external and reserved addresses', () => {
    expect(from('en/articles/x')).toEqual({ problem: 'malformed' })
    expect(from('/with space')).toEqual({ problem: 'malformed' })
    expect(from('/bad%zzencoding')).toEqual({ problem: 'malformed' })
    expect(from(`/${'a'.repeat(1001)}`)).toEqual({ problem: 'malformed' })
    expect(to('https://elsewhere.example/x')).toEqual({ problem: 'external' })
    expect(to('//elsewhere.example/x')).toEqual({ problem: 'external' })
    expect(to('javascript:alert(1)')).toEqual({ problem: 'external' })
    expect(from('/admin/collections/users')).toEqual({ problem: 'reserved' })
    expect(to('/api/users')).toEqual({ problem: 'reserved' })
  })

  it('matches the exact path and query first, else the path with the query carried over', () => {
    const rows = new Map([
      ['/story.php?id=5', '/en/articles/five'],
      ['/en/articles/old', '/en/articles/new'],
    ])
    const lookup = (key: string) => rows.get(key)
    expect(redirectTarget(lookup, '/story.php', '?id=5')).toBe('/en/articles/five')
    expect(redirectTarget(lookup, '/story.php', '?id=6')).toBeNull()
    expect(redirectTarget(lookup, '/en/articles/old/', '')).toBe('/en/articles/new')
    expect(redirectTarget(lookup, '/en/articles/old', '?utm_source=x')).toBe(
      '/en/articles/new?utm_source=x',
    )
    expect(redirectTarget(lookup, '/en/articles/other', '')).toBeNull()
  })
})

describe('who may read and write redirects', () => {
  it('lets editors and admins create, read, edit and delete them over REST', async () => {
    for (const who of ['editor', 'admin'] as const) {
      const from = `/${unique('old')}`
      const created = await rest('POST', '/api/redirects', {
        token: tokens[who],
        body: { from, to: '/en' },
      })
      expect(created.status, who).toBe(201)
      const doc = (created.json as { doc: { id: number; origin: string; createdBy: unknown } }).doc
      expect(doc.origin).toBe('manual')
      expect(idOf(doc.createdBy)).toBe((who === 'editor' ? editor : admin).id)
      const list = await rest('GET', '/api/redirects?limit=100', { token: tokens[who] })
      expect(list.status).toBe(200)
      const changed = await rest('PATCH', `/api/redirects/${doc.id}`, {
        token: tokens[who],
        body: { to: '/az' },
      })
      expect(changed.status).toBe(200)
      expect((await rowFrom(from))?.to).toBe('/az')
      const removed = await rest('DELETE', `/api/redirects/${doc.id}`, { token: tokens[who] })
      expect(removed.status).toBe(200)
      expect(await rowFrom(from)).toBeUndefined()
    }
  })

  it('refuses authors, translators and anonymous readers on REST and the Local API (GraphQL: e2e)', async () => {
    const existing = await ctx.payload.create({
      collection: 'redirects',
      data: { from: `/${unique('kept')}`, to: '/en', origin: 'manual' },
    })
    for (const who of ['author', 'translator', undefined] as const) {
      const token = who ? tokens[who] : undefined
      const list = await rest('GET', '/api/redirects', { token })
      expect(list.status, `${who} list`).toBe(403)
      const one = await rest('GET', `/api/redirects/${existing.id}`, { token })
      expect(one.status, `${who} one`).toBe(403)
      const create = await rest('POST', '/api/redirects', {
        token,
        body: { from: `/${unique('sneaky')}`, to: '/en' },
      })
      expect(create.status, `${who} create`).toBe(403)
      const update = await rest('PATCH', `/api/redirects/${existing.id}`, {
        token,
        body: { to: '/ru' },
      })
      expect(update.status, `${who} update`).toBe(403)
      const remove = await rest('DELETE', `/api/redirects/${existing.id}`, { token })
      expect(remove.status, `${who} delete`).toBe(403)
    }
    const user = { ...author, collection: 'users' as const }
    await expect(
      ctx.payload.find({ collection: 'redirects', overrideAccess: false, user }),
    ).rejects.toThrow(/not allowed/i)
    await expect(
      ctx.payload.create({
        collection: 'redirects',
        overrideAccess: false,
        user,
        data: { from: `/${unique('local')}`, to: '/en', origin: 'manual' },
      }),
    ).rejects.toThrow(/not allowed/i)
    expect((await rowFrom(existing.from))?.to).toBe('/en')
  })
})

describe('validation of a redirect made by hand', () => {
  it('normalises both addresses', async () => {
    const base = unique('story')
    const answer = await asEditor({
      from: `https://archive.example/${base}.html/?id=7`,
      to: `${ORIGIN}/en/`,
    })
    expect(answer.status).toBe(201)
    expect((await rowFrom(`/${base}.html?id=7`))?.to).toBe('/en')
  })

  it('refuses, in the requester language, with a stable code and nothing written', async () => {
    const live = await publishedArticle(unique('live'))
    const draft = await createArticle(ctx.payload, { slug: unique('unpublished') })
    const taken = `/${unique('taken')}`
    expect((await asEditor({ from: taken, to: '/en' })).status).toBe(201)
    const before = await table()
    const cases: [unknown, number, string][] = [
      [{ from: 'no-slash', to: '/en' }, 400, 'redirects.fromMalformed'],
      [{ from: '/admin/x', to: '/en' }, 400, 'redirects.fromReserved'],
      [{ from: `/${unique('a')}`, to: 'https://elsewhere.example/x' }, 400, 'redirects.toExternal'],
      [{ from: `/${unique('a')}`, to: 'nope' }, 400, 'redirects.toMalformed'],
      [{ from: '/en/same', to: '/en/same/' }, 400, 'redirects.same'],
      [{ from: `/en/articles/${live.slug}`, to: '/en' }, 409, 'redirects.liveArticle'],
      [{ from: taken, to: '/az' }, 409, 'redirects.duplicate'],
      [{ from: `/${unique('a')}`, to: `/en/articles/${draft.slug}` }, 409, 'redirects.toNotLive'],
      [
        { from: `/${unique('a')}`, to: `/en/articles/${unique('nowhere')}` },
        409,
        'redirects.toNotLive',
      ],
    ]
    for (const [body, status, code] of cases) {
      const answer = await asEditor(body)
      expect(answer.status, code).toBe(status)
      expect(codeOf(answer), JSON.stringify(body)).toBe(code)
    }
    const inAz = await asEditor({ from: '/en/same', to: '/en/same' }, 'az')
    expect(messageOf(inAz)).toBe('Köhnə və yeni ünvan eynidir (/en/same).')
    const inRu = await asEditor({ from: taken, to: '/az' }, 'ru')
    expect(messageOf(inRu)).toBe(`Переадресация с адреса ${taken} уже есть. Отредактируйте её.`)
    expect(await table()).toEqual(before)
  })

  it('refuses a loop made by hand', async () => {
    const [a, b, c] = [unique('/loop-a'), unique('/loop-b'), unique('/loop-c')]
    expect((await asEditor({ from: a, to: b })).status).toBe(201)
    expect((await asEditor({ from: b, to: c })).status).toBe(201)
    const loop = await asEditor({ from: c, to: a })
    expect(loop.status).toBe(409)
    expect(codeOf(loop)).toBe('redirects.loop')
    expect(await rowFrom(c)).toBeUndefined()
  })
})

describe('a redirect to a page chosen by reference', () => {
  it("takes the page's address, and follows it when the address changes", async () => {
    const [s1, s2] = [unique('referenced'), unique('referenced-moved')]
    const article = await publishedArticle(s1, 'ru')
    const from = `/${unique('old-ru')}`
    const made = await asEditor({ from, toDocument: { relationTo: 'articles', value: article.id } })
    expect(made.status).toBe(201)
    expect((await rowFrom(from))?.to).toBe(`/ru/articles/${s1}`)
    await setSlug(article.id, s2)
    expect((await rowFrom(from))?.to).toBe(`/ru/articles/${s2}`)
  })

  it('takes a section or a tag in the language of the old address', async () => {
    const slug = unique('referenced-section')
    const section = await ctx.payload.create({
      collection: 'categories',
      data: { name: slug, slug },
    })
    const tag = await ctx.payload.create({ collection: 'tags', data: { name: slug, slug } })
    const toSection = `/az/${unique('old-section')}`
    const toTag = `/${unique('old-tag')}`
    expect(
      (
        await asEditor({
          from: toSection,
          toDocument: { relationTo: 'categories', value: section.id },
        })
      ).status,
    ).toBe(201)
    expect(
      (await asEditor({ from: toTag, toDocument: { relationTo: 'tags', value: tag.id } })).status,
    ).toBe(201)
    expect((await rowFrom(toSection))?.to).toBe(`/az/section/${slug}`)
    expect((await rowFrom(toTag))?.to).toBe(`/en/tags/${slug}`)
  })

  it('refuses an article that is not published', async () => {
    const draft = await createArticle(ctx.payload, { slug: unique('referenced-draft') })
    const answer = await asEditor({
      from: `/${unique('old')}`,
      toDocument: { relationTo: 'articles', value: draft.id },
    })
    expect(answer.status).toBe(409)
    expect(codeOf(answer)).toBe('redirects.toNotLive')
  })
})

describe('chains collapse', () => {
  it('A → B then B → C makes A → C; a new D → A goes straight to C', async () => {
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((x) => unique(`/chain-${x}`)) as [
      string,
      string,
      string,
      string,
    ]
    expect((await asEditor({ from: a, to: b })).status).toBe(201)
    expect((await asEditor({ from: b, to: c })).status).toBe(201)
    expect((await rowFrom(a))?.to).toBe(c)
    expect((await rowFrom(b))?.to).toBe(c)
    expect((await asEditor({ from: d, to: a })).status).toBe(201)
    expect((await rowFrom(d))?.to).toBe(c)
  })
})

describe('automatic redirects', () => {
  it('moves a published article: old address → new, in its language, collapsed', async () => {
    const [s1, s2, s3] = [unique('first'), unique('second'), unique('third')]
    const article = await publishedArticle(s1, 'az')
    await setSlug(article.id, s2)
    const row = await rowFrom(`/az/articles/${s1}`)
    expect(row?.to).toBe(`/az/articles/${s2}`)
    expect(row?.origin).toBe('automatic')
    expect(await rowFrom(`/en/articles/${s1}`)).toBeUndefined()
    await setSlug(article.id, s3)
    expect((await rowFrom(`/az/articles/${s1}`))?.to).toBe(`/az/articles/${s3}`)
    expect((await rowFrom(`/az/articles/${s2}`))?.to).toBe(`/az/articles/${s3}`)
  })

  it('resolves the loop of a slug given back: the live address is never redirected', async () => {
    const [s1, s2] = [unique('back'), unique('forth')]
    const article = await publishedArticle(s1)
    await setSlug(article.id, s2)
    expect((await rowFrom(`/en/articles/${s1}`))?.to).toBe(`/en/articles/${s2}`)
    await setSlug(article.id, s1)
    expect(await rowFrom(`/en/articles/${s1}`)).toBeUndefined()
    expect((await rowFrom(`/en/articles/${s2}`))?.to).toBe(`/en/articles/${s1}`)
  })

  it('a new article published at an old address removes the redirect that hid it', async () => {
    const [s1, s2] = [unique('reused'), unique('moved')]
    const first = await publishedArticle(s1)
    await setSlug(first.id, s2)
    expect(await rowFrom(`/en/articles/${s1}`)).toBeDefined()
    await publishedArticle(s1)
    expect(await rowFrom(`/en/articles/${s1}`)).toBeUndefined()
  })

  it('a draft save over a published text changes nothing until it is published', async () => {
    const [s1, s2] = [unique('live-text'), unique('pending')]
    const article = await publishedArticle(s1)
    await setSlug(article.id, s2, true)
    expect(await rowFrom(`/en/articles/${s1}`)).toBeUndefined()
    await ctx.payload.update({
      collection: 'articles',
      id: article.id,
      data: { _status: 'published' },
    })
    expect((await rowFrom(`/en/articles/${s1}`))?.to).toBe(`/en/articles/${s2}`)
  })

  it('makes no redirect for a never-published article nor on unpublishing', async () => {
    const [s1, s2, s3] = [unique('draft'), unique('draft2'), unique('gone')]
    const draft = await createArticle(ctx.payload, { slug: s1 })
    await setSlug(draft.id, s2)
    expect(await rowFrom(`/en/articles/${s1}`)).toBeUndefined()
    const live = await publishedArticle(s3)
    await ctx.payload.update({
      collection: 'articles',
      id: live.id,
      data: { _status: 'draft', stage: 'draft' },
    })
    expect(Object.keys(await table()).filter((from) => from.includes(s3))).toEqual([])
  })

  it("moves a section's pages, its subsections' pages and its feed in every language", async () => {
    const [top, child, renamed] = [unique('world'), unique('europe'), unique('globe')]
    const parent = await ctx.payload.create({
      collection: 'categories',
      data: { name: top, slug: top },
    })
    await ctx.payload.create({
      collection: 'categories',
      data: { name: child, slug: child, parent: parent.id },
    })
    await ctx.payload.update({ collection: 'categories', id: parent.id, data: { slug: renamed } })
    const rows = await table()
    for (const lang of ['en', 'az', 'ru']) {
      expect(rows[`/${lang}/section/${top}`]).toBe(`/${lang}/section/${renamed}`)
      expect(rows[`/${lang}/section/${top}/${child}`]).toBe(`/${lang}/section/${renamed}/${child}`)
      expect(rows[`/${lang}/feed/section/${top}`]).toBe(`/${lang}/feed/section/${renamed}`)
    }
    expect(rows[`/en/feed/section/${child}`]).toBeUndefined()
  })

  it("moves a tag's page in every language", async () => {
    const [before, after] = [unique('tag'), unique('tagged')]
    const tag = await ctx.payload.create({
      collection: 'tags',
      data: { name: before, slug: before },
    })
    await ctx.payload.update({ collection: 'tags', id: tag.id, data: { slug: after } })
    const rows = await table()
    for (const lang of ['en', 'az', 'ru']) {
      expect(rows[`/${lang}/tags/${before}`]).toBe(`/${lang}/tags/${after}`)
    }
  })
})

/** What `notFoundOrMoved` threw: Next's redirect (its status and target) or its 404. */
const outcomeOf = async (path: string) => {
  const { notFoundOrMoved } = await import('@/data/redirects')
  try {
    await notFoundOrMoved(path)
  } catch (error) {
    // Next's digests: `NEXT_REDIRECT;replace;{url};{status};` and `NEXT_HTTP_ERROR_FALLBACK;404`.
    const digest = String((error as { digest?: string }).digest)
    const redirect = /^NEXT_REDIRECT;\w+;(.*);(\d{3});$/.exec(digest)
    if (redirect) return { status: Number(redirect[2]), location: redirect[1] }
    if (digest === 'NEXT_HTTP_ERROR_FALLBACK;404') return { status: 404 }
    throw error
  }
  throw new Error(`notFoundOrMoved(${path}) returned`)
}

describe("a language page's not-found path", () => {
  it('answers 308 to the target of a source, else 404; a removed redirect is a 404 again', async () => {
    const slug = unique('gone')
    const from = `/ru/articles/${slug}`
    expect(await outcomeOf(from)).toEqual({ status: 404 })
    const row = await ctx.payload.create({
      collection: 'redirects',
      data: { from, to: '/ru/pages/about', origin: 'manual' },
    })
    expect(await outcomeOf(from)).toEqual({ status: 308, location: '/ru/pages/about' })
    // A trailing slash is the same address; another address is not.
    expect(await outcomeOf(`${from}/`)).toEqual({ status: 308, location: '/ru/pages/about' })
    expect(await outcomeOf(`${from}-other`)).toEqual({ status: 404 })
    await ctx.payload.delete({ collection: 'redirects', id: row.id })
    expect(await outcomeOf(from)).toEqual({ status: 404 })
  })

  it('follows the automatic redirects of a renamed article and a renamed tag', async () => {
    const article = await publishedArticle(unique('page-old'), 'az')
    const renamed = unique('page-new')
    await setSlug(article.id, renamed)
    expect(await outcomeOf(`/az/articles/${article.slug}`)).toEqual({
      status: 308,
      location: `/az/articles/${renamed}`,
    })
    const tagOld = unique('topic-old')
    const tag = await ctx.payload.create({
      collection: 'tags',
      data: { name: tagOld, slug: tagOld },
    })
    const tagNew = unique('topic-new')
    await ctx.payload.update({ collection: 'tags', id: tag.id, data: { slug: tagNew } })
    expect(await outcomeOf(`/en/tags/${tag.slug}`)).toEqual({
      status: 308,
      location: `/en/tags/${tagNew}`,
    })
  })

  it('reads a redirect through the read layer (the table is closed to anonymous readers)', async () => {
    const { getRedirect } = await import('@/data/redirects')
    const from = `/en/section/${unique('old-desk')}`
    expect(await getRedirect({ path: from })).toBeNull()
    await ctx.payload.create({
      collection: 'redirects',
      data: { from, to: '/en', origin: 'manual' },
    })
    expect(await getRedirect({ path: from })).toBe('/en')
  })
})

describe('the proxy snapshot (addresses outside the language prefixes)', () => {
  it('sees a new redirect at its next version check, and a removed one gone', async () => {
    const previous = process.env.REDIRECTS_REFRESH_MS
    process.env.REDIRECTS_REFRESH_MS = '0'
    const pool = new pg.Pool({ connectionString: ctx.databaseUrl, max: 1 })
    const snapshot = createRedirectSnapshot(pool)
    try {
      const from = `/${unique('snap')}`
      expect((await snapshot.current()).get(from)).toBeUndefined()
      const row = await ctx.payload.create({
        collection: 'redirects',
        data: { from, to: '/ru', origin: 'manual' },
      })
      expect((await snapshot.current()).get(from)).toBe('/ru')
      await ctx.payload.delete({ collection: 'redirects', id: row.id })
      expect((await snapshot.current()).get(from)).toBeUndefined()
    } finally {
      await snapshot.close()
      process.env.REDIRECTS_REFRESH_MS = previous
    }
  })

  it('answers a new redirect on every instance within about a second', async () => {
    // Two instances: two processes' snapshots, each with its own pool, no shared memory.
    const instances = [0, 1].map(() =>
      createRedirectSnapshot(new pg.Pool({ connectionString: ctx.databaseUrl, max: 1 })),
    )
    try {
      await Promise.all(instances.map((snapshot) => snapshot.current()))
      const from = `/${unique('everywhere')}`
      await ctx.payload.create({
        collection: 'redirects',
        data: { from, to: '/az', origin: 'manual' },
      })
      const made = Date.now()
      const seenAfter = await Promise.all(
        instances.map(async (snapshot) => {
          while (!(await snapshot.current()).has(from) && Date.now() - made < 5000) {
            await new Promise((resolve) => setTimeout(resolve, 25))
          }
          return Date.now() - made
        }),
      )
      for (const ms of seenAfter) expect(ms).toBeLessThan(1500)
    } finally {
      await Promise.all(instances.map((snapshot) => snapshot.close()))
    }
  })

  it('asks the database at most once per interval', async () => {
    let queries = 0
    const pool = new pg.Pool({ connectionString: ctx.databaseUrl, max: 1 })
    const counting = {
      query: ((text: string) => {
        queries++
        return pool.query(text)
      }) as unknown as pg.Pool['query'],
      end: () => pool.end(),
    }
    const previous = process.env.REDIRECTS_REFRESH_MS
    process.env.REDIRECTS_REFRESH_MS = '60000'
    const snapshot = createRedirectSnapshot(counting)
    try {
      await Promise.all(Array.from({ length: 20 }, () => snapshot.current()))
      const afterFirst = queries
      expect(afterFirst).toBeLessThanOrEqual(2)
      for (let i = 0; i < 50; i++) await snapshot.current()
      expect(queries).toBe(afterFirst)
    } finally {
      await snapshot.close()
      process.env.REDIRECTS_REFRESH_MS = previous
    }
  })
})
