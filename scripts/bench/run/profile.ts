/**
 * `--profile`: where `next start` spends its time on a cached article page, against a
 * force-static page of the same size. For each case, one `next start` of this tree's build under
 * `node --cpu-prof`, a warm-up, autocannon on that one page from Next alone, then SIGINT (Next
 * exits itself and Node writes the profile on exit). Each .cpuprofile is summarised into
 * bench/results/profile-<case>.md: the samples, the top functions by self time, the top of Next's
 * request path by inclusive time, and the shares of the steps a request goes through.
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'

import { searchWords } from '../generate'
import {
  load as autocannonLoad,
  productionBuild,
  root,
  startNext,
  summariseProfile,
  withSources,
  codeAt,
  IDLE,
  cpuMsOf,
  type CpuProfile,
  type Frame,
  type FunctionTime,
  type ProfileSummary,
  type Session,
  writeResults,
  versionOf,
} from '../lib'
import { commitOf } from './compare'
import type { Bench } from './context'
import { closestReference } from './pages'

export type ProfileContext = {
  session: Session
  log: (message: string) => void
  workDir: string
  env: NodeJS.ProcessEnv
  pool: Bench['pool']
  connections: number
  /** connections for the cases of many pages (uncached renders, queries), as their figures use */
  latencyConnections: number
  seconds: number
  /** the cases to run (names); all when empty */
  cases: string[]
  /** where the .cpuprofile files are written (kept with `--keep`) */
  profileDir: string
}

/**
 * Steps of a request, each recognised by a frame on the sample's stack (the first that matches,
 * in this order, takes the sample), by the frame's original place where a source map gives one
 * (Next's runtimes and the build's chunks are bundled), else its script. Next 16.4's files; a
 * step missing from a profile has no frame there.
 */
export const STEPS: { step: string; match: (frame: Frame) => boolean }[] = [
  {
    step: 'loading code: compiling and instantiating modules (start-up and first requests, not per request)',
    match: ({ name, url }) =>
      /^(wrapSafe|compileFunction|Module\._load|Module\._compile|instantiateModule|loadRuntimeChunkPath|requirePage|loadComponentsImpl)$/.test(
        name,
      ) || /^node:internal\/modules\//.test(url),
  },
  {
    step: "the ETag: Next's fnv1a52 hash of the whole body on every response (send-payload's generateETag)",
    match: ({ code, original }) =>
      (/charCodeAt/.test(code) && /435\*/.test(code)) ||
      /\b(generateETag|fnv1a52)\b/.test(original),
  },
  {
    step: "the app's request proxy (src/proxy.ts with next-intl and the redirect snapshot, Next's middleware adapter)",
    match: ({ original, url, name }) =>
      /src\/proxy\.ts|redirectSnapshot|next-intl|server\/web\/(adapter|sandbox)|\/middleware/.test(
        original || url,
      ) || /^(runMiddleware|handleMiddleware)$/.test(name),
  },
  {
    step: "the incremental cache: reading the entry, checking its tags' expiry, the response cache",
    match: ({ original, url }) =>
      /incremental-cache|response-cache|tags-manifest|cache-handlers|implicit-tags|revalidat/.test(
        original || url,
      ),
  },
  {
    step: 'rendering, or sending the cached HTML/RSC (app-render, React, stream helpers)',
    match: ({ original, url }) =>
      /app-render\/|react-server-dom|react-dom|stream-utils|node-web-streams|render-result|send-payload|send-response/.test(
        original || url,
      ),
  },
  {
    step: "routing: the router server, matching the route and its params, base-server's request handling, the page's route module",
    match: ({ original, url }) =>
      /router-utils|route-matcher|router-server|normalizers|base-server|next-server|route-modules|templates\/app-page|resolve-routes|server-utils|request-meta|start-server/.test(
        original || url,
      ),
  },
  {
    step: 'HTTP: Node parsing requests, writing responses, sockets',
    match: ({ url, name }) =>
      /^node:(_http|http|net|stream|internal\/(http|streams|stream_base|net))/.test(url) ||
      /^(writeGeneric|writev|onStreamRead|parserOnHeadersComplete|parserOnIncoming)$/.test(name),
  },
]

const pct = (us: number, of: number) => (of ? `${((100 * us) / of).toFixed(1)} %` : '—')

