/**
 * The benchmark (`npm run bench -- --articles 5000`; README, "Benchmark"):
 *
 * 1. a fresh embedded PostgreSQL in a temporary folder, migrated, with the demo newsroom seeded;
 * 2. N generated articles (scripts/bench/generate.ts) loaded by the bulk importer;
 * 3. the production build (`next build` first when .next/BUILD_ID is missing) under `next start`,
 *    nginx with deploy/nginx.conf in front of it, and a bare Node `http` server returning the
 *    same bytes as the page under test, all on 127.0.0.1;
 * 4. load from autocannon on 127.0.0.1, bounded in time; the table is printed and written to
 *    bench/results/latest.md and latest.json.
 *
 * Everything it starts (PostgreSQL, next, nginx, the bare server) is stopped at the end, on
 * failure and on Ctrl-C. No test runs it and no test fails on a timing.
 */
import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

import pg from 'pg'

import { searchWords } from './generate'
import { CHROMIUM_PATH, lighthouseMobile } from './lighthouse'
import {
  createSession,
  fmt,
  load as autocannonLoad,
  machineInfo,
  memorySampler,
  prepareDatabase,
  productionBuild,
  startNext,
  startProxy,
  versionOf,
  versionsOf,
  waitFor,
  freePort,
  writeResults,
} from './lib'
import { pageWeight } from './weight'

const { values: args } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    /** seconds of load per figure */
    duration: { type: 'string', default: '5' },
    /** connections for the throughput figures (the issue's reference uses 50) */
    connections: { type: 'string', default: '50' },
    /** connections for the latency (p95) figures: a few readers at once, not a queue */
    'latency-connections': { type: 'string', default: '4' },
    /** keep the temporary folder (database, logs, data file) */
    keep: { type: 'boolean', default: false },
    /** give up after this many minutes */
    timeout: { type: 'string', default: '90' },
  },
})
const ARTICLES = Number(args.articles)
const DURATION = Number(args.duration)
const CONNECTIONS = Number(args.connections)
const LATENCY_CONNECTIONS = Number(args['latency-connections'])

const session = createSession({
  name: 'bench',
  keep: args.keep,
  timeoutMinutes: Number(args.timeout),
})
const { log } = session

// ─── measuring ───────────────────────────────────────────────────────────────────────────────

/** autocannon for DURATION seconds; errors include timeouts (as before the shared module). */
const load = async (
  base: string,
  options: {
    path?: string
    paths?: () => string
    connections?: number
    headers?: Record<string, string>
  },
) => {
  const result = await autocannonLoad(base, {
    ...options,
    connections: options.connections ?? CONNECTIONS,
    duration: DURATION,
  })
  return { ...result, errors: result.errors + result.timeouts }
}

// ─── results ─────────────────────────────────────────────────────────────────────────────────

type Figure = {
  figure: string
  value: number | null
  unit: string
  goal: string
  /** true/false against the goal; null when there is no goal or nothing was measured */
  pass: boolean | null
  note?: string
}
const figures: Figure[] = []
const add = (figure: Omit<Figure, 'pass'> & { ok?: (value: number) => boolean }) => {
  const { ok, ...rest } = figure
  figures.push({ ...rest, pass: rest.value === null || !ok ? null : ok(rest.value) })
}
const notMeasured = (figure: string, goal: string, note: string) =>
  figures.push({ figure, value: null, unit: '', goal, pass: null, note })

/** Runs one figure's measurement; a failure is recorded as a note and the run goes on. */
const attempt = async (figure: string, goal: string, fn: () => Promise<void>) => {
  try {
    await fn()
  } catch (error) {
    log(`${figure}: ${(error as Error).message}`)
    notMeasured(figure, goal, `failed: ${(error as Error).message.split('\n')[0]}`)
  }
}

// ─── the run ─────────────────────────────────────────────────────────────────────────────────

