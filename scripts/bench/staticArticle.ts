/**
 * The static article page prototype (`/next/static/{lang}/articles/{slug}`, bench builds only)
 * against the real article page, on a running `next start` of a build made with
 * `BENCH_REFERENCE_PAGES=true`:
 *
 *   npx tsx scripts/bench/staticArticle.ts --base http://127.0.0.1:3000 --database <url> \
 *     [--secret <PAYLOAD_SECRET>] [--seconds 10] [--rounds 2] [--connections 50]
 *
 * 1. checks (exit 1 when one fails): the static page answers 200 with HTML, loads no script
 *    and carries no RSC payload, has the article's title, the text-size buttons, the language
 *    links and the forms; a second request is a cache hit; a title changed in the database
 *    does not show until the article's slug tag is expired through `/next/revalidate` (as the
 *    collection hooks expire it), and shows after it, on both pages;
 * 2. weights (HTML + scripts as sent, scripts/bench/weight.ts) of both pages;
 * 3. autocannon of each cached page from Next alone, alternating rounds, the load average beside;
 * 4. with `--cold N`: the first render of 2N never-requested articles, N by each page, alternating
 *    (the shared reads, menu and settings, are warm for both).
 */
import { loadavg } from 'node:os'
import { parseArgs } from 'node:util'

import pg from 'pg'

import { load } from './lib/measure'
import { pageWeight, scriptSources, transfer } from './weight'
import { revalidateToken } from '../../src/cache/revalidate'

const { values } = parseArgs({
  options: {
    base: { type: 'string', default: 'http://127.0.0.1:3000' },
    database: { type: 'string' },
    secret: { type: 'string' },
    seconds: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '2' },
    connections: { type: 'string', default: '50' },
    lang: { type: 'string', default: 'en' },
    /** the Accept-Encoding of the autocannon requests ('identity': no compression by Next) */
    'accept-encoding': { type: 'string', default: 'gzip, deflate, br' },
    /** first renders: this many never-requested articles per page kind, timed one by one */
    cold: { type: 'string', default: '0' },
    /** the server's PREVIEW_SECRET: checks that draft mode goes to the real page */
    'preview-secret': { type: 'string' },
  },
})
if (!values.database) throw new Error('--database <url> is required')
if (values.secret) process.env.PAYLOAD_SECRET = values.secret
const base = values.base
const lang = values.lang

