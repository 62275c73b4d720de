/**
 * The benchmark (`npm run bench -- --articles 5000`; README, "Benchmark"):
 *
 * 1. a fresh embedded PostgreSQL in a temporary folder, migrated, with the demo newsroom seeded;
 * 2. N generated articles (scripts/bench/generate.ts) loaded by the bulk importer;
 * 3. the production build (`next build` first when .next/BUILD_ID is missing) under `next start`,
 *    nginx with deploy/nginx.conf in front of it, and a bare Node `http` server returning the
 *    same bytes as the page under test, all on 127.0.0.1;
 * 4. load from autocannon on 127.0.0.1, bounded in time; the table is printed and written to
 *    bench/results/latest.md and latest.json (`--out <name>`: <name>.md and .json).
 *
 * `--instances 2` (or more) starts the production topology instead of step 3 (scripts/lib/stack,
 * ./run/stack.ts): the instances behind nginx, Redis, the worker, a streaming replica cloned from
 * the benchmark's database, media in Swift's S3 API. Today's figures are measured against
 * instance A where they use "Next" and through the topology's nginx where they use the proxy;
 * added: publish → visible across instances, readers during a rolling restart, each part's size.
 *
 * `--baseline <dir>` (./run/compare.ts): the figures of pages and queries (and a short load run)
 * for the build in <dir> (another checkout: the commit before a change) and this tree's build,
 * on the same database, alternately, `--reps` times; bulk import, publish and Lighthouse for this
 * tree's build only. Written to bench/results/compare.md and .json (`--out` to rename).
 *
 * `--profile` (./run/profile.ts): after the set-up, this tree's `next start` under
 * `node --cpu-prof` on a cached article page, a force-static page of the same size, uncached article
 * renders, the REST list and search (one server each; `--profile-cases` to pick); summaries in
 * bench/results/profile-<case>.md. Nothing else is measured.
 *
 * Everything it starts (PostgreSQL, next, nginx, the bare server) is stopped at the end, on
 * failure and on Ctrl-C. No test runs it and no test fails on a timing.
 *
 * `main` reads as its phases: set up (database and import), start the site, measure (each
 * figure in ./run/: pages, queries, publish), report.
 */
import { existsSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

import pg from 'pg'

import {
  createSession,
  machineInfo,
  memorySampler,
  prepareDatabase,
  productionBuild,
  root,
  startNext,
  startProxy,
  versionsOf,
  freePort,
  writeResults,
} from './lib'
import {
  commitOf,
  compareRows,
  compareTable,
  notesSection,
  repsTable,
  runCompare,
  type CompareSite,
} from './run/compare'
import { loadFor, type Bench, type BenchOptions } from './run/context'
import { createFigures, figuresTable, type Figure, type Figures } from './run/figures'
import {
  measureArticlePages,
  measureForceStatic,
  measureHomePage,
  measureLighthouse,
} from './run/pages'
import { runProfiles } from './run/profile'
import { measurePublish, measurePublishAcross } from './run/publish'
import { measureRestBySection, measureSearch } from './run/queries'
import { measureRollingRestart } from './run/restart'
import { startTopology } from './run/stack'

const { values: args } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    /** seconds of load per figure */
    duration: { type: 'string', default: '5' },
    /** connections for the throughput figures */
    connections: { type: 'string', default: '50' },
    /** connections for the latency (p95) figures: a few readers at once, not a queue */
    'latency-connections': { type: 'string', default: '4' },
    /** keep the temporary folder (database, logs, data file) */
    keep: { type: 'boolean', default: false },
    /** give up after this many minutes */
    timeout: { type: 'string', default: '90' },
    /** app instances: 1 is one next start behind nginx; 2 or more start the topology */
    instances: { type: 'string', default: '1' },
    /** the results' name: bench/results/<out>.md and .json (latest; compare with --baseline) */
    out: { type: 'string' },
    /** another checkout (the commit before a change), measured against this tree alternately */
    baseline: { type: 'string' },
    /** with --baseline: repetitions of each build */
    reps: { type: 'string', default: '3' },
    /** with --baseline: the load run's readers and seconds */
    'load-connections': { type: 'string', default: '100' },
    'load-seconds': { type: 'string', default: '20' },
    /** CPU profiles of a cached article page and a force-static page (nothing else measured) */
    profile: { type: 'boolean', default: false },
    /** with --profile: the cases to run, comma-separated (all when not given; ./run/profile.ts) */
    'profile-cases': { type: 'string', default: '' },
    /** with --profile: seconds of load per case */
    'profile-seconds': { type: 'string', default: '20' },
  },
})
const options: BenchOptions = {
  articles: Number(args.articles),
  seed: Number(args.seed),
  duration: Number(args.duration),
  connections: Number(args.connections),
  latencyConnections: Number(args['latency-connections']),
  instances: Number(args.instances),
}
if (!Number.isInteger(options.instances) || options.instances < 1) {
  throw new Error(`--instances: a whole number ≥ 1, not ${args.instances}`)
}
const out = args.out ?? (args.baseline ? 'compare' : 'latest')
if (!/^[\w.-]+$/.test(out)) throw new Error(`--out: a file name, not ${out}`)
const reps = Number(args.reps)
if (!Number.isInteger(reps) || reps < 1)
  throw new Error(`--reps: a whole number ≥ 1, not ${args.reps}`)
