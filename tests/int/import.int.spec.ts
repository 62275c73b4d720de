import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { importArticles } from '@/import/importer'
import type { ImportRecord } from '@/import/records'
import { bodyToHtml } from '@/lib/bodyHtml'
import { blocksToLexical } from '@/lib/lexical'
import type { Article, User } from '@/payload-types'

import { query } from '../helpers/database'
import { createUser } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'

let ctx: TestPayload
let editor: User
let sectionId: number
let authorIds: number[]

const ndjson = (records: unknown[]) => records.map((r) => JSON.stringify(r))

const story = (overrides: Partial<ImportRecord> = {}): ImportRecord => ({
  title: 'Caspian ferry adds a night crossing',
  language: 'en',
  dek: 'A second daily sailing between Alat and Kuryk.',
  body: [
    'The ferry operator said on Monday that it would add a night crossing.',
    { heading: 'Why now' },
    'Freight volumes grew by a fifth this year.',
    { quote: 'We could not keep up with the trucks.' },
    { list: ['Alat', 'Kuryk', 'Turkmenbashi'] },
  ],
  section: 'logistics',
  tags: ['ports', 'rail'],
  authors: ['lead-writer', 'desk'],
  publishedAt: '2026-09-02T06:40:00.000Z',
  status: 'published',
  source: {
    outlet: 'Harbour Weekly',
    url: 'https://example.com/ferry',
    originalLanguage: 'en',
    originalTitle: 'Ferry adds night crossing',
    originalDate: '2026-09-01T10:00:00.000Z',
  },
  ...overrides,
})

/** What Payload writes for the same record through the Local API, as the seed writes it. */
const createThroughLocalApi = async (record: ImportRecord, translationOf?: number) => {
  const published = record.status === 'published'
  return ctx.payload.create({
    collection: 'articles',
    draft: !published,
    context: { disableRevalidate: true, seeding: true },
    data: {
      title: record.title,
      slug: record.slug,
      dek: record.dek,
      language: record.language,
      body: blocksToLexical(record.body) as Article['body'],
      heroCaption: record.heroCaption,
      category: sectionId,
      tags: translationOf ? undefined : await tagIds(record.tags ?? []),
      authors: translationOf ? undefined : authorIds,
      source: translationOf ? undefined : record.source,
      translationOf,
      publishedAt: record.publishedAt,
      _status: published ? 'published' : 'draft',
      ...(published ? {} : { stage: record.stage ?? 'draft' }),
    } as Article,
  })
}

const tagIds = async (slugs: string[]) => {
  const rows = await query<{ id: number; slug: string }>(
    ctx.databaseUrl,
    'SELECT id, slug FROM tags WHERE slug = ANY($1)',
    [slugs],
  )
  return slugs.map((slug) => rows.find((row) => row.slug === slug)!.id)
}

const idBySlug = async (language: string, slug: string) =>
  (
    await query<{ id: number }>(
      ctx.databaseUrl,
      'SELECT id FROM articles WHERE language = $1 AND slug = $2',
      [language, slug],
    )
  )[0]?.id

const VOLATILE = new Set([
  'id',
  'parent_id',
  '_parent_id',
  'article_id',
  'created_at',
  'updated_at',
  'version_created_at',
  'version_updated_at',
  'translated_from_at',
  'version_translated_from_at',
  'slug',
  'version_slug',
  'translation_of_id',
  'version_translation_of_id',
  'search_vector',
])
const stable = (rows: Record<string, unknown>[]) =>
  rows.map((row) => Object.fromEntries(Object.entries(row).filter(([key]) => !VOLATILE.has(key))))