const failures: string[] = []
const check = (ok: boolean, what: string) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`)
  if (!ok) failures.push(what)
}

const db = new pg.Client({ connectionString: values.database })
await db.connect()
const { rows: all } = await db.query<{ id: number; slug: string; title: string }>(
  `select id, slug, title from articles
   where language = $1 and _status = 'published' and deleted_at is null
   order by published_at desc nulls last limit $2`,
  [lang, 3 + 2 * Number(values.cold)],
)
const rows = all.slice(0, 3)
const coldRows = all.slice(3)
if (rows.length === 0) throw new Error(`no published ${lang} article`)
const [first] = rows
const realPath = (slug: string) => `/${lang}/articles/${encodeURIComponent(slug)}`
const staticPath = (slug: string) => `/next/static/${lang}/articles/${encodeURIComponent(slug)}`
const text = async (path: string) => {
  const t = await transfer(new URL(path, base).href)
  return { ...t, html: t.body.toString() }
}
const cacheState = async (path: string) => {
  const response = await fetch(new URL(path, base), { signal: AbortSignal.timeout(30_000) })
  await response.arrayBuffer()
  return response.headers.get('x-nextjs-cache')
}

// 1. What the static page is.
for (const row of rows) {
  const page = await text(staticPath(row.slug))
  check(page.status === 200, `${row.slug}: 200 (got ${page.status})`)
  check(scriptSources(page.html).length === 0, `${row.slug}: no <script src>`)
  check(!page.html.includes('__next_f'), `${row.slug}: no RSC payload`)
  check(page.html.includes('<h1'), `${row.slug}: has the headline`)
  check(page.html.includes('data-font="larger"'), `${row.slug}: has the text-size buttons`)
  check(page.html.includes('class="lang-switcher"'), `${row.slug}: has the language switcher`)
  check(page.html.includes('action="/api/subscribers/subscribe"'), `${row.slug}: newsletter form`)
  check(/<link rel="stylesheet" href="\/_next\/static\//.test(page.html), `${row.slug}: CSS`)
}
await cacheState(staticPath(first.slug))
check((await cacheState(staticPath(first.slug))) === 'HIT', 'static page: second request HIT')
check((await cacheState(realPath(first.slug))) !== null, 'real page: cached by Next')

// Tag expiry: a title changed under the cache shows only once the article's tag is expired.
const changed = `${first.title} (retitled ${Date.now()})`
await db.query('update articles set title = $1 where id = $2', [changed, first.id])
try {
  const before = await text(staticPath(first.slug))
  check(!before.html.includes(changed), 'static page: the cached answer until the tag expires')
  const response = await fetch(new URL('/next/revalidate', base), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-revalidate-token': revalidateToken() },
    body: JSON.stringify({ tags: [`article-slug:${lang}:${first.slug}`], paths: [] }),
    signal: AbortSignal.timeout(30_000),
  })
  check(response.ok, `revalidate: ${response.status}`)
  const after = await text(staticPath(first.slug))
  check(after.html.includes(changed), 'static page: the new title once its slug tag expired')
  const real = await text(realPath(first.slug))
  check(real.html.includes(changed), 'real page: the new title once its slug tag expired')
} finally {
  await db.query('update articles set title = $1 where id = $2', [first.title, first.id])
  await fetch(new URL('/next/revalidate', base), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-revalidate-token': revalidateToken() },
    body: JSON.stringify({ tags: [`article-slug:${lang}:${first.slug}`], paths: [] }),
    signal: AbortSignal.timeout(30_000),
  })
}
await db.end()

// Draft mode (an editor who entered the preview) goes to the real page, which keeps live preview.
if (values['preview-secret']) {
  const cookiesOf = (response: Response) =>
    response.headers.getSetCookie().map((cookie) => cookie.split(';')[0])
  const login = await fetch(new URL('/api/users/login', base), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'editor@caspiandigest.example', password: 'demo-editor' }),
    signal: AbortSignal.timeout(30_000),
  })
  check(login.ok, `editor login: ${login.status}`)
  const { token } = (await login.json()) as { token?: string }
  const session = [`payload-token=${token ?? ''}`]
  // A logged-in editor's browser navigating on the site (Payload checks the fetch metadata).
  const navigate = { 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'navigate' }
  const preview = await fetch(
    new URL(
      `/next/preview?${new URLSearchParams({ secret: values['preview-secret'], path: `/${lang}` })}`,
      base,
    ),
    {
      headers: { ...navigate, cookie: session.join('; ') },
      redirect: 'manual',
      signal: AbortSignal.timeout(30_000),
    },
  )
  check(preview.status === 307, `preview: 307 (got ${preview.status})`)
  const cookie = [...session, ...cookiesOf(preview)].join('; ')
  check(cookie.includes('__prerender_bypass='), 'preview: draft mode cookie')
  const inDraft = await fetch(new URL(staticPath(first.slug), base), {
    headers: { ...navigate, cookie },
    redirect: 'manual',
    signal: AbortSignal.timeout(30_000),
  })
  check(
    inDraft.status === 307 &&
      new URL(inDraft.headers.get('location') ?? '', base).pathname === realPath(first.slug),
    `static page in draft mode: 307 to the real page (got ${inDraft.status} ${inDraft.headers.get('location')})`,
  )
  const realDraft = await fetch(new URL(realPath(first.slug), base), {
    headers: { ...navigate, cookie },
    signal: AbortSignal.timeout(60_000),
  })
  const realHtml = await realDraft.text()
  check(
    realDraft.status === 200 && realHtml.includes('preview-banner'),
    'real page in draft mode: the preview banner',
  )
}

// 2. Weights.
const kb = (n: number) => n.toFixed(1)
console.log('\npage weight, HTML + scripts as sent (KB)')
for (const row of rows) {
  for (const [name, path] of [
    ['real', realPath(row.slug)],
    ['static', staticPath(row.slug)],
  ] as const) {
    const w = await pageWeight(base, path)
    console.log(
      `${name.padEnd(7)} ${row.slug.slice(0, 40).padEnd(40)} HTML ${kb(w.htmlKb)} (raw ${kb(w.html.body.length / 1024)}) + ${w.scripts.length} scripts ${kb(w.jsKb)} = ${kb(w.totalKb)} (${w.encodings.join(',')})`,
    )
  }
}

// 3. Requests per second of the cached pages, alternating.
const seconds = Number(values.seconds)
const connections = Number(values.connections)
console.log(
  `\nautocannon, ${connections} connections, ${seconds} s each, alternating, Accept-Encoding: ${values['accept-encoding']}`,
)
for (let round = 1; round <= Number(values.rounds); round++) {
  for (const [name, path] of [
    ['real', realPath(first.slug)],
    ['static', staticPath(first.slug)],
  ] as const) {
    const result = await load(base, {
      path,
      connections,
      duration: seconds,
      headers: { 'accept-encoding': values['accept-encoding'] },
    })
    console.log(
      `round ${round} ${name.padEnd(7)} ${result.requestsPerSecond.toFixed(0).padStart(5)} req/s  p50 ${result.p50} ms  p95 ${result.p95} ms  non2xx ${result.non2xx}  load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    )
  }
}

// 4. First renders.
if (coldRows.length > 0) {
  const times: Record<'real' | 'static', number[]> = { real: [], static: [] }
  for (const [i, row] of coldRows.entries()) {
    const kind = i % 2 === 0 ? 'real' : 'static'
    const started = performance.now()
    const page = await transfer(
      new URL((kind === 'real' ? realPath : staticPath)(row.slug), base).href,
    )
    times[kind].push(performance.now() - started)
    check(page.status === 200, `first render ${kind} ${row.slug}: 200`)
  }
  console.log('\nfirst render of a never-requested article (ms, one at a time)')
  for (const kind of ['real', 'static'] as const) {
    const sorted = [...times[kind]].sort((a, b) => a - b)
    console.log(
      `${kind.padEnd(7)} n ${sorted.length}  median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(0)}  max ${sorted.at(-1)?.toFixed(0)}  all ${times[kind].map((t) => t.toFixed(0)).join(' ')}`,
    )
  }
}

if (failures.length) {
  console.error(`\n${failures.length} check(s) failed`)
  process.exit(1)
}