const baselineDir = args.baseline ? path.resolve(args.baseline) : null
if (baselineDir) {
  if (options.instances > 1) throw new Error('--baseline measures one instance of each build')
  if (!existsSync(path.join(baselineDir, 'node_modules', 'next'))) {
    throw new Error(`--baseline: ${baselineDir} is no checkout with its node_modules`)
  }
}

const session = createSession({
  name: 'bench',
  keep: args.keep,
  timeoutMinutes: Number(args.timeout),
})
const { log } = session

// ─── the phases ──────────────────────────────────────────────────────────────────────────────

/** A fresh database with the demo newsroom and the generated articles, imported: a figure. */
const setUp = async (figures: Figures) => {
  const workDir = await session.makeWorkDir()
  log(`${options.articles} articles; working in ${workDir}`)
  const prepared = await prepareDatabase(session, {
    articles: options.articles,
    seed: options.seed,
  })
  const { imported } = prepared
  const cpuMs =
    (1000 * (imported.cpuSeconds.importer + (imported.cpuSeconds.database ?? 0))) /
    Math.max(imported.imported, 1)
  figures.add({
    figure: 'bulk import',
    value: imported.articlesPerSecond,
    unit: 'articles/s',
    goal: '≥ 500',
    ok: (v) => v >= 500,
    note: `${imported.imported} articles in ${imported.seconds.toFixed(1)} s, ${imported.failed} failed; CPU ${cpuMs.toFixed(2)} ms per article (importer ${imported.cpuSeconds.importer.toFixed(1)} s + database ${imported.cpuSeconds.database?.toFixed(1) ?? '?'} s)`,
  })
  return { ...prepared, workDir }
}

/** The production build (with the reference pages) under next start, nginx in front of it. */
const startSite = async (figures: Figures, env: NodeJS.ProcessEnv) => {
  const build = await productionBuild(session, { referencePages: true })
  // A publish asks nginx's refresh port for the changed pages (PROXY_REFRESH_URL).
  const refreshPort = await freePort()
  const next = await startNext(
    session,
    { ...env, PROXY_REFRESH_URL: `http://127.0.0.1:${refreshPort}` },
    build.homePath,
  )
  const memory = memorySampler(next.proc.pid!)
  let proxy = ''
  let proxyUp = false
  await figures.attempt('proxy', '', async () => {
    proxy = (await startProxy(session, next.port, build.homePath, refreshPort)).url
    proxyUp = true
  })
  /** Today's figure: the peak RSS of next start and its children. */
  const finishMemory = () => {
    const { peakRssMb, peakHwmMb } = memory.stop()
    figures.add({
      figure: 'server peak RSS during the run (next start and its children)',
      value: peakRssMb,
      unit: 'MB',
      goal: '≤ 600 MB',
      ok: (v) => v <= 600,
      note: `largest VmHWM of one process ${peakHwmMb.toFixed(0)} MB; sampled every 250 ms from /proc`,
    })
    return null
  }
  return { ...build, next: next.url, stack: null, proxy, proxyUp, finishMemory }
}