/** A script's URL shortened to what tells it apart: the package path, or the build's chunk. */
const fileLabel = (url: string) => {
  const file = url.replace(/^file:\/\//, '')
  const inModules = file.lastIndexOf('/node_modules/')
  if (inModules >= 0) return file.slice(inModules + '/node_modules/'.length)
  const inBuild = file.indexOf('/.next/')
  if (inBuild >= 0) return file.slice(inBuild + 1)
  return file
}

/** The summary of one profile as Markdown. */
export const profileMarkdown = (
  summary: ProfileSummary,
  {
    title,
    about,
    top = 30,
    nextTop = 40,
    cpuMsPerRequest,
  }: {
    title: string
    about: string
    top?: number
    nextTop?: number
    /** the server's CPU per request during the load: each step's share is also given in ms */
    cpuMsPerRequest?: number
  },
) => {
  const busyUs = summary.totalUs - summary.idleUs
  const label = (fn: FunctionTime) => {
    const code = fn.name === '(anonymous)' || fn.name.length <= 2 ? codeAt(fn, 60) : ''
    return `\`${fn.name}\`${fn.source ? ` → ${fn.source}` : ''}${code ? ` · code \`${code.replace(/`/g, "'").replace(/\|/g, '\\|')}…\`` : ''}`
  }
  const row = (fn: FunctionTime, i: number) =>
    fn.name === IDLE
      ? `| ${i + 1} | \`${fn.name}\` | — | ${pct(fn.selfUs, summary.totalUs)} | — | — |`
      : `| ${i + 1} | ${label(fn)} | ${fn.file || '—'}${fn.file ? `:${fn.line}` : ''} | ${pct(fn.selfUs, summary.totalUs)} | ${pct(fn.selfUs, busyUs)} | ${pct(fn.inclusiveUs, busyUs)} |`
  const bySelf = withSources(
    [...summary.functions]
      .filter((fn) => fn.name !== '(root)')
      .sort((a, b) => b.selfUs - a.selfUs)
      .slice(0, top),
  )
  const nextPath = withSources(
    summary.functions
      .filter((fn) => /\/next\/dist\/|\/\.next\/server\//.test(fn.url))
      .sort((a, b) => b.inclusiveUs - a.inclusiveUs)
      .slice(0, nextTop),
  )
  let claimed = 0
  const steps = STEPS.map(({ step }, index) => {
    // A sample counts for the first step (in STEPS' order) with a frame on its stack.
    const us = summary.inclusiveOf((frame) => STEPS.slice(0, index + 1).some((s) => s.match(frame)))
    const own = us - claimed
    claimed = us
    return { step, us: own }
  })
  const perRequest = (us: number) =>
    cpuMsPerRequest === undefined || !busyUs ? '—' : ((us / busyUs) * cpuMsPerRequest).toFixed(2)
  const byFile = new Map<string, { us: number; inclusiveUs: number }>()
  for (const fn of summary.functions) {
    if (fn.name === IDLE || fn.name === '(root)') continue
    const file = fn.url ? fileLabel(fn.url) : `(V8: ${fn.name})`
    const entry = byFile.get(file) ?? { us: 0, inclusiveUs: 0 }
    entry.us += fn.selfUs
    byFile.set(file, entry)
  }
  const files = [...byFile.entries()].sort((a, b) => b[1].us - a[1].us).slice(0, 20)
  return `# ${title}

${about}

Samples: ${summary.samples.toLocaleString('en')} over ${(summary.totalUs / 1e6).toFixed(1)} s of profile; idle ${pct(summary.idleUs, summary.totalUs)}, so ${(busyUs / 1e6).toFixed(1)} s busy ("busy" below: every sample but \`(idle)\`; with \`--profile\`, of the load only).

## The steps of a request (inclusive, share of the busy samples)

Each sample counts once, for the first step in this list with a frame on its stack (so the proxy's own
rendering work counts as the proxy's). The rest is what none of them holds: garbage collection, V8's
\`(program)\`, timers, start-up.

| step | share of busy | ms per request |
| --- | --- | --- |
${steps.map((s) => `| ${s.step} | ${pct(s.us, busyUs)} | ${perRequest(s.us)} |`).join('\n')}
| none of the above | ${pct(busyUs - claimed, busyUs)} | ${perRequest(busyUs - claimed)} |

## Self time by script (top 20)

| script | self, % of busy |
| --- | --- |
${files.map(([file, { us }]) => `| ${file} | ${pct(us, busyUs)} |`).join('\n')}

## Top ${top} functions by self time

| # | function | file:line | self, % of all | self, % of busy | inclusive, % of busy |
| --- | --- | --- | --- | --- | --- |
${bySelf.map(row).join('\n')}

## Next's request path: top ${nextTop} of its functions by inclusive time

Functions in \`next/dist/\` and the build's own \`.next/server/\` chunks.

| # | function | file:line | self, % of all | self, % of busy | inclusive, % of busy |
| --- | --- | --- | --- | --- | --- |
${nextPath.map(row).join('\n')}
`
}

