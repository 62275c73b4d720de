import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { liveBlogJsonLd } from '@/components/live/jsonLd'
import { LIVE_LIMITS, liveUpdateHtml, type PublicLiveUpdate } from '@/lib/live'
import type { Article, LiveUpdate, User } from '@/payload-types'

import { createStaff, rest, type StaffRole, type RestAnswer } from '../helpers/commentsAdmin'
import { query } from '../helpers/database'
import { imageFile } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { articleIn, fire, latest } from '../helpers/workflow'

/**
 * Live coverage: who may start, post, correct and end it (REST and the Local API as a person;
 * GraphQL in tests/e2e/live.e2e.spec.ts, against the real route), what an update must carry and
 * its bounds, that nothing of it re-publishes or versions the article, and what a reader can
 * read (published articles only, through the read layer; the collections are closed to
 * anonymous callers everywhere).
 */
let ctx: TestPayload
let editor: User, author: User, translator: User
let tokens: Record<StaffRole, string>
// The read layer loads the Payload config, so it is imported once the test database is set.
let getLiveCoverage: typeof import('@/data/live').getLiveCoverage

const codeOf = (answer: RestAnswer) => answer.json.errors?.[0]?.data?.code
const messageOf = (answer: RestAnswer) => answer.json.errors?.[0]?.message ?? ''

const published = (title = 'Floods in the south: live') =>
  articleIn(ctx.payload, 'published', { title })

const startAs = (token: string | undefined, article: Article) =>
  rest('POST', '/api/live-coverages', { token, body: { article: article.id } })

const postAs = (token: string | undefined, body: Record<string, unknown>) =>
  rest('POST', '/api/live-updates', { token, body })

const coverageOf = async (article: Article) =>
  (
    await ctx.payload.find({
      collection: 'live-coverages',
      where: { article: { equals: article.id } },
      depth: 0,
    })
  ).docs[0]

/** A live article with one update, written as the editor over REST. */
const liveArticle = async (title?: string) => {
  const article = await published(title)
  expect((await startAs(tokens.editor, article)).status).toBe(201)
  const first = await postAs(tokens.editor, {
    article: article.id,
    kind: 'text',
    text: 'Rescue teams reach the first villages.',
  })
  expect(first.status).toBe(201)
  return { article, first: (first.json as { doc: LiveUpdate }).doc }
}

const versionsOf = async (article: Article) =>
  (
    await ctx.payload.findVersions({
      collection: 'articles',
      where: { parent: { equals: article.id } },
      limit: 100,
      depth: 0,
    })
  ).totalDocs

beforeAll(async () => {
  ctx = await createTestPayload()
  ;({ getLiveCoverage } = await import('@/data/live'))
  ;({ editor, author, translator, tokens } = await createStaff(ctx.payload))
}, 120_000)

afterAll(async () => {
  await ctx?.teardown()
})