/** Every row Payload keeps for one article, without ids and times. */
const rowsOf = async (id: number) => {
  const q = (sql: string) => query(ctx.databaseUrl, sql, [id])
  const main = await q('SELECT *, search_vector::text AS search_text FROM articles WHERE id = $1')
  const versions = await q('SELECT * FROM _articles_v WHERE parent_id = $1 ORDER BY id')
  const versionIds = versions.map((v) => v.id)
  return {
    main: stable(main),
    rels: stable(
      await q('SELECT * FROM articles_rels WHERE parent_id = $1 ORDER BY path, "order"'),
    ),
    versions: stable(versions),
    versionRels: stable(
      await query(
        ctx.databaseUrl,
        'SELECT * FROM _articles_v_rels WHERE parent_id = ANY($1) ORDER BY path, "order"',
        [versionIds],
      ),
    ),
    corrections: await q(
      'SELECT count(*)::int AS n FROM articles_corrections WHERE _parent_id = $1',
    ),
    events: stable(await q('SELECT * FROM editorial_events WHERE article_id = $1 ORDER BY id')),
    jobs: await query(ctx.databaseUrl, 'SELECT count(*)::int AS n FROM payload_jobs'),
    times: (
      await q(
        'SELECT created_at IS NOT NULL AND updated_at IS NOT NULL AS ok FROM articles WHERE id = $1',
      )
    )[0],
  }
}

beforeAll(async () => {
  ctx = await createTestPayload()
  editor = await createUser(ctx.payload, 'editor')
  const section = await ctx.payload.create({
    collection: 'categories',
    data: { name: 'Logistics', slug: 'logistics' },
  })
  sectionId = section.id
  authorIds = []
  for (const slug of ['lead-writer', 'desk']) {
    const author = await ctx.payload.create({
      collection: 'authors',
      data: { name: slug, slug } as never,
    })
    authorIds.push(author.id)
  }
  for (const slug of ['ports', 'rail']) {
    await ctx.payload.create({ collection: 'tags', data: { name: slug, slug } })
  }
})

afterAll(async () => {
  await ctx?.teardown()
})