/** Every figure of the site, in order. */
const measure = async (bench: Bench) => {
  await measureArticlePages(bench)
  await measureForceStatic(bench)
  await measureHomePage(bench)
  await measureRestBySection(bench)
  await measureSearch(bench)
  if (!bench.stack) {
    await measurePublish(bench)
    await bench.pool.end()
    await measureLighthouse(bench)
    return
  }
  // The first publish of the run is the one across instances (it loads the code a publish runs).
  await measurePublishAcross(bench)
  await measurePublish(bench)
  await measureLighthouse(bench)
  // Last: it restarts every instance (the size sampler follows the new processes).
  await measureRollingRestart(bench)
  await bench.pool.end()
}

type Sizes = { name: string; peakRssMb: number; peakPssMb: number; peakHwmMb: number }[]

/** Each part's peak memory, as a Markdown table. */
const sizesTable = (sizes: Sizes) =>
  [
    '| part | peak RSS | peak PSS | largest VmHWM of one process |',
    '| --- | --- | --- | --- |',
    ...sizes.map(
      (part) =>
        `| ${part.name} | ${part.peakRssMb.toFixed(0)} MB | ${part.peakPssMb.toFixed(0)} MB | ${part.peakHwmMb.toFixed(0)} MB |`,
    ),
    `| all of them (sum of the peaks) | ${sizes.reduce((sum, part) => sum + part.peakRssMb, 0).toFixed(0)} MB | ${sizes.reduce((sum, part) => sum + part.peakPssMb, 0).toFixed(0)} MB | |`,
  ].join('\n')

/** The table, printed and written to bench/results/latest.md and latest.json. */
const report = async (
  figures: Figure[],
  {
    loadAtStart,
    databaseUrl,
    imported,
    homePath,
    hasArticlePage,
    sizes,
  }: {
    loadAtStart: number[]
    databaseUrl: string
    imported: number
    homePath: string
    hasArticlePage: boolean
    sizes: Sizes | null
  },
) => {
  const machine = machineInfo(loadAtStart)
  const versions = await versionsOf(databaseUrl)
  const result = {
    date: new Date().toISOString(),
    machine,
    versions,
    data: { articles: options.articles, imported, seed: options.seed },
    load: {
      durationSeconds: options.duration,
      connections: options.connections,
      latencyConnections: options.latencyConnections,
    },
    pages: {
      home: homePath,
      articlePage: hasArticlePage ? '/{lang}/articles/{slug}' : 'not available',
    },
    ...(sizes ? { topology: { instances: options.instances, sizes } } : {}),
    figures,
  }
  const table = figuresTable(figures)
  const topology = sizes
    ? `
Topology (\`--instances ${options.instances}\`, scripts/lib/stack): ${options.instances} \`next start\` instances of one build behind nginx
(deploy/nginx.conf's upstream), Redis as their shared Next cache, one worker running the jobs queue, the benchmark's
PostgreSQL as primary with a streaming replica cloned from it (readers' queries), media in OpenStack Swift's S3 API.
Figures "from Next" are measured against instance A directly, figures "through the proxy" through the topology's nginx.
`
    : ''
  const sizesSection = sizes
    ? `
## Sizes

Peak memory of each part during the run (from the topology's start to the end of the rolling restart), each part's
processes and their children summed, sampled every 250 ms from /proc. RSS counts a page shared by several processes
(PostgreSQL's shared buffers in every backend, the code of Node's binary) once per process; PSS divides it among them,
so PSS is what the parts add up to. The worker is \`tsx scripts/app.ts worker\`, which starts \`tsx scripts/worker.ts\`:
four Node processes (each tsx is a loader and the node it runs).

${sizesTable(sizes)}
`
    : ''
  const markdown = `# Benchmark results

${result.date} · ${options.articles.toLocaleString('en')} articles generated, ${imported.toLocaleString('en')} imported (seed ${args.seed})

Machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGb} GB RAM, Node ${machine.node}; load average
${machine.loadAverageAtStart.join(' / ')} at the start and ${machine.loadAverageAtEnd.join(' / ')} at the end (the cores are shared:
other work on the machine lowers every figure).
Versions: Next ${versions.next}, Payload ${versions.payload}, React ${versions.react}, PostgreSQL ${versions.postgresql},
nginx ${versions.nginx}, autocannon ${versions.autocannon}.
Load: ${options.duration} s per figure on 127.0.0.1; throughput with ${options.connections} connections, p95 latencies with
${options.latencyConnections}. Uncached renders send Next's draft-mode cookie, which makes Next skip its page cache and
\`unstable_cache\` neither read nor write its entries: every request reads the database and renders.
${topology}
${table}
${sizesSection}`
  console.log(`\n${table}\n${sizes ? `\n${sizesTable(sizes)}\n` : ''}`)
  await writeResults(out, markdown, result)
  log(`wrote bench/results/${out}.md and ${out}.json`)
}