describe('who runs live coverage', () => {
  it('lets an editor start coverage, post, correct and delete updates, and end it over REST', async () => {
    const article = await published()
    const started = await startAs(tokens.editor, article)
    expect(started.status).toBe(201)
    const coverage = (started.json as { doc: { id: number; status: string; startedAt: string } })
      .doc
    expect(coverage.status).toBe('live')
    expect(Date.parse(coverage.startedAt)).toBeGreaterThan(Date.now() - 60_000)

    const posted = await postAs(tokens.editor, {
      article: article.id,
      kind: 'quote',
      text: 'We will rebuild every bridge.',
      attribution: 'The regional governor',
    })
    expect(posted.status).toBe(201)
    const update = (posted.json as { doc: LiveUpdate }).doc
    expect(update.author).toMatchObject({ id: editor.id })
    expect(Date.parse(update.postedAt)).toBeGreaterThan(Date.now() - 60_000)

    const corrected = await rest('PATCH', `/api/live-updates/${update.id}`, {
      token: tokens.editor,
      body: { text: 'We will rebuild every bridge by spring.' },
    })
    expect(corrected.status).toBe(200)
    expect((corrected.json as { doc: LiveUpdate }).doc.text).toBe(
      'We will rebuild every bridge by spring.',
    )

    const ended = await rest('PATCH', `/api/live-coverages/${coverage.id}`, {
      token: tokens.editor,
      body: { status: 'ended' },
    })
    expect(ended.status).toBe(200)
    expect((ended.json as { doc: { endedAt: string } }).doc.endedAt).toBeTruthy()

    // A correction after the end is still possible; a new update is not.
    const late = await postAs(tokens.editor, { article: article.id, kind: 'text', text: 'Late' })
    expect(late.status).toBe(409)
    expect(codeOf(late)).toBe('live.ended')
    const removed = await rest('DELETE', `/api/live-updates/${update.id}`, {
      token: tokens.editor,
    })
    expect(removed.status).toBe(200)

    const resumed = await rest('PATCH', `/api/live-coverages/${coverage.id}`, {
      token: tokens.editor,
      body: { status: 'live' },
    })
    expect(resumed.status).toBe(200)
    expect((resumed.json as { doc: { endedAt: string | null } }).doc.endedAt).toBeNull()
  })

  it('lets an admin do the same', async () => {
    const article = await published()
    expect((await startAs(tokens.admin, article)).status).toBe(201)
    const posted = await postAs(tokens.admin, { article: article.id, kind: 'text', text: 'Hi' })
    expect(posted.status).toBe(201)
  })

  it('refuses authors, translators and anonymous callers over REST, reads included', async () => {
    const { article, first } = await liveArticle()
    const coverage = await coverageOf(article)
    for (const token of [tokens.author, tokens.translator, undefined]) {
      const fresh = await published()
      expect((await startAs(token, fresh)).status).toBe(403)
      const posted = await postAs(token, { article: article.id, kind: 'text', text: 'Not mine' })
      expect(posted.status).toBe(403)
      const edited = await rest('PATCH', `/api/live-updates/${first.id}`, {
        token,
        body: { text: 'Changed' },
      })
      expect(edited.status).toBe(403)
      const ended = await rest('PATCH', `/api/live-coverages/${coverage!.id}`, {
        token,
        body: { status: 'ended' },
      })
      expect(ended.status).toBe(403)
      expect((await rest('DELETE', `/api/live-updates/${first.id}`, { token })).status).toBe(403)
      expect((await rest('GET', `/api/live-updates/${first.id}`, { token })).status).toBe(403)
      expect((await rest('GET', '/api/live-updates', { token })).status).toBe(403)
      expect((await rest('GET', '/api/live-coverages', { token })).status).toBe(403)
    }
    const after = await ctx.payload.findByID({ collection: 'live-updates', id: first.id })
    expect(after.text).toBe(first.text)
    expect((await coverageOf(article))!.status).toBe('live')
  })

  it('refuses them through the Local API acting as that person, and allows editors', async () => {
    const { article, first } = await liveArticle()
    for (const user of [author, translator]) {
      await expect(
        ctx.payload.create({
          collection: 'live-updates',
          data: { article: article.id, kind: 'text', text: 'Mine', postedAt: '' },
          user,
          overrideAccess: false,
        }),
      ).rejects.toThrow(/not allowed/i)
      await expect(
        ctx.payload.find({ collection: 'live-updates', user, overrideAccess: false }),
      ).rejects.toThrow(/not allowed/i)
      await expect(
        ctx.payload.delete({
          collection: 'live-updates',
          id: first.id,
          user,
          overrideAccess: false,
        }),
      ).rejects.toThrow(/not allowed/i)
    }
    const made = await ctx.payload.create({
      collection: 'live-updates',
      data: { article: article.id, kind: 'text', text: 'From the desk', postedAt: '' },
      user: editor,
      overrideAccess: false,
    })
    expect(made.author).toMatchObject({ id: editor.id })
  })
})

