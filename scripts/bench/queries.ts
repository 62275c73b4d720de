/**
 * SQL queries per read, and the plans of the hot ones (README, "Benchmark"):
 *
 *   DATABASE_URL=postgres://… [EXPLAIN=1] \
 *     NODE_OPTIONS="--conditions=development --import ./scripts/lib/serverOnlyOutsideNext.mjs" \
 *     npx payload run scripts/bench/queries.ts
 *
 * Runs the reads behind an article page, the home page, the REST list by section and search
 * against the database in DATABASE_URL (a benchmark database kept with `npm run bench -- --keep`),
 * counting the SQL statements each one sends. With `EXPLAIN=1`, prints `EXPLAIN (ANALYZE,
 * BUFFERS)` of every statement of the article page, REST and search reads (the second run of
 * each, so caches are warm). Read-only: it changes nothing in the database.
 */
import { getPayload } from 'payload'
import pg from 'pg'

import config from '@payload-config'

type Logged = { text: string; values: unknown[] }
let log: Logged[] | null = null

// Every statement the adapter sends goes through pg's Client#query.
const clientQuery = pg.Client.prototype.query
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const [first, second] = args as [string | { text: string; values?: unknown[] }, unknown]
  if (log) {
    if (typeof first === 'string')
      log.push({ text: first, values: Array.isArray(second) ? second : [] })
    else if (first && typeof first === 'object' && 'text' in first)
      log.push({ text: first.text, values: first.values ?? (Array.isArray(second) ? second : []) })
  }
  return (clientQuery as (...a: unknown[]) => unknown).apply(this, args)
} as typeof clientQuery

const explain = process.argv.includes('--explain') || process.env.EXPLAIN === '1'
const payload = await getPayload({ config })
// The read layer's getX, uncached (there is no Next data cache here; src/data/cached.ts).
process.env.READ_CACHE = 'off'
const articles = await import('@/data/articles')
const sections = await import('@/data/sections')
const site = await import('@/data/site')
const search = await import('@/data/search')

const raw = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 })

const record = async <T>(fn: () => Promise<T>) => {
  log = []
  const t0 = performance.now()
  const result = await fn()
  const ms = performance.now() - t0
  const statements = log
  log = null
  return { result, ms, statements }
}

const plan = async ({ text, values }: Logged) => {
  if (!/^\s*(select|with)/i.test(text)) return null
  try {
    const { rows } = await raw.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS) ${text}`,
      values,
    )
    return rows.map((r) => r['QUERY PLAN']).join('\n')
  } catch (error) {
    return `could not explain: ${(error as Error).message} (${values.length} values)`
  }
}

const probe = async (name: string, fn: () => Promise<unknown>, withPlans = false) => {
  await record(fn) // warm: Payload's own first-call work, PostgreSQL's buffers
  const { ms, statements } = await record(fn)
  console.log(`\n## ${name}: ${statements.length} queries, ${ms.toFixed(1)} ms`)
  for (const statement of statements) {
    console.log(`- ${statement.text.replace(/\s+/g, ' ').slice(0, 160)}`)
  }
  if (explain && withPlans) {
    for (const statement of statements) {
      const text = await plan(statement)
      if (!text) continue
      const time = /Execution Time: ([\d.]+) ms/.exec(text)?.[1]
      console.log(`\n### ${time} ms: ${statement.text.replace(/\s+/g, ' ').slice(0, 300)}`)
      console.log(`values: ${JSON.stringify(statement.values).slice(0, 200)}`)
      console.log(text)
    }
  }
}

const { rows: samples } = await raw.query<{ language: 'en'; slug: string }>(
  `SELECT language::text, slug FROM articles a WHERE _status = 'published' AND language = 'en'
     AND EXISTS (SELECT 1 FROM articles_rels r WHERE r.parent_id = a.id AND r.path = 'tags')
   ORDER BY id LIMIT 1 OFFSET 1000`,
)
const { rows: sectionRows } = await raw.query<{ id: number }>(
  `SELECT c.id FROM categories c JOIN articles a ON a.category_id = c.id
   GROUP BY c.id ORDER BY count(*) DESC LIMIT 1`,
)
const sample = samples[0]
const sectionId = sectionRows[0]?.id ?? 1

const articlePage = async () => {
  const article = await articles.getArticleBySlug({ language: 'en', slug: sample.slug })
  if (!article) throw new Error(`no article ${sample.slug}`)
  await Promise.all([
    articles.getArticleVersions({ groupId: article.groupId }),
    articles.getRelatedArticles({
      language: 'en',
      articleId: article.id,
      relatedIds: article.relatedIds,
      sectionId: article.section?.id ?? 0,
      tagIds: article.tags.map((tag) => tag.id),
      limit: 4,
    }),
    articles.getLatestArticles({ language: 'en', limit: 8 }),
    site.getNavigation({ language: 'en' }),
    site.getSiteSettings({ language: 'en' }),
  ])
}

const homePage = async () => {
  const [, all] = await Promise.all([
    articles.getLatestArticles({ language: 'en', limit: 30 }),
    sections.getSections({ language: 'en' }),
    site.getNavigation({ language: 'en' }),
    site.getSiteSettings({ language: 'en' }),
  ])
  const top = all.filter((s) => s.parentId === null)
  const ids = (id: number) => [id, ...all.filter((s) => s.parentId === id).map((s) => s.id)]
  await articles.getSectionBlocks({
    language: 'en',
    blocks: top.map((s) => ids(s.id)),
    perSection: 4,
  })
}

await probe(`article page /en/articles/${sample.slug}`, articlePage, true)
await probe('home page /en', homePage, true)
await probe(
  `REST GET /api/articles?where[category][equals]=${sectionId}&limit=20&depth=1`,
  () =>
    payload.find({
      collection: 'articles',
      where: { category: { equals: sectionId } },
      limit: 20,
      depth: 1,
      overrideAccess: false,
      draft: false,
    }),
  true,
)
await probe(
  'search /en/search?q=harbour+cargo',
  () => search.getSearchResults({ language: 'en', q: 'harbour cargo' }),
  true,
)

await raw.end()
process.exit(0)
