/** The page figures: cached and uncached pages against a bare server, reference pages, weight. */
import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'

import pg from 'pg'

import { freePort, versionOf, waitFor } from '../lib'
import { CHROMIUM_PATH, lighthouseMobile } from '../lighthouse'
import { pageWeight } from '../weight'
import { withServerCpu, type Bench } from './context'

/** A bare Node server answering every request with these bytes, in its own process. */
const bareServer = async (bench: Bench, body: Buffer) => {
  const file = path.join(bench.workDir, `bare-${Date.now()}.html`)
  await writeFile(file, body)
  const port = await freePort()
  const { proc, stop } = bench.session.service('bare', process.execPath, [
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

/** Cached page through the proxy, by Next alone, and uncached, against a bare server. */
const measurePage = async (
  bench: Bench,
  label: string,
  pagePath: string,
  uncachedPaths: () => string,
  goals: { ratio: string; uncached: string },
) => {
  const { add, notMeasured, load, log, next, proxy, proxyUp } = bench
  const { connections, latencyConnections } = bench.options
  const bytes = Buffer.from(await (await fetch(`${next}${pagePath}`)).arrayBuffer())
  const bare = await bareServer(bench, bytes)
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
      rps: proxied.requestsPerSecond,
      note: `${Math.round(proxied.requestsPerSecond)} vs ${Math.round(bareLoad.requestsPerSecond)} req/s, ${connections} connections, p95 ${proxied.p95} ms${proxied.non2xx || proxied.errors ? `, ${proxied.non2xx} non-2xx, ${proxied.errors} errors` : ''}`,
    })
  } else {
    notMeasured(
      `cached ${label} through the proxy ÷ bare Node server`,
      goals.ratio,
      'nginx did not start',
    )
  }
  const direct = await withServerCpu(bench, () => load(next, { path: pagePath }))
  log(`${label} from Next alone (its cache warm): ${Math.round(direct.requestsPerSecond)} req/s`)
  add({
    figure: `${label} from Next alone, its cache warm ÷ bare Node server`,
    value: direct.requestsPerSecond / bareLoad.requestsPerSecond,
    unit: '',
    goal: '—',
    rps: direct.requestsPerSecond,
    cpuMs: direct.cpuMs,
    note: `${Math.round(direct.requestsPerSecond)} req/s, p95 ${direct.p95} ms${direct.non2xx || direct.errors ? `, ${direct.non2xx} non-2xx, ${direct.errors} errors` : ''}`,
  })
  const uncached = await withServerCpu(bench, () =>
    load(next, {
      paths: uncachedPaths,
      connections: latencyConnections,
      headers: { cookie: `__prerender_bypass=${bench.previewModeId}` },
    }),
  )
  log(`${label} uncached: p95 ${uncached.p95} ms`)
  add({
    figure: `uncached ${label} render (data cache bypassed), p95`,
    value: uncached.p95,
    unit: 'ms',
    goal: goals.uncached,
    ok: goals.uncached === '—' ? undefined : (v) => v <= 50,
    rps: uncached.requestsPerSecond,
    cpuMs: uncached.cpuMs,
    note: `${latencyConnections} connections, ${Math.round(uncached.requestsPerSecond)} req/s, p50 ${uncached.p50} ms${uncached.non2xx || uncached.errors ? `, ${uncached.non2xx} non-2xx, ${uncached.errors} errors` : ''}`,
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

/** Article pages (when the build has them): one cached, random ones uncached. */
export const measureArticlePages = async (bench: Bench) => {
  if (!bench.hasArticlePage) {
    for (const [figure, goal] of [
      ['cached article page through the proxy ÷ bare Node server', '≥ 0.5'],
      ['uncached article render (data cache bypassed), p95', '≤ 50 ms'],
      ['article page weight: HTML + JS, compressed as sent, without images', '≤ 100 KB'],
    ]) {
      bench.notMeasured(figure, goal, 'not available: no article route in this build')
    }
    return
  }
  const { rows } = await bench.pool.query<{ language: string; slug: string }>(
    `SELECT language::text, slug FROM articles WHERE _status = 'published' AND deleted_at IS NULL
       ORDER BY md5(id::text || $1::text) LIMIT 20000`,
    [`pages-${bench.pickSeed}`],
  )
  let i = 0
  const articlePath = (row: { language: string; slug: string }) =>
    `/${row.language}/articles/${row.slug}`
  await bench.attempt('article page', '', () =>
    measurePage(
      bench,
      'article page',
      articlePath(rows[0]),
      () => articlePath(rows[i++ % rows.length]),
      { ratio: '≥ 0.5', uncached: '≤ 50 ms' },
    ),
  )
}

const FORCE_STATIC_FIGURE =
  'cached article page from Next alone ÷ a force-static Next page of the same size'

/** The reference page (8 KB steps) whose document is closest in size to the article's. */
export const closestReference = async (next: string, articleBytes: number) => {
  const size = async (p: string) => (await (await fetch(`${next}${p}`)).arrayBuffer()).byteLength
  let reference = { path: '', bytes: 0 }
  for (let kb = 8; kb <= 320; kb += 8) {
    const bytes = await size(`/next/reference/${kb}`)
    if (Math.abs(bytes - articleBytes) < Math.abs(reference.bytes - articleBytes)) {
      reference = { path: `/next/reference/${kb}`, bytes }
    }
    if (bytes > articleBytes) break
  }
  return reference
}

/** A cached article page from Next alone ÷ a force-static page of the same size. */
export const measureForceStatic = async (bench: Bench) => {
  const { hasArticlePage, hasReferencePages, next, load, log } = bench
  if (!hasArticlePage || !hasReferencePages) {
    bench.notMeasured(
      FORCE_STATIC_FIGURE,
      '≥ 0.9',
      `not available: ${hasArticlePage ? 'no reference pages in this build' : 'no article route in this build'}`,
    )
    return
  }
  await bench.attempt(FORCE_STATIC_FIGURE, '≥ 0.9', async () => {
    const { rows } = await bench.pool.query<{ language: string; slug: string }>(
      `SELECT language::text, slug FROM articles WHERE _status = 'published' AND deleted_at IS NULL
         ORDER BY md5(id::text || $1::text) LIMIT 1`,
      [`static-${bench.pickSeed}`],
    )
    const articlePath = `/${rows[0].language}/articles/${rows[0].slug}`
    const articleBytes = (await (await fetch(`${next}${articlePath}`)).arrayBuffer()).byteLength
    const reference = await closestReference(next, articleBytes)
    await fetch(`${next}${articlePath}`) // in Next's cache before the run
    const cached = await withServerCpu(bench, () => load(next, { path: articlePath }))
    const staticPage = await withServerCpu(bench, () => load(next, { path: reference.path }))
    log(
      `article from Next's cache ${Math.round(cached.requestsPerSecond)} req/s, force-static ${Math.round(staticPage.requestsPerSecond)} req/s`,
    )
    bench.add({
      figure: FORCE_STATIC_FIGURE,
      value: cached.requestsPerSecond / staticPage.requestsPerSecond,
      unit: '',
      goal: '≥ 0.9',
      ok: (v) => v >= 0.9,
      rps: cached.requestsPerSecond,
      cpuMs: cached.cpuMs,
      note: `${Math.round(cached.requestsPerSecond)} vs ${Math.round(staticPage.requestsPerSecond)} req/s (${reference.path}), ${(articleBytes / 1024).toFixed(0)} vs ${(reference.bytes / 1024).toFixed(0)} KB, ${bench.options.connections} connections${cached.cpuMs !== undefined && staticPage.cpuMs !== undefined ? `; server CPU per request ${cached.cpuMs.toFixed(2)} vs ${staticPage.cpuMs.toFixed(2)} ms` : ''}${cached.non2xx || staticPage.non2xx ? `, ${cached.non2xx + staticPage.non2xx} non-2xx` : ''}`,
    })
  })
}

/** The home page: cached against a bare server, and uncached. */
export const measureHomePage = (bench: Bench) =>
  bench.attempt('home page', '', () =>
    measurePage(bench, `home page ${bench.homePath}`, bench.homePath, () => bench.homePath, {
      ratio: '≥ 0.5',
      uncached: '—',
    }),
  )

const LIGHTHOUSE_FIGURE = 'Lighthouse mobile performance, article page'

/** Lighthouse: mobile performance of an article page. */
export const measureLighthouse = async (bench: Bench) => {
  if (!bench.hasArticlePage) {
    bench.notMeasured(LIGHTHOUSE_FIGURE, '≥ 95', 'not available: no article route in this build')
    return
  }
  if (!existsSync(CHROMIUM_PATH)) {
    bench.notMeasured(
      LIGHTHOUSE_FIGURE,
      '≥ 95',
      `no Chromium at ${CHROMIUM_PATH} (apt-get install chromium)`,
    )
    return
  }
  await bench.attempt(LIGHTHOUSE_FIGURE, '≥ 95', async () => {
    // A story with a hero image, as a reader's article page usually is (imported ones have none).
    const client = new pg.Client({ connectionString: bench.databaseUrl })
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
    const url = `${bench.proxyUp ? bench.proxy : bench.next}${pagePath}`
    await fetch(url) // warm the proxy's cache
    const lh = await lighthouseMobile(url, 3)
    bench.add({
      figure: LIGHTHOUSE_FIGURE,
      value: lh.score,
      unit: '',
      goal: '≥ 95',
      ok: (v) => v >= 95,
      note: `median of ${lh.scores.length} runs (${lh.scores.join(', ')}), through ${bench.proxyUp ? 'nginx' : 'Next'}; LCP ${Math.round(lh.lcpMs)} ms, TBT ${Math.round(lh.tbtMs)} ms, CLS ${lh.cls.toFixed(3)}, FCP ${Math.round(lh.fcpMs)} ms; ${lh.transferKb.toFixed(0)} KB transferred (scripts ${lh.scriptKb.toFixed(0)} KB); Lighthouse ${versionOf('lighthouse')}, CPU benchmark index ${Math.round(lh.benchmarkIndex)}`,
    })
    bench.log(`Lighthouse: ${lh.score} (${lh.scores.join(', ')})`)
  })
}