describe('what an update must be', () => {
  it('refuses an update without coverage, a second coverage, and a move to another article', async () => {
    const article = await published()
    const orphan = await postAs(tokens.editor, { article: article.id, kind: 'text', text: 'x' })
    expect(orphan.status).toBe(409)
    expect(codeOf(orphan)).toBe('live.notLive')
    expect((await startAs(tokens.editor, article)).status).toBe(201)
    const twice = await startAs(tokens.editor, article)
    expect(twice.status).toBe(409)
    expect(codeOf(twice)).toBe('live.alreadyLive')
    const unknown = await rest('POST', '/api/live-coverages', {
      token: tokens.editor,
      body: { article: 999_999 },
    })
    expect(unknown.status).toBe(404)

    const { first } = await liveArticle()
    const moved = await rest('PATCH', `/api/live-updates/${first.id}`, {
      token: tokens.editor,
      body: { article: article.id },
    })
    expect(moved.status).toBe(400)
    expect(codeOf(moved)).toBe('live.otherArticle')
  })

  it('requires what each kind needs, in the requester’s language', async () => {
    const { article } = await liveArticle()
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'text' }, 'text'],
      [{ kind: 'quote', text: 'Words' }, 'attribution'],
      [{ kind: 'image', text: 'Caption only' }, 'image'],
      [{ kind: 'link', linkTitle: 'No address' }, 'url'],
    ]
    for (const [body, field] of cases) {
      const answer = await postAs(tokens.editor, { article: article.id, ...body })
      expect(answer.status, JSON.stringify(body)).toBe(400)
      expect(codeOf(answer)).toBe('live.missing')
      expect(messageOf(answer)).toContain(field)
    }
    const ru = await rest('POST', '/api/live-updates', {
      token: tokens.editor,
      language: 'ru',
      body: { article: article.id, kind: 'text' },
    })
    expect(messageOf(ru)).toMatch(/Для записи типа/)
  })

  it('bounds the text and accepts only safe links', async () => {
    const { article } = await liveArticle()
    const long = await postAs(tokens.editor, {
      article: article.id,
      kind: 'text',
      text: 'a'.repeat(LIVE_LIMITS.text + 1),
    })
    expect(long.status).toBe(400)
    const atLimit = await postAs(tokens.editor, {
      article: article.id,
      kind: 'text',
      text: 'a'.repeat(LIVE_LIMITS.text),
    })
    expect(atLimit.status).toBe(201)
    for (const url of ['javascript:alert(1)', 'data:text/html,hi', '//evil.example/x', 'ftp://x']) {
      const answer = await postAs(tokens.editor, { article: article.id, kind: 'link', url })
      expect(answer.status, url).toBe(400)
    }
    const good = await postAs(tokens.editor, {
      article: article.id,
      kind: 'link',
      url: 'https://weather.example/floods',
      linkTitle: 'Flood map',
    })
    expect(good.status).toBe(201)
  })

  it('refuses an update beyond the most one coverage holds', async () => {
    const { article } = await liveArticle()
    // Fill the coverage up to its bound directly (one already posted).
    await query(
      ctx.databaseUrl,
      `INSERT INTO live_updates (article_id, kind, posted_at, text)
       SELECT $1, 'text', now() - (n || ' seconds')::interval, 'filler ' || n
       FROM generate_series(2, $2) AS n`,
      [article.id, LIVE_LIMITS.perCoverage],
    )
    const over = await postAs(tokens.editor, {
      article: article.id,
      kind: 'text',
      text: 'one more',
    })
    expect(over.status).toBe(409)
    expect(codeOf(over)).toBe('live.tooMany')
  })
})

