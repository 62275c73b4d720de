/**
 * The plans of the hot SQL statements at the benchmark's size (README, "Benchmark"):
 *
 *   npm run bench:explain -- --articles 100000
 *
 * Prepares a fresh embedded database exactly as the benchmark does (`prepareDatabase`: migrated,
 * the demo newsroom seeded, N generated articles imported), then, for each statement of
 * `EXPLAINED` and each of its cases, prints `EXPLAIN (ANALYZE, BUFFERS)` (after one warm-up run,
 * so the buffers are warm as on a busy site) and the statement's own time, the median of
 * `--repeat` runs. Written to bench/results/explain.md (`--out <name>`: <name>.md and .json).
 *
 * `--keep` keeps the temporary folder; `--reuse <folder>` starts PostgreSQL on a kept folder's
 * data instead of preparing a new one (migrating it first, so a new migration is measured too).
 * Everything it starts is stopped at the end, on failure and on Ctrl-C.
 *
 * Other parts register their statements by adding an entry to `EXPLAINED`: a name and the cases
 * (a label and a Drizzle `SQL` statement) built from the query words.
 */
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { sql } from '@payloadcms/db-postgres'
import type { SQL } from '@payloadcms/db-postgres/drizzle'
import { drizzle } from '@payloadcms/db-postgres/drizzle/node-postgres'
import pg from 'pg'

import { HIGHLIGHT_START, HIGHLIGHT_STOP, searchParts, searchStatement } from '@/db/search'

import { searchWords } from './generate'
import { bin, createSession, machineInfo, prepareDatabase, versionsOf, writeResults } from './lib'
import { startEmbeddedPostgres } from '../lib/embeddedPostgres'
import { freePort } from '../lib/ports'

/** Pairs of words from the benchmark's search vocabulary (`searchWords()`, ranks ~100–400). */
export type QueryWords = { common: string; middle: string; rare: string }

export type ExplainCase = { label: string; statement: SQL }

/** A statement to plan: its name, and its cases built from the query words. */
export type Explained = { name: string; cases: (words: QueryWords) => ExplainCase[] }

const SEARCH_PAGE = { language: 'en', limit: 10, offset: 0 } as const

/**
 * The search statement as it was before the `search_speed` migration (ranking on the whole
 * `search_vector` of the 200 newest matches, snippets from the whole body), kept here to be
 * measured beside today's in the same run.
 */
const searchStatementBefore = ({
  q,
  limit,
  offset,
}: {
  q: string
  limit: number
  offset: number
}) => {
  const language = 'en'
  const config = 'english'
  const rankWindow = 200
  const strip = `${HIGHLIGHT_START}${HIGHLIGHT_STOP}`
  const RANK_WEIGHTS = '{0.1, 0.1, 0.4, 1.0}'
  const TITLE_OPTIONS = `HighlightAll=true, StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}`
  const SNIPPET_OPTIONS = `MaxFragments=2, MaxWords=32, MinWords=12, FragmentDelimiter=" … ", StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}`
  return sql`
    WITH search AS (
      SELECT websearch_to_tsquery(${config}::regconfig, ${q}) AS query
    ),
    matches AS MATERIALIZED (
      SELECT a.id, a.published_at
      FROM articles a CROSS JOIN search
      WHERE a.language = ${language}
        AND a._status = 'published'
        AND a.deleted_at IS NULL
        AND a.search_vector @@ search.query
    ),
    newest AS (
      SELECT id, published_at FROM matches
      ORDER BY published_at DESC NULLS LAST, id DESC
      LIMIT ${rankWindow}
    ),
    ranked AS (
      SELECT n.id, n.published_at, 0 AS tier,
        ts_rank_cd(${RANK_WEIGHTS}::float4[], a.search_vector, search.query) AS rank
      FROM newest n JOIN articles a ON a.id = n.id CROSS JOIN search
    ),
    older AS (
      SELECT m.id, m.published_at, 1 AS tier, 0::float4 AS rank
      FROM matches m WHERE NOT EXISTS (SELECT 1 FROM newest n WHERE n.id = m.id)
    ),
    hits AS (
      SELECT * FROM (SELECT * FROM ranked UNION ALL SELECT * FROM older) AS everything
      ORDER BY tier, rank DESC, published_at DESC NULLS LAST, id DESC
      LIMIT ${limit} OFFSET ${offset}
    )
    SELECT total.count::int AS total, hit.*
    FROM (SELECT count(*) AS count FROM matches) AS total
    LEFT JOIN LATERAL (
      SELECT a.id, a.slug, a.published_at, h.tier, h.rank,
        ts_headline(${config}::regconfig, translate(coalesce(a.title, ''), ${strip}, ''),
          search.query, ${TITLE_OPTIONS}) AS title_marked,
        ts_headline(${config}::regconfig,
          translate(concat_ws(E'\n\n', a.dek, public.lexical_plain_text(a.body)), ${strip}, ''),
          search.query, ${SNIPPET_OPTIONS}) AS snippet_marked
      FROM hits h JOIN articles a ON a.id = h.id CROSS JOIN search
    ) AS hit ON true
    ORDER BY hit.tier, hit.rank DESC, hit.published_at DESC NULLS LAST, hit.id DESC
  `
}