describe('bulk import', () => {
  it('writes exactly the rows the Local API writes for the same records', async () => {
    const original = story({ slug: 'ferry-import' })
    const draft = story({
      slug: 'ferry-draft-import',
      status: 'draft',
      stage: 'in_review',
      publishedAt: undefined,
    })
    const version = story({
      slug: 'ferry-ru-import',
      language: 'ru',
      title: 'Паром добавляет ночной рейс',
      dek: 'Второй ежедневный рейс.',
      body: ['Оператор парома объявил о ночном рейсе.'],
      section: undefined,
      tags: undefined,
      authors: undefined,
      source: undefined,
      translationOf: { language: 'en', slug: 'ferry-import' },
    })
    const summary = await importArticles(ctx.payload, ndjson([original, draft, version]))
    expect(summary.failures).toEqual([])
    expect(summary.imported).toBe(3)

    const jobsBefore = (
      await query(ctx.databaseUrl, 'SELECT count(*)::int AS n FROM payload_jobs')
    )[0]
    const refOriginal = await createThroughLocalApi({ ...original, slug: 'ferry-ref' })
    const refDraft = await createThroughLocalApi({ ...draft, slug: 'ferry-draft-ref' })
    const refVersion = await createThroughLocalApi(
      { ...version, slug: 'ferry-ru-ref' },
      refOriginal.id,
    )
    const jobsAfter = (
      await query(ctx.databaseUrl, 'SELECT count(*)::int AS n FROM payload_jobs')
    )[0]
    expect(jobsAfter).toEqual(jobsBefore)

    const pairs: [string, string, number][] = [
      ['en', 'ferry-import', refOriginal.id],
      ['en', 'ferry-draft-import', refDraft.id],
      ['ru', 'ferry-ru-import', refVersion.id],
    ]
    for (const [language, slug, refId] of pairs) {
      const importedId = await idBySlug(language, slug)
      expect(importedId).toBeDefined()
      const [imported, reference] = [await rowsOf(importedId!), await rowsOf(refId)]
      expect(imported).toEqual(reference)
      expect(imported.versions).toHaveLength(1)
      expect(imported.times).toEqual({ ok: true })
    }
    // The language version points at the imported original and carries its text snapshot.
    const ru = await ctx.payload.findByID({
      collection: 'articles',
      id: (await idBySlug('ru', 'ferry-ru-import'))!,
      depth: 0,
      draft: true,
    })
    expect(ru.translationOf).toBe(await idBySlug('en', 'ferry-import'))
    expect(ru.translatedFrom?.title).toBe(original.title)
    expect(ru.tags).toEqual(await tagIds(['ports', 'rail']))
  })

  it('reports bad records by line number, imports the rest, and skips on a re-run', async () => {
    const lines = [
      JSON.stringify(story({ slug: 'good-one' })),
      '{not json',
      JSON.stringify(story({ slug: 'bad-language', language: 'de' as never })),
      JSON.stringify(story({ slug: 'bad-section', section: 'nowhere' })),
      JSON.stringify(story({ slug: 'bad-author', authors: ['nobody'] })),
      JSON.stringify(story({ slug: 'bad-date', publishedAt: 'yesterday' })),
      '',
      JSON.stringify(story({ slug: 'good-one' })),
      JSON.stringify(story({ slug: 'good-two', tags: ['brand-new-topic'] })),
      JSON.stringify(
        story({
          slug: 'orphan',
          language: 'az',
          translationOf: { language: 'en', slug: 'missing' },
        }),
      ),
      JSON.stringify(story({ slug: 'bad-stage', status: 'published', stage: 'in_review' })),
      JSON.stringify(
        story({
          slug: 'second-ru',
          language: 'ru',
          translationOf: { language: 'en', slug: 'ferry-import' },
        }),
      ),
      JSON.stringify(story({ slug: 'no-body', body: [] })),
      JSON.stringify(
        story({ slug: 'bad-url', source: { outlet: 'X', url: ' javascript:alert(1)' } }),
      ),
    ]
    const summary = await importArticles(ctx.payload, lines, { batchSize: 3 })
    expect(summary.imported).toBe(2)
    expect(summary.createdTags).toEqual(['brand-new-topic'])
    expect(summary.failures.map((f) => f.line)).toEqual([2, 3, 4, 5, 6, 8, 10, 11, 12, 13, 14])
    const reasons = Object.fromEntries(summary.failures.map((f) => [f.line, f.reason]))
    expect(reasons[2]).toMatch(/JSON/)
    expect(reasons[3]).toMatch(/language/)
    expect(reasons[4]).toMatch(/unknown section "nowhere"/)
    expect(reasons[5]).toMatch(/unknown author "nobody"/)
    expect(reasons[6]).toMatch(/publishedAt/)
    expect(reasons[8]).toMatch(/line 1/)
    expect(reasons[10]).toMatch(/original en\/missing not found/)
    expect(reasons[12]).toMatch(/already has a version in Russian/)
    expect(reasons[14]).toMatch(/source\.url/)
    for (const slug of ['bad-section', 'bad-author', 'orphan', 'second-ru', 'no-body', 'bad-url']) {
      expect(await idBySlug(slug === 'orphan' ? 'az' : 'en', slug)).toBeUndefined()
    }
    expect(await idBySlug('ru', 'second-ru')).toBeUndefined()
    // No half-written rows: every article has exactly one version row.
    const orphans = await query(
      ctx.databaseUrl,
      `SELECT a.id FROM articles a LEFT JOIN _articles_v v ON v.parent_id = a.id
       GROUP BY a.id HAVING count(v.id) <> 1`,
    )
    expect(orphans).toEqual([])

    const again = await importArticles(ctx.payload, lines)
    expect(again.imported).toBe(0)
    expect(again.skippedLines).toEqual([1, 9])
  })

  it('a record the database refuses fails alone; the rest of its batch is written', async () => {
    await query(
      ctx.databaseUrl,
      `CREATE FUNCTION refuse_import() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF NEW.slug = 'refused-by-db' THEN RAISE EXCEPTION 'no thanks'; END IF;
         RETURN NEW;
       END $$;
       CREATE TRIGGER refuse_import BEFORE INSERT ON articles
         FOR EACH ROW EXECUTE FUNCTION refuse_import();`,
    )
    try {
      const lines = ndjson([
        story({ slug: 'batch-a' }),
        story({ slug: 'refused-by-db' }),
        story({ slug: 'batch-b', status: 'draft', publishedAt: undefined }),
        story({
          slug: 'batch-b-az',
          language: 'az',
          translationOf: { language: 'en', slug: 'batch-b' },
        }),
      ])
      const summary = await importArticles(ctx.payload, lines, { batchSize: 10 })
      expect(summary.imported).toBe(3)
      expect(summary.failures).toEqual([
        { line: 2, reason: expect.stringMatching(/database refused it: no thanks/) },
      ])
      expect(await idBySlug('en', 'refused-by-db')).toBeUndefined()
      const refusedVersions = await query(
        ctx.databaseUrl,
        `SELECT id FROM _articles_v WHERE version_slug = 'refused-by-db'`,
      )
      expect(refusedVersions).toEqual([])
      expect(await idBySlug('az', 'batch-b-az')).toBeDefined()
    } finally {
      await query(ctx.databaseUrl, 'DROP TRIGGER refuse_import ON articles')
    }
  })

  it('language versions whose originals come later, or in a batch written alongside, are imported', async () => {
    const lines = ndjson([
      story({
        slug: 'late-ru',
        language: 'ru',
        translationOf: { language: 'en', slug: 'late-en' },
      }),
      story({ slug: 'pad-1' }),
      story({ slug: 'pad-2' }),
      story({ slug: 'late-en' }),
      story({
        slug: 'late-az',
        language: 'az',
        translationOf: { language: 'en', slug: 'late-en' },
      }),
    ])
    const summary = await importArticles(ctx.payload, lines, { batchSize: 1, concurrency: 2 })
    expect(summary.failures).toEqual([])
    expect(summary.imported).toBe(5)
    const original = await idBySlug('en', 'late-en')
    const versions = await query<{ slug: string; translation_of_id: number }>(
      ctx.databaseUrl,
      `SELECT slug, translation_of_id FROM articles WHERE slug IN ('late-ru', 'late-az') ORDER BY slug`,
    )
    expect(versions).toEqual([
      { slug: 'late-az', translation_of_id: original },
      { slug: 'late-ru', translation_of_id: original },
    ])
  })

  it('imported articles read, version and edit through the Local API like any other', async () => {
    const published = (await idBySlug('en', 'ferry-import'))!
    const draft = (await idBySlug('en', 'ferry-draft-import'))!

    // Anonymous readers: published ones only.
    const { docs } = await ctx.payload.find({
      collection: 'articles',
      overrideAccess: false,
      where: { id: { in: [published, draft] } },
      depth: 1,
    })
    expect(docs.map((d) => d.id)).toEqual([published])
    expect(docs[0].readingTime).toBe(1)
    expect((docs[0].authors as { slug: string }[]).map((a) => a.slug)).toEqual([
      'lead-writer',
      'desk',
    ])
    await expect(
      ctx.payload.findByID({ collection: 'articles', id: draft, overrideAccess: false }),
    ).rejects.toThrow()

    const versions = await ctx.payload.findVersions({
      collection: 'articles',
      where: { parent: { equals: published } },
    })
    expect(versions.docs).toHaveLength(1)
    expect(versions.docs[0].latest).toBe(true)

    // The body's HTML is stored as a save stores it, in the row and its version.
    const [row] = await query<{ body: unknown; body_html: string | null; version: string | null }>(
      ctx.databaseUrl,
      `SELECT a.body, a.body_html, v.version_body_html AS version
       FROM articles a JOIN _articles_v v ON v.parent_id = a.id WHERE a.id = $1`,
      [published],
    )
    expect(row.body_html).toBe(bodyToHtml(row.body))
    expect(row.body_html).toMatch(/^<p>/)
    expect(row.version).toBe(row.body_html)

    // An editor edits through the Local API: hooks run (reading time), a new version is kept.
    const longer = Array.from({ length: 600 }, () => 'word').join(' ')
    const edited = await ctx.payload.update({
      collection: 'articles',
      id: published,
      data: { body: blocksToLexical([longer]) as Article['body'] },
      user: editor,
      overrideAccess: false,
      context: { disableRevalidate: true },
    })
    expect(edited.readingTime).toBe(3)
    expect(edited._status).toBe('published')
    const after = await ctx.payload.findVersions({
      collection: 'articles',
      where: { parent: { equals: published } },
    })
    expect(after.docs).toHaveLength(2)

    // The workflow moves an imported draft as usual.
    const submitted = await ctx.payload
      .update({
        collection: 'articles',
        id: draft,
        data: { _status: 'published' },
        user: editor,
        overrideAccess: false,
        context: { disableRevalidate: true },
      })
      .catch((error: Error) => error)
    // Imports carry no hero image, so the pre-publish checklist refuses it.
    expect(submitted).toBeInstanceOf(Error)
    expect((submitted as Error).message).toMatch(/hero image/)
  })
})