describe('the article itself', () => {
  it('is neither re-published nor versioned by starting, posting, correcting and ending', async () => {
    const article = await published()
    const before = await latest(ctx.payload, article.id)
    const versions = await versionsOf(article)
    expect((await startAs(tokens.editor, article)).status).toBe(201)
    const posted = await postAs(tokens.editor, { article: article.id, kind: 'text', text: 'One' })
    const id = (posted.json as { doc: LiveUpdate }).doc.id
    await rest('PATCH', `/api/live-updates/${id}`, { token: tokens.editor, body: { text: 'Two' } })
    const coverage = await coverageOf(article)
    await rest('PATCH', `/api/live-coverages/${coverage!.id}`, {
      token: tokens.editor,
      body: { status: 'ended' },
    })
    expect(await versionsOf(article)).toBe(versions)
    const after = await latest(ctx.payload, article.id)
    expect(after.updatedAt).toBe(before.updatedAt)
    expect(after.publishedAt).toBe(before.publishedAt)
  })
})

describe('what readers can read', () => {
  it('shows a published article’s updates newest first, bounded, without who posted them', async () => {
    const { article, first } = await liveArticle()
    for (const text of ['Second', 'Third']) {
      await new Promise((resolve) => setTimeout(resolve, 5))
      await postAs(tokens.editor, { article: article.id, kind: 'text', text })
    }
    const coverage = await getLiveCoverage({ articleId: article.id, language: 'en', limit: 2 })
    expect(coverage?.status).toBe('live')
    expect(coverage?.updates.map((u) => u.text)).toEqual(['Third', 'Second'])
    const all = await getLiveCoverage({ articleId: article.id, language: 'en', limit: 50 })
    expect(all?.updates.at(-1)?.id).toBe(first.id)
    expect(JSON.stringify(all)).not.toMatch(/author|@test\.example/)
  })

  it('shows nothing of a draft’s coverage, nor of an article once unpublished', async () => {
    const draft = await articleIn(ctx.payload, 'draft', { title: 'Not yet public' })
    expect((await startAs(tokens.editor, draft)).status).toBe(201)
    const posted = await postAs(tokens.editor, {
      article: draft.id,
      kind: 'text',
      text: 'Secret draft update',
    })
    expect(posted.status).toBe(201)
    expect(await getLiveCoverage({ articleId: draft.id, language: 'en', limit: 50 })).toBeNull()

    const { article } = await liveArticle('Unpublished later')
    expect(
      await getLiveCoverage({ articleId: article.id, language: 'en', limit: 50 }),
    ).not.toBeNull()
    await fire(ctx.payload, editor, article.id, 'unpublish', { note: 'Pulled for checks' })
    expect(await getLiveCoverage({ articleId: article.id, language: 'en', limit: 50 })).toBeNull()

    // Nor through the APIs: the article's REST answer never carries the updates.
    const answer = await rest('GET', `/api/articles/${draft.id}?depth=2`)
    expect(JSON.stringify(answer.json)).not.toContain('Secret draft update')
  })

  it('gives an image update its rendition, alt text and caption, and quotes and links their parts', async () => {
    const { article } = await liveArticle('Rescue in pictures')
    const media = await ctx.payload.create({
      collection: 'media',
      data: { alt: 'Boats on a flooded street', credit: 'Desk' },
      file: await imageFile({ width: 1600, height: 900 }),
    })
    const image = await postAs(tokens.editor, {
      article: article.id,
      kind: 'image',
      image: media.id,
      text: 'Boats replace buses in the lower town.',
    })
    expect(image.status).toBe(201)
    await postAs(tokens.editor, {
      article: article.id,
      kind: 'link',
      url: 'https://weather.example/map',
      linkTitle: 'Flood map',
    })
    const coverage = await getLiveCoverage({ articleId: article.id, language: 'en', limit: 10 })
    const [link, shown] = coverage!.updates
    expect(link).toMatchObject({ kind: 'link', url: 'https://weather.example/map', image: null })
    expect(shown).toMatchObject({
      kind: 'image',
      text: 'Boats replace buses in the lower town.',
      image: { alt: 'Boats on a flooded street' },
    })
    expect(shown!.image!.url).toMatch(/^\/api\/media\/file\//)
    const html = liveUpdateHtml(shown!, 'en', { key: 'Key update' })
    expect(html).toContain(`<img src="${shown!.image!.url}"`)
    expect(html).toContain('alt="Boats on a flooded street"')
    expect(html).toContain('<figcaption>Boats replace buses in the lower town.</figcaption>')
  })

  it('is nothing for an article without coverage', async () => {
    const article = await published()
    expect(await getLiveCoverage({ articleId: article.id, language: 'en', limit: 50 })).toBeNull()
  })
})

describe('what the page renders', () => {
  const update = (over: Partial<PublicLiveUpdate> = {}): PublicLiveUpdate => ({
    id: 7,
    kind: 'text',
    postedAt: '2026-11-26T09:05:00.000Z',
    updatedAt: '2026-11-26T09:06:00.000Z',
    pinned: false,
    headline: null,
    text: null,
    image: null,
    attribution: null,
    url: null,
    linkTitle: null,
    ...over,
  })

  it('escapes every text and links only safe addresses', () => {
    const html = liveUpdateHtml(
      update({
        kind: 'link',
        text: '<script>x</script>',
        url: 'javascript:alert(1)',
        linkTitle: '<b>',
      }),
      'en',
      { key: 'Key update' },
    )
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('javascript:')
    expect(html).not.toContain('<a ')
    expect(html).toContain('&#60;b&#62;')
    const safe = liveUpdateHtml(
      update({ kind: 'link', url: 'https://a.example/?q="x"', linkTitle: 'Map', pinned: true }),
      'en',
      { key: 'Key update' },
    )
    expect(safe).toContain('<a href="https://a.example/?q=&#34;x&#34;"')
    expect(safe).toContain('Key update')
  })

  it('gives the time in the page’s language', () => {
    expect(liveUpdateHtml(update({ text: 'x' }), 'ru', { key: '' })).toMatch(/09:05/)
    expect(liveUpdateHtml(update({ text: 'x' }), 'ru', { key: '' })).toMatch(/нояб/)
    expect(liveUpdateHtml(update({ text: 'x' }), 'en', { key: '' })).toMatch(/Nov/)
  })

  it('describes the coverage as a LiveBlogPosting with BlogPosting updates', () => {
    const url = 'https://news.example/en/articles/floods'
    const data = liveBlogJsonLd(
      {
        status: 'ended',
        startedAt: '2026-11-26T08:00:00.000Z',
        endedAt: '2026-11-26T12:00:00.000Z',
        updates: [
          update({ id: 2, headline: 'Bridge reopens', text: 'Traffic flows again.' }),
          update({ id: 1, kind: 'quote', text: 'We are safe.', attribution: 'A resident' }),
        ],
      },
      { url, lang: 'en', title: 'Floods in the south' },
    )
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'LiveBlogPosting',
      url,
      headline: 'Floods in the south',
      coverageStartTime: '2026-11-26T08:00:00.000Z',
      coverageEndTime: '2026-11-26T12:00:00.000Z',
    })
    const items = data.liveBlogUpdate as Record<string, unknown>[]
    expect(items).toHaveLength(2)
    for (const item of items) {
      expect(item['@type']).toBe('BlogPosting')
      expect(typeof item.headline).toBe('string')
      expect((item.headline as string).length).toBeLessThanOrEqual(110)
      expect(typeof item.articleBody).toBe('string')
      expect(Number.isNaN(Date.parse(item.datePublished as string))).toBe(false)
    }
    expect(items[0]).toMatchObject({
      headline: 'Bridge reopens',
      articleBody: 'Traffic flows again.',
    })
    expect(items[1]).toMatchObject({ articleBody: 'We are safe. — A resident' })
    const live = liveBlogJsonLd(
      { status: 'live', startedAt: '2026-11-26T08:00:00.000Z', endedAt: null, updates: [] },
      { url, lang: 'en', title: 'x' },
    )
    expect(live).not.toHaveProperty('coverageEndTime')
  })
})