export const EXPLAINED: Explained[] = [
  {
    name: 'search page before (the statement before `search_speed`), English, page 1 of 10',
    cases: (words) =>
      (['common', 'middle', 'rare'] as const).map((kind) => ({
        label: `${kind} pair: "${words[kind]}"`,
        statement: searchStatementBefore({ q: words[kind], limit: 10, offset: 0 }),
      })),
  },
  {
    name: 'search page (src/db/search.ts `searchStatement`), English, page 1 of 10',
    cases: (words) =>
      (['common', 'middle', 'rare'] as const).map((kind) => ({
        label: `${kind} pair: "${words[kind]}"`,
        statement: searchStatement({ ...SEARCH_PAGE, q: words[kind] }),
      })),
  },
  {
    name: 'search parts (src/db/search.ts `searchParts`), common pair',
    cases: (words) =>
      searchParts({ ...SEARCH_PAGE, q: words.common }).map(({ name, statement }) => ({
        label: name,
        statement,
      })),
  },
]

const { values: args } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    /** timed runs of each case (the median is reported) */
    repeat: { type: 'string', default: '7' },
    keep: { type: 'boolean', default: false },
    /** a folder kept by `--keep` (of this script or of `npm run bench`) */
    reuse: { type: 'string' },
    timeout: { type: 'string', default: '30' },
    out: { type: 'string', default: 'explain' },
  },
})
if (!/^[\w.-]+$/.test(args.out)) throw new Error(`--out: a file name, not ${args.out}`)
const repeat = Math.max(1, Number(args.repeat) || 1)

const session = createSession({
  name: 'explain',
  keep: args.keep || Boolean(args.reuse),
  timeoutMinutes: Number(args.timeout),
})
const { log } = session