const main = async () => {
  const loadAtStart = os.loadavg()
  const workDir = await session.makeWorkDir()
  log(`${ARTICLES} articles; working in ${workDir}`)
  const { databaseUrl, env, imported } = await prepareDatabase(session, {
    articles: ARTICLES,
    seed: Number(args.seed),
  })
  const cpuMs =
    (1000 * (imported.cpuSeconds.importer + (imported.cpuSeconds.database ?? 0))) /
    Math.max(imported.imported, 1)
  add({
    figure: 'bulk import',
    value: imported.articlesPerSecond,
    unit: 'articles/s',
    goal: '≥ 500',
    ok: (v) => v >= 500,
    note: `${imported.imported} articles in ${imported.seconds.toFixed(1)} s, ${imported.failed} failed; CPU ${cpuMs.toFixed(2)} ms per article (importer ${imported.cpuSeconds.importer.toFixed(1)} s + database ${imported.cpuSeconds.database?.toFixed(1) ?? '?'} s)`,
  })

  // ── the production build under next start, nginx in front of it ──
  const { hasArticlePage, hasReferencePages, homePath, previewModeId } = await productionBuild(
    session,
    {
      referencePages: true,
    },
  )
  // A publish asks nginx's refresh port for the changed pages (PROXY_REFRESH_URL).
  const refreshPort = await freePort()
  const {
    url: next,
    port: nextPort,
    proc: nextProc,
  } = await startNext(
    session,
    { ...env, PROXY_REFRESH_URL: `http://127.0.0.1:${refreshPort}` },
    homePath,
  )
  const memory = memorySampler(nextProc.pid!)
  let proxy = ''
  let proxyUp = false
  await attempt('proxy', '', async () => {
    proxy = (await startProxy(session, nextPort, homePath, refreshPort)).url
    proxyUp = true
  })

  /** A bare Node server answering every request with these bytes, in its own process. */
  const bareServer = async (body: Buffer) => {
    const file = path.join(workDir, `bare-${Date.now()}.html`)
    await writeFile(file, body)
    const port = await freePort()
    const { proc, stop } = session.service('bare', process.execPath, [
      '-e',
      `const body = require('fs').readFileSync(process.argv[1]);
       require('http').createServer((req, res) => {
         res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
         res.end(body);
       }).listen(Number(process.argv[2]), '127.0.0.1');`,
      file,
      String(port),
    ])
    await waitFor(`http://127.0.0.1:${port}/`, proc, 10_000)
    return { url: `http://127.0.0.1:${port}`, stop }
  }

  const draftCookie = { cookie: `__prerender_bypass=${previewModeId}` }
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 })

  /** Cached page through the proxy, by Next alone, and uncached, against a bare server. */
  const measurePage = async (
    label: string,
    pagePath: string,
    uncachedPaths: () => string,
    goals: { ratio: string; uncached: string },
  ) => {
    const bytes = Buffer.from(await (await fetch(`${next}${pagePath}`)).arrayBuffer())
    const bare = await bareServer(bytes)
    const bareLoad = await load(bare.url, { path: '/' })
    await bare.stop()
    log(
      `bare Node, ${(bytes.length / 1024).toFixed(0)} KB ${label}: ${Math.round(bareLoad.requestsPerSecond)} req/s`,
    )
    add({
      figure: `bare Node http server, same bytes as the ${label} (${(bytes.length / 1024).toFixed(0)} KB)`,
      value: bareLoad.requestsPerSecond,
      unit: 'req/s',
      goal: '—',
    })
    if (proxyUp) {
      await load(proxy, { path: pagePath, connections: 2 }) // warm the cache
      const proxied = await load(proxy, { path: pagePath })
      log(`${label} through nginx: ${Math.round(proxied.requestsPerSecond)} req/s`)
      add({
        figure: `cached ${label} through the proxy ÷ bare Node server`,
        value: proxied.requestsPerSecond / bareLoad.requestsPerSecond,
        unit: '',
        goal: goals.ratio,
        ok: (v) => v >= 0.5,
        note: `${Math.round(proxied.requestsPerSecond)} vs ${Math.round(bareLoad.requestsPerSecond)} req/s, ${CONNECTIONS} connections, p95 ${proxied.p95} ms${proxied.non2xx || proxied.errors ? `, ${proxied.non2xx} non-2xx, ${proxied.errors} errors` : ''}`,
      })
    } else {
      notMeasured(
        `cached ${label} through the proxy ÷ bare Node server`,
        goals.ratio,
        'nginx did not start',
      )
    }
    const direct = await load(next, { path: pagePath })
    log(`${label} from Next alone (its cache warm): ${Math.round(direct.requestsPerSecond)} req/s`)
    add({
      figure: `${label} from Next alone, its cache warm ÷ bare Node server`,
      value: direct.requestsPerSecond / bareLoad.requestsPerSecond,
      unit: '',
      goal: '—',
      note: `${Math.round(direct.requestsPerSecond)} req/s, p95 ${direct.p95} ms${direct.non2xx || direct.errors ? `, ${direct.non2xx} non-2xx, ${direct.errors} errors` : ''}`,
    })
    const uncached = await load(next, {
      paths: uncachedPaths,
      connections: LATENCY_CONNECTIONS,
      headers: draftCookie,
    })
    log(`${label} uncached: p95 ${uncached.p95} ms`)
    add({
      figure: `uncached ${label} render (data cache bypassed), p95`,
      value: uncached.p95,
      unit: 'ms',
      goal: goals.uncached,
      ok: goals.uncached === '—' ? undefined : (v) => v <= 50,
      note: `${LATENCY_CONNECTIONS} connections, ${Math.round(uncached.requestsPerSecond)} req/s, p50 ${uncached.p50} ms${uncached.non2xx || uncached.errors ? `, ${uncached.non2xx} non-2xx, ${uncached.errors} errors` : ''}`,
    })
    // Bytes as the reader's browser receives them: compressed by nginx (by Next without it).
    const weight = await pageWeight(proxyUp ? proxy : next, pagePath)
    add({
      figure: `${label} weight: HTML + JS, compressed as sent, without images`,
      value: weight.totalKb,
      unit: 'KB',
      goal: label.startsWith('article') ? '≤ 100' : '—',
      ok: label.startsWith('article') ? (v) => v <= 100 : undefined,
      note: `HTML ${weight.htmlKb.toFixed(1)} KB + ${weight.scripts.length} scripts ${weight.jsKb.toFixed(1)} KB, ${weight.encodings.join('/')} from ${proxyUp ? 'nginx' : 'Next'} (nomodule polyfills, which modern browsers skip, left out)`,
    })
  }

  // ── article pages (when the build has them), then the home page ──
  if (hasArticlePage) {
    const { rows } = await pool.query<{ language: string; slug: string }>(
      `SELECT language::text, slug FROM articles WHERE _status = 'published' AND deleted_at IS NULL
       ORDER BY random() LIMIT 20000`,
    )
    let i = 0
    const articlePath = (row: { language: string; slug: string }) =>
      `/${row.language}/articles/${row.slug}`
    await attempt('article page', '', () =>
      measurePage(
        'article page',
        articlePath(rows[0]),
        () => articlePath(rows[i++ % rows.length]),
        {
          ratio: '≥ 0.5',
          uncached: '≤ 50 ms',
        },
      ),
    )
  } else {
    notMeasured(
      'cached article page through the proxy ÷ bare Node server',
      '≥ 0.5',
      'not available: no article route in this build',
    )
    notMeasured(
      'uncached article render (data cache bypassed), p95',
      '≤ 50 ms',
      'not available: no article route in this build',
    )
    notMeasured(
      'article page weight: HTML + JS, compressed as sent, without images',
      '≤ 100 KB',
      'not available: no article route in this build',
    )
  }
  // ── cached article page from Next alone ÷ a force-static page of the same size ──
  const forceStaticFigure =
    'cached article page from Next alone ÷ a force-static Next page of the same size'
  if (!hasArticlePage || !hasReferencePages) {
    notMeasured(
      forceStaticFigure,
      '≥ 0.9',
      `not available: ${hasArticlePage ? 'no reference pages in this build' : 'no article route in this build'}`,
    )
  } else {
    await attempt(forceStaticFigure, '≥ 0.9', async () => {
      const { rows } = await pool.query<{ language: string; slug: string }>(
        `SELECT language::text, slug FROM articles WHERE _status = 'published' AND deleted_at IS NULL
         ORDER BY random() LIMIT 1`,
      )
      const articlePath = `/${rows[0].language}/articles/${rows[0].slug}`
      const size = async (p: string) =>
        (await (await fetch(`${next}${p}`)).arrayBuffer()).byteLength
      const articleBytes = await size(articlePath)
      // The reference page (8 KB steps) whose document is closest in size to the article's.
      let reference = { path: '', bytes: 0 }
      for (let kb = 8; kb <= 320; kb += 8) {
        const bytes = await size(`/next/reference/${kb}`)
        if (Math.abs(bytes - articleBytes) < Math.abs(reference.bytes - articleBytes)) {
          reference = { path: `/next/reference/${kb}`, bytes }
        }
        if (bytes > articleBytes) break
      }
      await fetch(`${next}${articlePath}`) // in Next's cache before the run
      const cached = await load(next, { path: articlePath })
      const staticPage = await load(next, { path: reference.path })
      log(
        `article from Next's cache ${Math.round(cached.requestsPerSecond)} req/s, force-static ${Math.round(staticPage.requestsPerSecond)} req/s`,
      )
      add({
        figure: forceStaticFigure,
        value: cached.requestsPerSecond / staticPage.requestsPerSecond,
        unit: '',
        goal: '≥ 0.9',
        ok: (v) => v >= 0.9,
        note: `${Math.round(cached.requestsPerSecond)} vs ${Math.round(staticPage.requestsPerSecond)} req/s (${reference.path}), ${(articleBytes / 1024).toFixed(0)} vs ${(reference.bytes / 1024).toFixed(0)} KB, ${CONNECTIONS} connections${cached.non2xx || staticPage.non2xx ? `, ${cached.non2xx + staticPage.non2xx} non-2xx` : ''}`,
      })
    })
  }
  await attempt('home page', '', () =>
    measurePage(`home page ${homePath}`, homePath, () => homePath, {
      ratio: '≥ 0.5',
      uncached: '—',
    }),
  )

  // ── REST by section ──
  await attempt('REST by section', '≤ 25 ms', async () => {
    const { rows } = await pool.query<{ id: number; slug: string; n: number }>(
      `SELECT c.id, c.slug, count(a.id)::int AS n FROM categories c
       JOIN articles a ON a.category_id = c.id AND a._status = 'published'
       GROUP BY c.id, c.slug ORDER BY n DESC`,
    )
    let i = 0
    const result = await load(next, {
      connections: LATENCY_CONNECTIONS,
      paths: () =>
        `/api/articles?where[category][equals]=${rows[i++ % rows.length].id}&limit=20&depth=1`,
    })
    add({
      figure: 'REST GET /api/articles by section, 20 items, depth 1, p95',
      value: result.p95,
      unit: 'ms',
      goal: '≤ 25 ms',
      ok: (v) => v <= 25,
      note: `${rows.length} sections in turn, ${LATENCY_CONNECTIONS} connections, ${Math.round(result.requestsPerSecond)} req/s, p50 ${result.p50} ms${result.non2xx ? `, ${result.non2xx} non-2xx` : ''}`,
    })
    log(`REST by section: p95 ${result.p95} ms`)
  })

  // ── search: two words, one language, a different query each time (the cache misses) ──
  await attempt('search', '≤ 30 ms', async () => {
    const words = searchWords()
    let i = 0
    const result = await load(next, {
      connections: LATENCY_CONNECTIONS,
      paths: () => {
        const n = i++
        const a = words[n % words.length]
        const b = words[Math.floor(n / words.length) % words.length]
        return `/en/search?q=${a}+${b}&page=${1 + Math.floor(n / words.length ** 2)}`
      },
    })
    add({
      figure: 'search page, two-word query, English, p95',
      value: result.p95,
      unit: 'ms',
      goal: '≤ 30 ms',
      ok: (v) => v <= 30,
      note: `distinct queries of two words of middle frequency (the data cache misses), ${LATENCY_CONNECTIONS} connections, ${Math.round(result.requestsPerSecond)} req/s, p50 ${result.p50} ms${result.non2xx ? `, ${result.non2xx} non-2xx` : ''}`,
    })
    log(`search: p95 ${result.p95} ms`)
  })

  // ── publish → visible on the home and article pages, from Next and through the proxy ──
  await attempt('publish → visible', '≤ 1 s', async () => {
    const login = await fetch(`${next}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'editor@caspiandigest.example', password: 'demo-editor' }),
    })
    if (!login.ok) throw new Error(`login: ${login.status}`)
    const { token } = (await login.json()) as { token: string }
    const auth = { authorization: `JWT ${token}`, 'content-type': 'application/json' }
    const { rows } = await pool
      .query<{ category: number; author: number; media: number }>(
        `SELECT (SELECT id FROM categories WHERE slug = 'news') AS category,
              (SELECT id FROM authors ORDER BY id LIMIT 1) AS author,
              (SELECT _parent_id FROM media_locales WHERE alt IS NOT NULL ORDER BY _parent_id LIMIT 1) AS media`,
      )
      .catch(() =>
        pool.query<{ category: number; author: number; media: number }>(
          `SELECT (SELECT id FROM categories WHERE slug = 'news') AS category,
                (SELECT id FROM authors ORDER BY id LIMIT 1) AS author,
                (SELECT id FROM media ORDER BY id LIMIT 1) AS media`,
        ),
      )
    const ids = rows[0]
    for (const [where, base] of [
      ['Next', next],
      ['the proxy', proxy],
    ] as const) {
      if (where === 'the proxy' && !proxyUp) continue
      const title = `Benchmark publish ${where === 'Next' ? 'direct' : 'proxied'} ${Date.now()}`
      const created = await fetch(`${next}/api/articles?draft=true`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({
          title,
          language: 'en',
          dek: 'Written by the benchmark to time a publish.',
          category: ids.category,
          authors: [ids.author],
          heroImage: ids.media,
          _status: 'draft',
        }),
      })
      if (!created.ok) throw new Error(`create: ${created.status} ${await created.text()}`)
      const { doc } = (await created.json()) as { doc: { id: number; slug: string } }
      const pages = [
        { name: 'home page', path: homePath },
        ...(hasArticlePage ? [{ name: 'article page', path: `/en/articles/${doc.slug}` }] : []),
      ]
      // Both pages are in the caches before the publish (the article's URL as a 404).
      for (const page of pages) await fetch(`${base}${page.path}`)
      const t0 = performance.now()
      const published = await fetch(`${next}/api/articles/${doc.id}/transition`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ transition: 'publish' }),
      })
      if (!published.ok) throw new Error(`publish: ${published.status} ${await published.text()}`)
      const publishMs = performance.now() - t0
      const visibleMs = new Map<string, number>()
      while (visibleMs.size < pages.length && performance.now() - t0 < 10_000) {
        for (const page of pages) {
          if (visibleMs.has(page.name)) continue
          const response = await fetch(`${base}${page.path}`)
          const html = await response.text()
          if (response.ok && html.includes(title)) visibleMs.set(page.name, performance.now() - t0)
        }
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      for (const page of pages) {
        const value = visibleMs.get(page.name) ?? null
        add({
          figure: `publish → visible on the ${page.name}, ${where === 'Next' ? 'from Next' : 'through the proxy'}`,
          value,
          unit: 'ms',
          goal: '≤ 1000 ms',
          ok: (v) => v <= 1000,
          note:
            value === null
              ? 'not visible within 10 s'
              : `from sending the publish (which took ${Math.round(publishMs)} ms) to the first ${page.name} that shows it`,
        })
        log(
          `publish → ${page.name} via ${where}: ${value === null ? 'not within 10 s' : `${Math.round(value)} ms`}`,
        )
      }
    }
    if (!hasArticlePage) {
      notMeasured(
        'publish → visible on the article page',
        '≤ 1000 ms',
        'not available: no article route in this build',
      )
    }
  })
  await pool.end()

  // ── Lighthouse: mobile performance of an article page ──
  const lighthouseFigure = 'Lighthouse mobile performance, article page'
  if (!hasArticlePage) {
    notMeasured(lighthouseFigure, '≥ 95', 'not available: no article route in this build')
  } else if (!existsSync(CHROMIUM_PATH)) {
    notMeasured(
      lighthouseFigure,
      '≥ 95',
      `no Chromium at ${CHROMIUM_PATH} (apt-get install chromium)`,
    )
  } else {
    await attempt(lighthouseFigure, '≥ 95', async () => {
      // A story with a hero image, as a reader's article page usually is (imported ones have none).
      const client = new pg.Client({ connectionString: databaseUrl })
      await client.connect()
      const { rows } = await client
        .query<{ language: string; slug: string }>(
          `SELECT language::text, slug FROM articles WHERE _status = 'published' AND deleted_at IS NULL
           AND hero_image_id IS NOT NULL AND title NOT LIKE 'Benchmark publish %'
           ORDER BY published_at DESC LIMIT 1`,
        )
        .finally(() => client.end())
      if (!rows[0]) throw new Error('no published article with a hero image')
      const pagePath = `/${rows[0].language}/articles/${rows[0].slug}`
      const url = `${proxyUp ? proxy : next}${pagePath}`
      await fetch(url) // warm the proxy's cache
      const lh = await lighthouseMobile(url, 3)
      add({
        figure: lighthouseFigure,
        value: lh.score,
        unit: '',
        goal: '≥ 95',
        ok: (v) => v >= 95,
        note: `median of ${lh.scores.length} runs (${lh.scores.join(', ')}), through ${proxyUp ? 'nginx' : 'Next'}; LCP ${Math.round(lh.lcpMs)} ms, TBT ${Math.round(lh.tbtMs)} ms, CLS ${lh.cls.toFixed(3)}, FCP ${Math.round(lh.fcpMs)} ms; ${lh.transferKb.toFixed(0)} KB transferred (scripts ${lh.scriptKb.toFixed(0)} KB); Lighthouse ${versionOf('lighthouse')}, CPU benchmark index ${Math.round(lh.benchmarkIndex)}`,
      })
      log(`Lighthouse: ${lh.score} (${lh.scores.join(', ')})`)
    })
  }
  const { peakRssMb, peakHwmMb } = memory.stop()
  add({
    figure: 'server peak RSS during the run (next start and its children)',
    value: peakRssMb,
    unit: 'MB',
    goal: '≤ 600 MB',
    ok: (v) => v <= 600,
    note: `largest VmHWM of one process ${peakHwmMb.toFixed(0)} MB; sampled every 250 ms from /proc`,
  })

  // ── report ──
  const machine = machineInfo(loadAtStart)
  const versions = await versionsOf(databaseUrl)
  const result = {
    date: new Date().toISOString(),
    machine,
    versions,
    data: { articles: ARTICLES, imported: imported.imported, seed: Number(args.seed) },
    load: {
      durationSeconds: DURATION,
      connections: CONNECTIONS,
      latencyConnections: LATENCY_CONNECTIONS,
    },
    pages: {
      home: homePath,
      articlePage: hasArticlePage ? '/{lang}/articles/{slug}' : 'not available',
    },
    figures,
  }
  const verdict = (f: Figure) =>
    f.pass === null ? (f.value === null ? '—' : 'info') : f.pass ? 'pass' : 'FAIL'
  const table = [
    '| figure | value | goal | result | note |',
    '| --- | --- | --- | --- | --- |',
    ...figures.map(
      (f) =>
        `| ${f.figure} | ${fmt(f.value, f.unit)} | ${f.goal} | ${verdict(f)} | ${f.note ?? ''} |`,
    ),
  ].join('\n')
  const markdown = `# Benchmark results

${result.date} · ${ARTICLES.toLocaleString('en')} articles generated, ${imported.imported.toLocaleString('en')} imported (seed ${args.seed})

Machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGb} GB RAM, Node ${machine.node}; load average
${machine.loadAverageAtStart.join(' / ')} at the start and ${machine.loadAverageAtEnd.join(' / ')} at the end (the cores are shared:
other work on the machine lowers every figure).
Versions: Next ${versions.next}, Payload ${versions.payload}, React ${versions.react}, PostgreSQL ${versions.postgresql},
nginx ${versions.nginx}, autocannon ${versions.autocannon}.
Load: ${DURATION} s per figure on 127.0.0.1; throughput with ${CONNECTIONS} connections, p95 latencies with
${LATENCY_CONNECTIONS}. Uncached renders send Next's draft-mode cookie, which makes Next skip its page cache and
\`unstable_cache\` neither read nor write its entries: every request reads the database and renders.

${table}
`
  console.log(`\n${table}\n`)
  await writeResults('latest', markdown, result)
  log('wrote bench/results/latest.md and latest.json')
}

session.finish(main)