/**
 * `--baseline`: both builds alternately (./run/compare.ts), then publish and Lighthouse on this
 * tree's build alone; bench/results/compare.md and .json.
 */
const compare = async (
  figures: Figures,
  {
    loadAtStart,
    workDir,
    databaseUrl,
    env,
    imported,
  }: {
    loadAtStart: number[]
    workDir: string
    databaseUrl: string
    env: NodeJS.ProcessEnv
    imported: number
  },
) => {
  const before: CompareSite = {
    side: 'before',
    dir: baselineDir!,
    build: await productionBuild(session, { referencePages: true, dir: baselineDir! }),
  }
  const after: CompareSite = {
    side: 'after',
    dir: root,
    build: await productionBuild(session, { referencePages: true }),
  }
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 })
  const repetitions = await runCompare(
    {
      session,
      log,
      options,
      workDir,
      databaseUrl,
      env,
      pool,
      reps,
      loadRun: {
        connections: Number(args['load-connections']),
        seconds: Number(args['load-seconds']),
      },
    },
    { before, after },
  )
  // This tree's build alone: a publish (it writes: after both builds were measured), Lighthouse.
  const site = await startSite(figures, env)
  const bench: Bench = {
    ...figures,
    ...site,
    session,
    log,
    options,
    workDir,
    databaseUrl,
    pool,
    pickSeed: String(options.seed),
    load: loadFor(options),
  }
  await measurePublish(bench)
  await pool.end()
  await measureLighthouse(bench)
  site.finishMemory()
  // That peak is of this last phase only; the compared one is in the table.
  figures.figures.pop()
  const rows = compareRows(repetitions)
  const machine = machineInfo(loadAtStart)
  const versions = await versionsOf(databaseUrl)
  const sides = {
    before: { dir: before.dir, commit: commitOf(before.dir), buildId: before.build.buildId },
    after: { dir: after.dir, commit: commitOf(after.dir), buildId: after.build.buildId },
  }
  const table = compareTable(rows)
  const markdown = `# Benchmark: before and after in one run

${new Date().toISOString()} · ${options.articles.toLocaleString('en')} articles generated, ${imported.toLocaleString('en')} imported (seed ${args.seed}) · ${reps} repetitions

Before: \`${sides.before.dir}\` at ${sides.before.commit} (build ${sides.before.buildId}). After: \`${sides.after.dir}\` at ${sides.after.commit} (build ${sides.after.buildId}).

Machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGb} GB RAM, Node ${machine.node}; load average
${machine.loadAverageAtStart.join(' / ')} at the start and ${machine.loadAverageAtEnd.join(' / ')} at the end (the cores are shared:
other work on the machine lowers every figure; each value below carries the 1-minute load average at the start of its repetition, ⟨in brackets⟩).
Versions (this tree): Next ${versions.next}, Payload ${versions.payload}, React ${versions.react}, PostgreSQL ${versions.postgresql},
nginx ${versions.nginx}, autocannon ${versions.autocannon}.

Both builds read the same database (migrated by the after tree). Each repetition starts one build's \`next start\`
and an nginx of its own, measures every figure below, stops both, then does the same for the other build: one
server runs at a time, and its peak RSS is that fresh process's. The order turns every repetition (before → after,
then after → before). Load: ${options.duration} s per figure on 127.0.0.1, throughput with ${options.connections} connections, p95 latencies
with ${options.latencyConnections}; uncached renders send Next's draft-mode cookie (Next's page cache and \`unstable_cache\` skipped). The load run:
${args['load-connections']} connections for ${args['load-seconds']} s straight to Next, each request a different article (the same articles for both builds
in a repetition, others in the next), every one a first read. "after ÷ before" is of the medians; whether above 1 is
better depends on the figure (column "better when"). Rows "(the server's CPU per request)": the user + system CPU time
\`next start\` used during that load (from /proc) ÷ the requests it answered; other work on shared cores moves it far
less than req/s or latency, so it is the row to trust when the load average is high.

${table}

## Repetitions, in the order they ran

${repsTable(repetitions)}

## This tree's build only

${figuresTable(figures.figures)}

## Each repetition's notes

${notesSection(repetitions)}
`
  console.log(`\n${table}\n`)
  await writeResults(out, markdown, {
    date: new Date().toISOString(),
    machine,
    versions,
    data: { articles: options.articles, imported, seed: options.seed },
    load: {
      durationSeconds: options.duration,
      connections: options.connections,
      latencyConnections: options.latencyConnections,
      loadRun: {
        connections: Number(args['load-connections']),
        seconds: Number(args['load-seconds']),
      },
    },
    sides,
    reps: repetitions,
    compare: rows,
    currentOnly: figures.figures,
  })
  log(`wrote bench/results/${out}.md and ${out}.json`)
}