/** The largest .cpuprofile in `dir` (one server, one profile; a stray second one is smaller). */
const profileIn = async (dir: string) => {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.cpuprofile'))
  if (!files.length) throw new Error(`no .cpuprofile in ${dir}: did next start exit cleanly?`)
  const sized = await Promise.all(
    files.map(async (f) => ({ f, size: (await stat(path.join(dir, f))).size })),
  )
  const largest = sized.sort((a, b) => b.size - a.size)[0].f
  return path.join(dir, largest)
}

type Case = {
  name: string
  title: string
  /** the one page under load, or (with `paths`) the first of many */
  pathOf: (next: string) => Promise<string>
  /** each request's path, where the case is many pages (first reads, queries) */
  paths?: () => string
  headers?: Record<string, string>
  /** what `paths` requests, for the summary */
  about?: string
}

/** One case: its own server under the profiler, warm-up, load, SIGINT, the summary. */
const profileCase = async (
  ctx: ProfileContext,
  build: Awaited<ReturnType<typeof productionBuild>>,
  profileCase: Case,
) => {
  const { session, log } = ctx
  const dir = path.join(ctx.profileDir, profileCase.name)
  const next = await startNext(session, ctx.env, build.homePath, {
    label: `next-profile-${profileCase.name}`,
    nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`],
  })
  const pagePath = await profileCase.pathOf(next.url)
  const { headers } = profileCase
  const page = await fetch(`${next.url}${pagePath}`, { headers })
  const bytes = (await page.arrayBuffer()).byteLength
  if (!page.ok) throw new Error(`${pagePath}: ${page.status}`)
  for (let i = 0; i < 20; i++) {
    const warm = profileCase.paths?.() ?? pagePath
    await (await fetch(`${next.url}${warm}`, { headers })).arrayBuffer()
  }
  // The load's window (the profile's clock) and the server's CPU time across it.
  const fromUs = Number(process.hrtime.bigint() / 1000n)
  const cpuBefore = cpuMsOf(next.proc.pid!)
  const result = await autocannonLoad(next.url, {
    path: pagePath,
    paths: profileCase.paths,
    headers,
    connections: profileCase.paths ? ctx.latencyConnections : ctx.connections,
    duration: ctx.seconds,
  })
  const cpuMsPerRequest = (cpuMsOf(next.proc.pid!) - cpuBefore) / Math.max(1, result.requests)
  const window = { fromUs, toUs: Number(process.hrtime.bigint() / 1000n) }
  log(
    `profile ${profileCase.name}: ${pagePath}, ${Math.round(result.requestsPerSecond)} req/s, p95 ${result.p95} ms`,
  )
  // SIGINT: Next's own handler exits the process, and Node writes the profile on exit.
  await next.stop('SIGINT', 120_000)
  if (next.proc.exitCode === null && next.proc.signalCode === 'SIGKILL') {
    throw new Error(`next start did not exit on SIGINT within 120 s: no profile`)
  }
  const file = await profileIn(dir)
  // The load alone: start-up, the first render and the warm-up left out.
  const summary = summariseProfile(JSON.parse(await readFile(file, 'utf8')) as CpuProfile, window)
  const about = `${new Date().toISOString()} · \`next start\` of this tree's build (${commitOf(root)}, build ${build.buildId}) under \`node --cpu-prof\`, Next ${versionOf('next')}, Node ${process.version};
${profileCase.paths ? `${profileCase.about} (the first: \`${pagePath}\`, ${(bytes / 1024).toFixed(0)} KB)` : `\`${pagePath}\` (${(bytes / 1024).toFixed(0)} KB of HTML)`} from Next alone, ${profileCase.paths ? ctx.latencyConnections : ctx.connections} connections for ${ctx.seconds} s after 21 requests
of warm-up: ${Math.round(result.requestsPerSecond)} req/s, p50 ${result.p50} ms, p95 ${result.p95} ms, ${result.non2xx} non-2xx;
the server's CPU time (user + system, /proc) ${cpuMsPerRequest.toFixed(2)} ms per request. Only the samples taken during the load are
summarised (start-up, first render and warm-up left out); "ms per request" below is a share × that CPU time.
Profile: \`${path.basename(file)}\` (kept in ${dir} with \`--keep\`). \`npm run bench -- --profile\` (README, "Benchmark").`
  const markdown = profileMarkdown(summary, { title: profileCase.title, about, cpuMsPerRequest })
  await writeResults(`profile-${profileCase.name}`, markdown, {
    case: profileCase.name,
    title: profileCase.title,
    about,
    file,
    window,
    cpuMsPerRequest,
    path: pagePath,
    bytes,
    load: result,
    samples: summary.samples,
    totalUs: summary.totalUs,
    idleUs: summary.idleUs,
    topSelf: [...summary.functions]
      .sort((a, b) => b.selfUs - a.selfUs)
      .slice(0, 100)
      .map(({ name, file: f, line, selfUs, inclusiveUs }) => ({
        name,
        file: f,
        line,
        selfUs,
        inclusiveUs,
      })),
  })
  log(`wrote bench/results/profile-${profileCase.name}.md`)
  return { pagePath, bytes }
}

/**
 * The cases, one server start each: the cached article page and a force-static page of the
 * same size (the Next-alone ratio), then what misses every cache: article renders in draft mode
 * (Next's page cache and the data cache skipped, no session: the reader's SQL path), first reads
 * of articles (rendered, then kept in Next's caches, as the load run's), the REST list by section
 * and the search page, each as the benchmark's figure requests it.
 */
export const runProfiles = async (ctx: ProfileContext) => {
  const build = await productionBuild(ctx.session, { referencePages: true })
  if (!build.hasArticlePage || !build.hasReferencePages) {
    throw new Error('--profile needs a build with the article route and the reference pages')
  }
  const wanted = (name: string) => !ctx.cases.length || ctx.cases.includes(name)
  const { rows } = await ctx.pool.query<{ language: string; slug: string }>(
    `SELECT language::text, slug FROM articles WHERE _status = 'published' AND deleted_at IS NULL
       ORDER BY id LIMIT 4000`,
  )
  if (!rows[0]) throw new Error('no published article')
  const pathOfRow = (row: { language: string; slug: string }) =>
    `/${row.language}/articles/${encodeURIComponent(row.slug)}`
  const articlePath = pathOfRow(rows[0])
  let bytes = 0
  if (wanted('article-cached') || wanted('force-static')) {
    const article = await profileCase(ctx, build, {
      name: 'article-cached',
      title:
        'CPU profile: a cached article page from Next alone (tagged ISR hit of a dynamic route)',
      pathOf: async () => articlePath,
    })
    bytes = article.bytes
  }
  if (wanted('force-static')) {
    await profileCase(ctx, build, {
      name: 'force-static',
      title: 'CPU profile: a force-static page of the same size from Next alone',
      pathOf: async (next) => (await closestReference(next, bytes)).path,
    })
  }
  if (wanted('article-uncached')) {
    let i = 1
    await profileCase(ctx, build, {
      name: 'article-uncached',
      title:
        "CPU profile: uncached article renders from Next alone (draft mode's cookie, no session)",
      about: `${rows.length} published articles in turn, each with Next's draft-mode cookie`,
      pathOf: async () => articlePath,
      paths: () => pathOfRow(rows[i++ % rows.length]),
      headers: { cookie: `__prerender_bypass=${build.previewModeId}` },
    })
  }
  if (wanted('article-first-read')) {
    // Other articles than the uncached case's: each one's first request, as a reader's.
    let i = rows.length - 1
    await profileCase(ctx, build, {
      name: 'article-first-read',
      title: 'CPU profile: first reads of article pages from Next alone (rendered and cached)',
      about: `up to ${rows.length} published articles, each requested once, no cookie`,
      pathOf: async () => pathOfRow(rows[i--]),
      paths: () => pathOfRow(rows[Math.max(0, i--)]),
    })
  }
  if (wanted('rest-list')) {
    const { rows: sections } = await ctx.pool.query<{ id: number }>(
      `SELECT category_id AS id FROM articles WHERE _status = 'published' AND category_id IS NOT NULL
         GROUP BY category_id ORDER BY count(*) DESC`,
    )
    const listPath = (id: number) => `/api/articles?where[category][equals]=${id}&limit=20&depth=1`
    let i = 1
    await profileCase(ctx, build, {
      name: 'rest-list',
      title: 'CPU profile: REST GET /api/articles by section, 20 items, depth 1',
      about: `${sections.length} sections in turn`,
      pathOf: async () => listPath(sections[0].id),
      paths: () => listPath(sections[i++ % sections.length].id),
    })
  }
  if (wanted('search')) {
    const words = searchWords()
    let i = 1
    const searchPath = (n: number) =>
      `/en/search?q=${words[n % words.length]}+${words[Math.floor(n / words.length) % words.length]}&page=${1 + Math.floor(n / words.length ** 2)}`
    await profileCase(ctx, build, {
      name: 'search',
      title: 'CPU profile: the search page, two-word queries (the data cache misses)',
      about: 'distinct two-word English queries, as the search figure makes them',
      pathOf: async () => searchPath(0),
      paths: () => searchPath(i++),
    })
  }
}
