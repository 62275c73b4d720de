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
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createWriteStream, existsSync, readFileSync, readdirSync } from 'node:fs'
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'

import autocannon from 'autocannon'
import pg from 'pg'

import { startEmbeddedPostgres, type EmbeddedServer } from '../lib/embeddedPostgres'
import { withHeapLimit } from '../lib/serverMemory'
import { searchWords } from './generate'

const root = path.resolve(import.meta.dirname, '../..')
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name)

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

const started = Date.now()
const log = (message: string) =>
  console.log(
    `\x1b[35m[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s]\x1b[0m ${message}`,
  )

// ─── processes: everything started is stopped ────────────────────────────────────────────────

const children: { name: string; proc: ChildProcess }[] = []
let database: EmbeddedServer | null = null
let workDir = ''
let stopping = false

const stopChild = async ({ proc }: { proc: ChildProcess }) => {
  if (proc.exitCode !== null || proc.signalCode !== null) return
  const exited = new Promise((resolve) => proc.once('exit', resolve))
  proc.kill('SIGTERM')
  const done = await Promise.race([
    exited.then(() => true),
    new Promise((resolve) => setTimeout(() => resolve(false), 5000)),
  ])
  if (!done) proc.kill('SIGKILL')
}

const stopAll = async () => {
  if (stopping) return
  stopping = true
  // Next (and the proxy, the bare server) before PostgreSQL.
  for (const child of [...children].reverse()) await stopChild(child)
  await database?.stop().catch(() => undefined)
  if (workDir && !args.keep) {
    await rm(workDir, { recursive: true, force: true, maxRetries: 5 }).catch((error: Error) =>
      log(`could not remove ${workDir}: ${error.message}`),
    )
  } else if (workDir) log(`kept ${workDir}`)
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    log(`${signal}: stopping everything`)
    void stopAll().then(() => process.exit(130))
  })
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })

/** Runs a command to completion, its output to a log file; rejects with the log's tail. */
const run = (name: string, cmd: string, cmdArgs: string[], env: NodeJS.ProcessEnv) =>
  new Promise<string>((resolve, reject) => {
    const logFile = path.join(workDir, `${name}.log`)
    const out = createWriteStream(logFile)
    const proc = spawn(cmd, cmdArgs, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
    children.push({ name, proc })
    let output = ''
    const collect = (chunk: Buffer) => {
      output += chunk.toString()
      out.write(chunk)
    }
    proc.stdout?.on('data', collect)
    proc.stderr?.on('data', collect)
    proc.on('exit', (code) => {
      out.end()
      if (code === 0) resolve(output)
      else
        reject(
          new Error(`${name} exited with ${code}:\n${output.split('\n').slice(-25).join('\n')}`),
        )
    })
  })

const waitFor = async (url: string, proc: ChildProcess, timeoutMs = 120_000) => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`${url}: the server exited with ${proc.exitCode}`)
    try {
      const response = await fetch(url)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`)
}

// ─── measuring ───────────────────────────────────────────────────────────────────────────────

type Load = {
  requestsPerSecond: number
  p50: number
  p95: number
  p99: number
  requests: number
  errors: number
  non2xx: number
}

const percentile = (sorted: number[], p: number) =>
  sorted.length
    ? Math.round(
        10 * sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)],
      ) / 10
    : NaN
/** autocannon against one URL (or a path chosen per request), for DURATION seconds. */
const load = async (
  base: string,
  options: {
    path?: string
    paths?: () => string
    connections?: number
    headers?: Record<string, string>
  },
): Promise<Load> => {
  const times: number[] = []
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${base}${options.path ?? '/'}`,
        connections: options.connections ?? CONNECTIONS,
        duration: DURATION,
        headers: options.headers,
        ...(options.paths
          ? { requests: [{ setupRequest: (request) => ({ ...request, path: options.paths!() }) }] }
          : {}),
      },
      (error: unknown, done: autocannon.Result) => (error ? reject(error) : resolve(done)),
    )
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime))
  })
  times.sort((a, b) => a - b)
  return {
    requestsPerSecond: result.requests.average,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  }
}