// ─── the run ─────────────────────────────────────────────────────────────────────────────────

const main = async () => {
  const loadAtStart = os.loadavg()
  const figures = createFigures(log)
  const { workDir, database, databaseUrl, env, imported } = await setUp(figures)
  if (args.profile) {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 })
    await runProfiles({
      session,
      log,
      workDir,
      env,
      pool,
      connections: options.connections,
      latencyConnections: options.latencyConnections,
      seconds: Number(args['profile-seconds']),
      cases: args['profile-cases'].split(',').filter(Boolean),
      profileDir: path.join(workDir, 'profiles'),
    }).finally(() => pool.end())
    return
  }
  if (baselineDir) {
    await compare(figures, { loadAtStart, workDir, databaseUrl, env, imported: imported.imported })
    return
  }
  const site =
    options.instances > 1
      ? await startTopology(session, figures, {
          instances: options.instances,
          database,
          databaseName: 'bench',
          workDir,
        })
      : await startSite(figures, env)
  const bench: Bench = {
    ...figures,
    ...site,
    session,
    log,
    options,
    workDir,
    databaseUrl,
    pool: new pg.Pool({ connectionString: databaseUrl, max: 2 }),
    pickSeed: String(options.seed),
    load: loadFor(options),
  }
  await measure(bench)
  const sizes = site.finishMemory()
  await report(figures.figures, {
    loadAtStart,
    databaseUrl,
    imported: imported.imported,
    homePath: site.homePath,
    hasArticlePage: site.hasArticlePage,
    sizes,
  })
}

session.finish(main)