/** The database: a kept folder's, migrated, or a fresh one prepared as the benchmark does. */
const openDatabase = async (): Promise<string> => {
  if (args.reuse) {
    session.state.workDir = path.resolve(args.reuse)
    const database = await startEmbeddedPostgres({
      dataDir: path.join(session.state.workDir, 'postgres'),
      port: Number(process.env.EMBEDDED_PG_PORT) || (await freePort()),
    })
    session.setDatabase(database)
    const databaseUrl = database.urlFor('bench')
    log(`reusing ${session.state.workDir}; migrating`)
    await session.run('migrate-reuse', bin('payload'), ['migrate'], {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PAYLOAD_SECRET: 'bench-secret',
      NODE_OPTIONS: '--no-deprecation --conditions=development',
    })
    return databaseUrl
  }
  const workDir = await session.makeWorkDir()
  log(`${args.articles} articles; working in ${workDir}`)
  const { databaseUrl } = await prepareDatabase(session, {
    articles: Number(args.articles),
    seed: Number(args.seed),
  })
  return databaseUrl
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

type Measured = { name: string; label: string; medianMs: number; executionMs: number; plan: string }

const main = async () => {
  const loadAtStart = os.loadavg()
  const databaseUrl = await openDatabase()
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 })
  const db = drizzle({ client: pool })
  try {
    await db.execute(sql`ANALYZE`)
    const { rows: counts } = await pool.query<{ language: string; n: number }>(
      `SELECT language, count(*)::int AS n FROM articles
       WHERE _status = 'published' AND deleted_at IS NULL GROUP BY language ORDER BY language`,
    )
    const list = searchWords()
    const middle = Math.floor(list.length / 2)
    const words: QueryWords = {
      common: `${list[0]} ${list[1]}`,
      middle: `${list[middle]} ${list[middle + 1]}`,
      rare: `${list[list.length - 2]} ${list[list.length - 1]}`,
    }
    const measured: Measured[] = []
    for (const explained of EXPLAINED) {
      for (const { label, statement } of explained.cases(words)) {
        await db.execute(statement)
        const times: number[] = []
        for (let i = 0; i < repeat; i++) {
          const t0 = performance.now()
          await db.execute(statement)
          times.push(performance.now() - t0)
        }
        const { rows } = await db.execute<{ 'QUERY PLAN': string }>(
          sql`EXPLAIN (ANALYZE, BUFFERS) ${statement}`,
        )
        const plan = rows.map((row) => row['QUERY PLAN']).join('\n')
        const executionMs = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN)
        measured.push({ name: explained.name, label, medianMs: median(times), executionMs, plan })
        log(`${explained.name} · ${label}: median ${median(times).toFixed(1)} ms`)
      }
    }
    const machine = machineInfo(loadAtStart)
    const versions = await versionsOf(databaseUrl)
    const table = [
      '| statement | case | median (client, ms) | execution (EXPLAIN, ms) |',
      '| --- | --- | --- | --- |',
      ...measured.map(
        (m) =>
          `| ${m.name} | ${m.label} | ${m.medianMs.toFixed(1)} | ${m.executionMs.toFixed(1)} |`,
      ),
    ].join('\n')
    const plans = measured
      .map((m) => `### ${m.name} · ${m.label}\n\n\`\`\`\n${m.plan}\n\`\`\``)
      .join('\n\n')
    const markdown = `# Plans of the hot statements

${new Date().toISOString()} · ${args.reuse ? `database reused from ${args.reuse}` : `${Number(args.articles).toLocaleString('en')} articles generated (seed ${args.seed})`}; published per language: ${counts.map((c) => `${c.language} ${c.n.toLocaleString('en')}`).join(', ')}

Machine: ${machine.cores} cores (${machine.cpu}), Node ${machine.node}, PostgreSQL ${versions.postgresql}; load average
${machine.loadAverageAtStart.join(' / ')} at the start and ${machine.loadAverageAtEnd.join(' / ')} at the end.
Each case: one warm-up run, then ${repeat} timed runs (median, measured in the client over one connection), then
\`EXPLAIN (ANALYZE, BUFFERS)\` once. Query words (\`searchWords()\` of scripts/bench/generate.ts): common "${words.common}",
middle "${words.middle}", rare "${words.rare}".

${table}

## Plans

${plans}
`
    console.log(`\n${table}\n`)
    await writeResults(args.out, markdown, {
      date: new Date().toISOString(),
      machine,
      versions,
      words,
      measured,
    })
    log(`wrote bench/results/${args.out}.md and ${args.out}.json`)
  } finally {
    await pool.end().catch(() => undefined)
  }
}

session.finish(main)
