import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { SearchParams } from '@/data/search'

import { query } from '../helpers/database'
import { body, createArticle, words } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'

// src/data imports the Payload config, which reads DATABASE_URL when loaded: import it after
// createTestPayload() has pointed DATABASE_URL at this file's database.
const data = () => import('@/data/search')
const db = () => import('@/db/search')

describe('article search', () => {
  let ctx: TestPayload
  const search = async (params: SearchParams) => (await data()).getSearchResults(params)
  const idsFor = async (params: SearchParams) => (await search(params)).hits.map((hit) => hit.id)

  beforeAll(async () => {
    ctx = await createTestPayload()
  })
  afterAll(() => ctx?.teardown())

  it('ranks an article with the word in its title above one with it only in the body', async () => {
    const bodyOnly = await createArticle(ctx.payload, {
      status: 'published',
      title: 'Harvest notes from the south',
      body: body('Farmers near Lankaran dried saffron on rooftops.', 'The saffron crop doubled.'),
      publishedAt: '2026-11-20T10:00:00Z',
    })
    const inTitle = await createArticle(ctx.payload, {
      status: 'published',
      title: 'Saffron growers form a cooperative',
      body: body('Growers signed the charter on Friday.'),
      publishedAt: '2026-11-01T10:00:00Z',
    })
    expect(await idsFor({ language: 'en', q: 'saffron' })).toEqual([inTitle.id, bodyOnly.id])
  })

  it('keeps a title match above a newer article that repeats the word in its body', async () => {
    const inTitle = await createArticle(ctx.payload, {
      status: 'published',
      title: 'Pomegranate festival opens in Goychay',
      body: body('Visitors came from every district.'),
      publishedAt: '2026-10-01T10:00:00Z',
    })
    const repeated = await createArticle(ctx.payload, {
      status: 'published',
      title: 'Autumn markets',
      body: body(
        'Pomegranate juice, pomegranate sauce, pomegranate jam.',
        'Sellers said pomegranate prices held, and pomegranate exports grew.',
      ),
      publishedAt: '2026-11-10T10:00:00Z',
    })
    expect(await idsFor({ language: 'en', q: 'pomegranate' })).toEqual([inTitle.id, repeated.id])
  })

  it('ranks a dek match between a title match and a body match, whatever their dates', async () => {
    const inBody = await createArticle(ctx.payload, {
      status: 'published',
      title: 'Ferry timetable',
      body: body('The quarantine on the ferry ended.'),
      publishedAt: '2026-11-03T10:00:00Z',
    })
    const inDek = await createArticle(ctx.payload, {
      status: 'published',
      title: 'Port news',
      dek: 'A quarantine rule for cargo crews.',
      publishedAt: '2026-11-02T10:00:00Z',
    })
    const inTitle = await createArticle(ctx.payload, {
      status: 'published',
      title: 'Quarantine lifted at Alat',
      publishedAt: '2026-11-01T10:00:00Z',
    })
    expect(await idsFor({ language: 'en', q: 'quarantine' })).toEqual([
      inTitle.id,
      inDek.id,
      inBody.id,
    ])
  })

  it('puts the newer of two equally ranked articles first', async () => {
    const older = await createArticle(ctx.payload, {
      status: 'published',
      title: 'Caravanserai reopens',
      publishedAt: '2026-10-01T08:00:00Z',
    })
    const newer = await createArticle(ctx.payload, {
      status: 'published',
      title: 'Caravanserai reopens',
      publishedAt: '2026-11-01T08:00:00Z',
    })
    expect(await idsFor({ language: 'en', q: 'caravanserai' })).toEqual([newer.id, older.id])
  })

  it('finds English words by their stem', async () => {
    const article = await createArticle(ctx.payload, {
      status: 'published',
      title: 'Pipelines expanding eastward',
    })
    expect(await idsFor({ language: 'en', q: 'pipeline expands' })).toEqual([article.id])
  })

  it('finds a Russian article by another form of the word and only in Russian', async () => {
    const ru = await createArticle(ctx.payload, {
      status: 'published',
      language: 'ru',
      title: 'Цены на газ выросли',
      body: body('Поставки по трубопроводу остаются стабильными.'),
    })
    expect(await idsFor({ language: 'ru', q: 'газа' })).toEqual([ru.id])
    expect(await idsFor({ language: 'ru', q: 'трубопроводы' })).toEqual([ru.id])
    expect(await idsFor({ language: 'en', q: 'газа' })).toEqual([])
    expect(await idsFor({ language: 'az', q: 'газ' })).toEqual([])
  })

  it('searches only the requested language', async () => {
    const en = await createArticle(ctx.payload, {
      status: 'published',
      title: 'Quillwort survey on the Absheron coast',
    })
    const az = await createArticle(ctx.payload, {
      status: 'published',
      language: 'az',
      title: 'Quillwort Abşeron sahilində',
    })
    expect(await idsFor({ language: 'en', q: 'quillwort' })).toEqual([en.id])
    expect(await idsFor({ language: 'az', q: 'quillwort' })).toEqual([az.id])
    expect(await idsFor({ language: 'ru', q: 'quillwort' })).toEqual([])
  })

  it('matches Azerbaijani words whatever their case, without stemming', async () => {
    const az = await createArticle(ctx.payload, {
      status: 'published',
      language: 'az',
      title: 'Şəki xanlarının sarayı bərpa olunur',
    })
    expect(await idsFor({ language: 'az', q: 'ŞƏKİ sarayı' })).toEqual([az.id])
    expect(await idsFor({ language: 'az', q: 'xanları' })).toEqual([])
  })

  it('never returns a draft that was never published', async () => {
    await createArticle(ctx.payload, { title: 'Marzipan factory plans', status: 'draft' })
    expect(await idsFor({ language: 'en', q: 'marzipan' })).toEqual([])
  })

  it("returns a published article's published text, never its newer draft", async () => {
    const article = await createArticle(ctx.payload, {
      status: 'published',
      title: 'Tramway returns to Sumgait',
    })
    await ctx.payload.update({
      collection: 'articles',
      id: article.id,
      draft: true,
      data: { title: 'Monorail replaces the Sumgait tramway', _status: 'draft' },
    })
    // The draft is saved as a version; the published row is unchanged.
    const [row] = await query<{ title: string; _status: string }>(
      ctx.databaseUrl,
      'SELECT title, _status FROM articles WHERE id = $1',
      [article.id],
    )
    expect(row).toEqual({ title: 'Tramway returns to Sumgait', _status: 'published' })
    expect(await idsFor({ language: 'en', q: 'monorail' })).toEqual([])
    const { hits } = await search({ language: 'en', q: 'tramway' })
    expect(hits.map((hit) => hit.id)).toEqual([article.id])
    expect(hits[0].titleHtml).toBe('<mark>Tramway</mark> returns to Sumgait')
  })

  it('stops returning an article once it is unpublished', async () => {
    const article = await createArticle(ctx.payload, {
      status: 'published',
      title: 'Observatory opens at Shamakhi',
    })
    expect(await idsFor({ language: 'en', q: 'observatory' })).toEqual([article.id])
    await ctx.payload.update({
      collection: 'articles',
      id: article.id,
      data: { _status: 'draft' },
    })
    expect(await idsFor({ language: 'en', q: 'observatory' })).toEqual([])
  })

  it('never returns an article in the trash', async () => {
    const article = await createArticle(ctx.payload, {
      status: 'published',
      title: 'Funicular timetable changes',
    })
    expect(await idsFor({ language: 'en', q: 'funicular' })).toEqual([article.id])
    await ctx.payload.update({
      collection: 'articles',
      id: article.id,
      data: { deletedAt: new Date().toISOString() },
    })
    expect(await idsFor({ language: 'en', q: 'funicular' })).toEqual([])
  })

  it('ranks the newest matches and lists older ones after them, newest first, counting all', async () => {
    const { searchArticles } = await db()
    const { drizzleOf } = await import('@/db/client')
    const at = (day: number) => new Date(Date.UTC(2026, 5, day)).toISOString()
    const create = (title: string, day: number) =>
      createArticle(ctx.payload, { status: 'published', title, publishedAt: at(day) })
    // Oldest first: a title match among the old ones, body-only matches among the newest.
    const oldTitle = await create('Dolma festival draws crowds', 1)
    const oldest = await createArticle(ctx.payload, {
      status: 'published',
      title: 'A cookery evening',
      body: body('A dolma stall.'),
      publishedAt: at(2),
    })
    const newerTitle = await create('Dolma recipes from Ganja', 3)
    const newBody = await createArticle(ctx.payload, {
      status: 'published',
      title: 'Market day',
      body: body('Dolma again.'),
      publishedAt: at(4),
    })
    const newestBody = await createArticle(ctx.payload, {
      status: 'published',
      title: 'Street food',
      body: body('And dolma.'),
      publishedAt: at(5),
    })
    // The SQL itself (src/db/search.ts), with a window of three instead of RANK_WINDOW.
    const pages = await Promise.all(
      [1, 2, 3].map((page) =>
        searchArticles(drizzleOf(ctx.payload), {
          language: 'en',
          q: 'dolma',
          limit: 2,
          offset: (page - 1) * 2,
          rankWindow: 3,
        }),
      ),
    )
    // The three newest ranked (the title match first), then the two older ones by date.
    expect(pages.flatMap((p) => p.hits.map((hit) => hit.id))).toEqual([
      newerTitle.id,
      newestBody.id,
      newBody.id,
      oldest.id,
      oldTitle.id,
    ])
    expect(pages.map((p) => p.total)).toEqual([5, 5, 5])
    // With every match in the window, the old title match ranks above the body matches.
    expect(await idsFor({ language: 'en', q: 'dolma', perPage: 2 })).toEqual([
      newerTitle.id,
      oldTitle.id,
    ])
  })

  it('finds text edited into a published article once it is published again', async () => {
    const article = await createArticle(ctx.payload, {
      status: 'published',
      title: 'Bridge inspection',
    })
    expect(await idsFor({ language: 'en', q: 'viaduct' })).toEqual([])
    await ctx.payload.update({
      collection: 'articles',
      id: article.id,
      data: { body: body('The viaduct over the river passed its inspection.') },
    })
    expect(await idsFor({ language: 'en', q: 'viaduct' })).toEqual([article.id])
  })

  it("does not index the Lexical JSON's keys and node types, only the text", async () => {
    await createArticle(ctx.payload, {
      status: 'published',
      title: 'Lexical structure check',
      body: body('Plain words only.', { heading: 'A heading' }, { list: ['one item'] }),
    })
    for (const word of ['paragraph', 'listitem', 'bullet', 'ltr', 'normal', 'root', 'version']) {
      expect(await idsFor({ language: 'en', q: word }), word).toEqual([])
    }
  })

  it('reads the same plain text from a Lexical body as the application does', async () => {
    const { lexicalToPlainText } = await import('@/lib/lexical')
    const state = body(
      'First paragraph.',
      { heading: 'A heading' },
      { quote: 'A quote' },
      { list: ['one', 'two'] },
    ) as unknown as { root: { children: Record<string, unknown>[] } }
    // A word split across formatted text nodes, a line break and an empty paragraph.
    state.root.children.push(
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Nakh', format: 0 },
          { type: 'text', text: 'chivan', format: 1 },
          { type: 'linebreak' },
          {
            type: 'link',
            fields: { url: 'https://example.com' },
            children: [{ type: 'text', text: 'link text' }],
          },
        ],
      },
      { type: 'paragraph', children: [] },
    )
    const [row] = await query<{ text: string }>(
      ctx.databaseUrl,
      'SELECT public.lexical_plain_text($1::jsonb) AS text',
      [JSON.stringify(state)],
    )
    expect(row.text).toBe(lexicalToPlainText(state as never))
    expect(row.text).toContain('Nakhchivan\nlink text')

    const article = await createArticle(ctx.payload, {
      status: 'published',
      title: 'Split words',
      body: state as never,
    })
    expect(await idsFor({ language: 'en', q: 'nakhchivan' })).toEqual([article.id])
  })

  it('reads the start of a body exactly as the whole plain text begins, however far it is cut', async () => {
    const state = body(
      'First paragraph.',
      { heading: 'A heading' },
      { quote: 'A quote' },
      { list: ['one', 'two'] },
      'Last paragraph, after the list.',
    )
    const [{ whole }] = await query<{ whole: string }>(
      ctx.databaseUrl,
      'SELECT public.lexical_plain_text($1::jsonb) AS whole',
      [JSON.stringify(state)],
    )
    for (const n of [0, 1, 5, 16, 17, 18, 40, whole.length, whole.length + 100]) {
      const [row] = await query<{ head: string }>(
        ctx.databaseUrl,
        'SELECT public.lexical_plain_text_head($1::jsonb, $2) AS head',
        [JSON.stringify(state), n],
      )
      expect(row.head, `first ${n}`).toBe(whole.slice(0, n))
    }
  })

  it('cuts snippets from the start of a long body and still finds words further down', async () => {
    const { SNIPPET_SOURCE_CHARS } = await db()
    const filler = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} ${words(30)}.`)
    const early = await createArticle(ctx.payload, {
      status: 'published',
      title: 'Harbour works',
      dek: 'A long report.',
      body: body('The kestrel nests on the crane.', ...filler),
      publishedAt: '2026-09-02T10:00:00Z',
    })
    const late = await createArticle(ctx.payload, {
      status: 'published',
      title: 'Harbour works again',
      dek: 'Another long report.',
      body: body(...filler, 'A kestrel was seen at the end.'),
      publishedAt: '2026-09-01T10:00:00Z',
    })
    const { hits } = await search({ language: 'en', q: 'kestrel' })
    expect(hits.map((hit) => hit.id)).toEqual([early.id, late.id])
    const [first, second] = hits
    expect(first.snippetHtml).toContain('<mark>kestrel</mark>')
    // The body past the snippet's source is searched but not read for the snippet.
    expect(second.snippetHtml).not.toContain('<mark>')
    expect(second.snippetHtml).toContain('Another long report.')
    for (const hit of hits) {
      expect(hit.snippetHtml.length).toBeLessThan(SNIPPET_SOURCE_CHARS)
    }
  })

  it('ranks on the title and dek as last saved', async () => {
    const older = await createArticle(ctx.payload, {
      status: 'published',
      title: 'Samovar makers of Lahij',
      publishedAt: '2026-08-01T10:00:00Z',
    })
    const newer = await createArticle(ctx.payload, {
      status: 'published',
      title: 'Copper street',
      body: body('A samovar in every window.'),
      publishedAt: '2026-08-05T10:00:00Z',
    })
    expect(await idsFor({ language: 'en', q: 'samovar' })).toEqual([older.id, newer.id])
    await ctx.payload.update({
      collection: 'articles',
      id: newer.id,
      data: { title: 'Samovar street' },
    })
    expect(await idsFor({ language: 'en', q: 'samovar' })).toEqual([newer.id, older.id])
    await ctx.payload.update({
      collection: 'articles',
      id: older.id,
      data: { title: 'Makers of Lahij', dek: 'Copper samovar makers.' },
    })
    const [row] = await query<{ rank_text: string }>(
      ctx.databaseUrl,
      'SELECT search_rank_vector::text AS rank_text FROM articles WHERE id = $1',
      [older.id],
    )
    // Title (A) and dek (B) only: the body's words (createArticle's default body) are not in it.
    expect(row.rank_text).toBe("'copper':4B 'lahij':3A 'maker':1A,6B 'samovar':5B")
  })

  it("answers what the Local API's anonymous read of the same articles answers", async () => {
    const word = 'Tamarisk'
    const at = (day: number) => new Date(Date.UTC(2026, 6, day)).toISOString()
    const published = await createArticle(ctx.payload, {
      status: 'published',
      title: `${word} grove restored`,
      publishedAt: at(1),
    })
    await createArticle(ctx.payload, { status: 'draft', title: `${word} draft` })
    const withDraft = await createArticle(ctx.payload, {
      status: 'published',
      title: `${word} walk`,
      publishedAt: at(2),
    })
    await ctx.payload.update({
      collection: 'articles',
      id: withDraft.id,
      draft: true,
      data: { title: 'Renamed walk', _status: 'draft' },
    })
    const unpublished = await createArticle(ctx.payload, {
      status: 'published',
      title: `${word} pulled`,
      publishedAt: at(3),
    })
    await ctx.payload.update({
      collection: 'articles',
      id: unpublished.id,
      data: { _status: 'draft' },
    })
    const trashed = await createArticle(ctx.payload, {
      status: 'published',
      title: `${word} trashed`,
      publishedAt: at(4),
    })
    await ctx.payload.update({
      collection: 'articles',
      id: trashed.id,
      data: { deletedAt: new Date().toISOString() },
    })
    await createArticle(ctx.payload, {
      status: 'published',
      language: 'az',
      title: `${word} az`,
    })
    const anonymous = await ctx.payload.find({
      collection: 'articles',
      where: { title: { contains: word }, language: { equals: 'en' } },
      overrideAccess: false,
      draft: false,
      sort: '-publishedAt',
      limit: 50,
      depth: 0,
    })
    const expected = anonymous.docs.map((doc) => doc.id)
    expect(expected).toEqual([withDraft.id, published.id])
    const results = await search({ language: 'en', q: word, perPage: 50 })
    expect(results.hits.map((hit) => hit.id)).toEqual(expected)
    expect(results.total).toBe(anonymous.totalDocs)
  })

  it('escapes HTML in titles and snippets and marks matches with <mark> only', async () => {
    await createArticle(ctx.payload, {
      status: 'published',
      title: '<script>alert("xss")</script> Zanzibar trade & "ties"',
      dek: 'Zanzibar <img src=x onerror=alert(1)> talks',
      body: body('Traders from Zanzibar <b>arrived</b> in Baku.'),
    })
    const { hits } = await search({ language: 'en', q: 'zanzibar' })
    expect(hits).toHaveLength(1)
    const [hit] = hits
    expect(hit.titleHtml).toBe(
      '&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt; <mark>Zanzibar</mark> trade &amp; &quot;ties&quot;',
    )
    expect(hit.snippetHtml).toContain('<mark>Zanzibar</mark>')
    expect(hit.snippetHtml).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(hit.snippetHtml).not.toContain('<b>')
    const tags = [...`${hit.titleHtml}${hit.snippetHtml}`.matchAll(/<\/?([a-z]+)/gi)].map(
      (match) => match[1],
    )
    expect(new Set(tags)).toEqual(new Set(['mark']))
  })

  it('cannot be tricked into highlighting by control characters in the text', async () => {
    const { markedToHtml } = await data()
    expect(markedToHtml('a \u0002b\u0003 <i>')).toBe('a <mark>b</mark> &lt;i&gt;')
  })

  it('pages through results with a total', async () => {
    const ids: number[] = []
    for (let i = 0; i < 5; i++) {
      const article = await createArticle(ctx.payload, {
        status: 'published',
        title: `Kelaghayi exhibition part ${i + 1}`,
        publishedAt: new Date(Date.UTC(2026, 9, i + 1)).toISOString(),
      })
      ids.unshift(article.id)
    }
    const first = await search({ language: 'en', q: 'kelaghayi', perPage: 2 })
    const second = await search({ language: 'en', q: 'kelaghayi', perPage: 2, page: 2 })
    const third = await search({ language: 'en', q: 'kelaghayi', perPage: 2, page: 3 })
    const beyond = await search({ language: 'en', q: 'kelaghayi', perPage: 2, page: 9 })
    expect([first.total, first.totalPages]).toEqual([5, 3])
    expect([...first.hits, ...second.hits, ...third.hits].map((hit) => hit.id)).toEqual(ids)
    expect(beyond.hits).toEqual([])
    expect(beyond.total).toBe(5)
  })

  it('understands quoted phrases and excluded words', async () => {
    const silk = await createArticle(ctx.payload, {
      status: 'published',
      title: 'Silk road festival in Sheki',
    })
    await createArticle(ctx.payload, {
      status: 'published',
      title: 'The road to silk production',
    })
    expect(await idsFor({ language: 'en', q: '"silk road"' })).toEqual([silk.id])
    expect((await idsFor({ language: 'en', q: 'silk -festival' })).includes(silk.id)).toBe(false)
  })

  it('answers an empty query or one of stop words only with no results', async () => {
    for (const q of ['', '   ', null, 'the of and']) {
      const results = await search({ language: 'en', q })
      expect(results.total).toBe(0)
      expect(results.hits).toEqual([])
    }
  })

  it('treats SQL in the query as words', async () => {
    const results = await search({ language: 'en', q: "'; DROP TABLE articles; --" })
    expect(results.hits).toEqual([])
    const [row] = await query<{ count: string }>(ctx.databaseUrl, 'SELECT count(*) FROM articles')
    expect(Number(row.count)).toBeGreaterThan(0)
  })
})