/** Peak memory of a process and its descendants, sampled from /proc. */
const memorySampler = (pid: number) => {
  let peakRss = 0
  let peakHwm = 0
  const descendants = (p: number): number[] => {
    try {
      const kids = readdirSync(`/proc/${p}/task`).flatMap((task) =>
        readFileSync(`/proc/${p}/task/${task}/children`, 'utf8')
          .trim()
          .split(/\s+/)
          .filter(Boolean)
          .map(Number),
      )
      return [p, ...kids.flatMap(descendants)]
    } catch {
      return []
    }
  }
  const kb = (status: string, field: string) =>
    Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0)
  const sample = () => {
    let rss = 0
    for (const p of descendants(pid)) {
      try {
        const status = readFileSync(`/proc/${p}/status`, 'utf8')
        rss += kb(status, 'VmRSS')
        peakHwm = Math.max(peakHwm, kb(status, 'VmHWM'))
      } catch {
        // exited between listing and reading
      }
    }
    peakRss = Math.max(peakRss, rss)
  }
  const timer = setInterval(sample, 250)
  sample()
  return {
    stop: () => {
      clearInterval(timer)
      sample()
      return { peakRssMb: peakRss / 1024, peakHwmMb: peakHwm / 1024 }
    },
  }
}

const gz = (data: string | Buffer) => gzipSync(data, { level: 6 }).length

/** HTML + the JavaScript it loads, gzip-compressed (as nginx sends it), without images. */
const pageWeight = async (base: string, pagePath: string) => {
  const html = await (await fetch(`${base}${pagePath}`)).text()
  const scripts = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]))]
  let js = 0
  for (const src of scripts) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer())
    js += gz(body)
  }
  return { htmlKb: gz(html) / 1024, jsKb: js / 1024, scripts: scripts.length }
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

const fmt = (value: number | null, unit: string) =>
  value === null
    ? 'not measured'
    : `${value >= 100 ? Math.round(value).toLocaleString('en') : value.toFixed(value >= 10 ? 1 : 2)}${unit ? ` ${unit}` : ''}`

const versionOf = (name: string) => {
  try {
    return JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8'))
      .version as string
  } catch {
    return 'unknown'
  }
}

// ─── the run ─────────────────────────────────────────────────────────────────────────────────

const main = async () => {
  const watchdog = setTimeout(
    () => {
      log(`gave up after ${args.timeout} minutes`)
      void stopAll().then(() => process.exit(1))
    },
    Number(args.timeout) * 60_000,
  )
  watchdog.unref()

  const loadAtStart = os.loadavg()
  workDir = await mkdtemp(path.join(os.tmpdir(), 'newsroom-bench-'))
  // World-readable: as root, PostgreSQL runs as the OS user `postgres`.
  await chmod(workDir, 0o755)
  const dataFile = path.join(workDir, 'articles.ndjson')
  const mediaDir = path.join(workDir, 'media')
  await mkdir(mediaDir)
  log(`${ARTICLES} articles; working in ${workDir}`)

  // The data file is written while the database starts, migrates and is seeded.
  const generating = run(
    'generate',
    bin('tsx'),
    [
      'scripts/bench/generate.ts',
      '--articles',
      String(ARTICLES),
      '--seed',
      String(args.seed),
      '--out',
      dataFile,
    ],
    { ...process.env },
  )

  database = await startEmbeddedPostgres({
    dataDir: path.join(workDir, 'postgres'),
    port: Number(process.env.EMBEDDED_PG_PORT) || (await freePort()),
  })
  await database.createDatabase('bench')
  const databaseUrl = database.urlFor('bench')
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PAYLOAD_SECRET: 'bench-secret',
    MEDIA_DIR: mediaDir,
    // Payload's CLI imports Lexical; plain Node 20 sometimes quits on its top-level await
    // without this condition (shared STACK-NOTES).
    NODE_OPTIONS: '--no-deprecation --conditions=development',
  }
  log(`PostgreSQL on 127.0.0.1:${database.port}; migrating and seeding the demo newsroom`)
  await run('migrate', bin('payload'), ['migrate'], env)
  const probe = new pg.Client({ connectionString: databaseUrl })
  await probe.connect()
  const { rows: tables } = await probe.query<{ t: string | null }>(
    `SELECT to_regclass('public.articles')::text AS t`,
  )
  await probe.end()
  if (!tables[0]?.t) throw new Error('`payload migrate` exited without migrating (see migrate.log)')
  await run('seed', bin('payload'), ['run', 'scripts/seed.ts'], env)
  await generating
  log('importing')
  const importOutput = await run(
    'import',
    bin('payload'),
    ['run', 'scripts/import.ts', dataFile],
    env,
  ).catch((error: Error) => error.message)
  const summaryLine = /IMPORT_SUMMARY (.+)/.exec(importOutput)?.[1]
  if (!summaryLine) throw new Error(`the import printed no summary:\n${importOutput.slice(-2000)}`)
  const imported = JSON.parse(summaryLine) as {
    imported: number
    failed: number
    seconds: number
    articlesPerSecond: number
    cpuSeconds: { importer: number; database: number | null }
  }
  const cpuMs =
    (1000 * (imported.cpuSeconds.importer + (imported.cpuSeconds.database ?? 0))) /
    Math.max(imported.imported, 1)
  log(
    `imported ${imported.imported} (${imported.failed} failed) in ${imported.seconds.toFixed(1)} s: ${Math.round(imported.articlesPerSecond)} articles/s`,
  )
  add({
    figure: 'bulk import',
    value: imported.articlesPerSecond,
    unit: 'articles/s',
    goal: '≥ 500',
    ok: (v) => v >= 500,
    note: `${imported.imported} articles in ${imported.seconds.toFixed(1)} s, ${imported.failed} failed; CPU ${cpuMs.toFixed(2)} ms per article (importer ${imported.cpuSeconds.importer.toFixed(1)} s + database ${imported.cpuSeconds.database?.toFixed(1) ?? '?'} s)`,
  })
  await rm(dataFile, { force: true })

  // ── the production build ──
  if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    log('no production build: running `npm run build`')
    await run('build', 'npm', ['run', 'build'], { ...process.env })
  }
  const routes = Object.values(
    JSON.parse(
      await readFile(path.join(root, '.next', 'app-path-routes-manifest.json'), 'utf8'),
    ) as Record<string, string>,
  )
  const hasArticlePage = routes.includes('/[lang]/articles/[slug]')
  const homePath = routes.includes('/[lang]') ? '/en' : '/'
  const previewModeId = (
    JSON.parse(await readFile(path.join(root, '.next', 'prerender-manifest.json'), 'utf8')) as {
      preview: { previewModeId: string }
    }
  ).preview.previewModeId

  // Entries of an earlier run (another database) must not answer this run's reads.
  await rm(path.join(root, '.next', 'cache', 'fetch-cache'), { recursive: true, force: true })
  const nextPort = await freePort()
  const next = `http://127.0.0.1:${nextPort}`
  const nextProc = spawn(bin('next'), ['start', '-H', '127.0.0.1', '-p', String(nextPort)], {
    cwd: root,
    // Started as `npm start` and the Dockerfile start it: with the production heap limit.
    env: {
      ...env,
      NODE_ENV: 'production',
      SERVER_URL: next,
      NODE_OPTIONS: withHeapLimit('--no-deprecation', env),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  nextProc.stderr?.pipe(createWriteStream(path.join(workDir, 'next.log')))
  children.push({ name: 'next', proc: nextProc })
  await waitFor(`${next}${homePath}`, nextProc)
  const memory = memorySampler(nextProc.pid!)
  log(`next start on ${next}`)

  // ── nginx with the deployment's config ──
  const proxyPort = await freePort()
  const proxy = `http://127.0.0.1:${proxyPort}`
  let proxyUp = false
  await attempt('proxy', '', async () => {
    const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find(existsSync)
    if (!nginx) throw new Error('nginx is not installed (apt-get install -y nginx-light)')
    const dir = path.join(workDir, 'nginx')
    await mkdir(path.join(dir, 'cache'), { recursive: true })
    const config = (await readFile(path.join(root, 'deploy', 'nginx.conf'), 'utf8'))
      .replace(/^.*# bench: pid$/m, `pid ${dir}/nginx.pid;`)
      .replace(/^.*# bench: error_log$/m, `error_log ${dir}/error.log warn;`)
      .replace(/^(\s*)(\w+_temp_path) \S+; # bench: temp$/gm, `$1$2 ${dir}/$2;`)
      .replace(/(proxy_cache_path )\S+( .*); # bench: cache$/m, `$1${dir}/cache$2;`)
      .replace(/server app:3000; # bench: upstream/, `server 127.0.0.1:${nextPort};`)
      .replace(/listen 80; # bench: listen/, `listen 127.0.0.1:${proxyPort};`)
    const configFile = path.join(dir, 'nginx.conf')
    await writeFile(configFile, config)
    const proc = spawn(nginx, ['-c', configFile, '-p', dir, '-g', 'daemon off;'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    proc.stderr?.pipe(createWriteStream(path.join(dir, 'stderr.log')))
    children.push({ name: 'nginx', proc })
    await waitFor(`${proxy}${homePath}`, proc, 15_000)
    proxyUp = true
    log(`nginx on ${proxy}`)
  })

  /** A bare Node server answering every request with these bytes, in its own process. */
  const bareServer = async (body: Buffer) => {
    const file = path.join(workDir, `bare-${Date.now()}.html`)
    await writeFile(file, body)
    const port = await freePort()
    const proc = spawn(
      process.execPath,
      [
        '-e',
        `const body = require('fs').readFileSync(process.argv[1]);
         require('http').createServer((req, res) => {
           res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
           res.end(body);
         }).listen(Number(process.argv[2]), '127.0.0.1');`,
        file,
        String(port),
      ],
      { stdio: 'ignore' },
    )
    children.push({ name: 'bare', proc })
    await waitFor(`http://127.0.0.1:${port}/`, proc, 10_000)
    return {
      url: `http://127.0.0.1:${port}`,
      stop: () => stopChild({ proc }),
    }
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
    log(`${label} from Next alone (data cache warm): ${Math.round(direct.requestsPerSecond)} req/s`)
    add({
      figure: `${label} from Next alone, data cache warm ÷ bare Node server`,
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
    const weight = await pageWeight(proxyUp ? proxy : next, pagePath)
    add({
      figure: `${label} weight: HTML + JS, gzip, without images`,
      value: weight.htmlKb + weight.jsKb,
      unit: 'KB',
      goal: label.startsWith('article') ? '≤ 100' : '—',
      ok: label.startsWith('article') ? (v) => v <= 100 : undefined,
      note: `HTML ${weight.htmlKb.toFixed(1)} KB + ${weight.scripts} scripts ${weight.jsKb.toFixed(1)} KB`,
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
      'article page weight: HTML + JS, gzip, without images',
      '≤ 100 KB',
      'not available: no article route in this build',
    )
  }
  notMeasured(
    'cached article page from Next alone ÷ a force-static Next page of the same size',
    '≥ 0.9',
    'not measured: needs the article route and a force-static page of the same size',
  )
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

  // ── publish → visible on the home page, from Next and through the proxy ──
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
      // Make sure the page is cached before the publish.
      await fetch(`${base}${homePath}`)
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
      const { doc } = (await created.json()) as { doc: { id: number } }
      const t0 = performance.now()
      const published = await fetch(`${next}/api/articles/${doc.id}/transition`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ transition: 'publish' }),
      })
      if (!published.ok) throw new Error(`publish: ${published.status} ${await published.text()}`)
      const publishMs = performance.now() - t0
      let visibleMs: number | null = null
      while (performance.now() - t0 < 10_000) {
        const html = await (await fetch(`${base}${homePath}`)).text()
        if (html.includes(title)) {
          visibleMs = performance.now() - t0
          break
        }
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      add({
        figure: `publish → visible on the home page, ${where === 'Next' ? 'from Next' : 'through the proxy'}`,
        value: visibleMs,
        unit: 'ms',
        goal: '≤ 1000 ms',
        ok: (v) => v <= 1000,
        note:
          visibleMs === null
            ? 'not visible within 10 s'
            : `from sending the publish (which took ${Math.round(publishMs)} ms) to the first page that shows it`,
      })
      log(
        `publish → visible via ${where}: ${visibleMs === null ? 'not within 10 s' : `${Math.round(visibleMs)} ms`}`,
      )
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

  notMeasured(
    'Lighthouse mobile performance, article page',
    '≥ 95',
    'not measured (optional for now)',
  )
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
  const machine = {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    loadAverageAtStart: loadAtStart.map((n) => Number(n.toFixed(2))),
    loadAverageAtEnd: os.loadavg().map((n) => Number(n.toFixed(2))),
  }
  const nginxVersion =
    spawnSync('nginx', ['-v'], { encoding: 'utf8' })
      .stderr?.trim()
      .replace('nginx version: ', '') || 'not installed'
  const versions = {
    next: versionOf('next'),
    payload: versionOf('payload'),
    react: versionOf('react'),
    autocannon: versionOf('autocannon'),
    postgresql: await (async () => {
      const client = new pg.Client({ connectionString: databaseUrl })
      await client.connect()
      const { rows } = await client.query<{ server_version: string }>('SHOW server_version')
      await client.end()
      return rows[0].server_version
    })(),
    nginx: nginxVersion,
  }
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
${LATENCY_CONNECTIONS}. Uncached renders send Next's draft-mode cookie, which makes \`unstable_cache\` neither read nor
write its entries: every request reads the database and renders.

${table}
`
  console.log(`\n${table}\n`)
  await mkdir(path.join(root, 'bench', 'results'), { recursive: true })
  await writeFile(path.join(root, 'bench', 'results', 'latest.md'), markdown)
  await writeFile(
    path.join(root, 'bench', 'results', 'latest.json'),
    `${JSON.stringify(result, null, 2)}\n`,
  )
  log('wrote bench/results/latest.md and latest.json')
}

main()
  .then(async () => {
    await stopAll()
    process.exit(0)
  })
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    await stopAll()
    process.exit(1)
  })
