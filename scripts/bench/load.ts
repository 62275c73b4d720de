/**
 * The load run (`npm run bench:load -- --articles 2000 --seconds 60`; README, "Benchmark"):
 * readers at concurrency 100 and editors saving and publishing at the same time, on the
 * production build, for a bounded time; then the checks.
 *
 * 1. a fresh embedded PostgreSQL with the demo newsroom and N generated articles (lib.ts);
 * 2. the production build under `next start`; a few editor accounts, each with articles of its
 *    own, and articles shared by several editors, all published with a complete checklist;
 * 3. for `--seconds`: autocannon readers (article pages, the home page in the three languages,
 *    search pages with a different query each time) straight against Next; editors over REST
 *    saving drafts (`PATCH /api/articles/:id?draft=true`) and publishing/unpublishing through
 *    `POST /api/articles/:id/transition`, several of them saving the same article at the same
 *    moment, half of the saves over GraphQL (`updateArticle`); 32 editors at once by default;
 *    an anonymous observer reading the live text of every touched article;
 * 4. the checks: no 5xx and no unintended 4xx for readers, no connection errors; every editor
 *    request answered within 30 s with a save or a clean refusal (409/423/503), no other 5xx; no
 *    lost save (every acknowledged save is in the article's versions and the final draft is the
 *    last acknowledged save), the live text changed only across a publish, and the server's peak
 *    RSS under `--rss-limit`. Printed, and written to bench/results/load.md and load.json; the
 *    exit code is 1 when a check fails.
 *
 * `main` reads as its phases (the parts in ./load/): set up, the desk (editors and their
 * articles), the run, settling, the checks, the report.
 */
import { readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

import {
  createSession,
  load,
  memorySampler,
  prepareDatabase,
  productionBuild,
  sleep,
  startNext,
  startProxy,
  type Load,
} from './lib'
import { apiClient } from './load/api'
import {
  editorChecks,
  liveTextCheck,
  memoryCheck,
  noLostSave,
  readerChecks,
  type Check,
} from './load/checks'
import type { LoadOptions } from './load/context'
import { prepareDesk } from './load/desk'
import { runEditors } from './load/editors'
import { readerPaths } from './load/readers'
import { reportLoad } from './load/report'

const { values: args } = parseArgs({
  options: {
    articles: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '1' },
    /** how long readers and editors run */
    seconds: { type: 'string', default: '60' },
    /** concurrent reader connections, split 60/20/20 over articles, home pages and search */
    connections: { type: 'string', default: '100' },
    /** editors each saving and publishing their own articles */
    editors: { type: 'string', default: '24' },
    /** editors saving the same article at the same moment */
    'shared-editors': { type: 'string', default: '8' },
    /** fail when the server's peak RSS (next start and its children) passes this many MB */
    'rss-limit': { type: 'string', default: '1536' },
    /** also run the article readers through nginx (deploy/nginx.conf) for the same time */
    proxy: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    timeout: { type: 'string', default: '30' },
  },
})
const options: LoadOptions = {
  articles: Number(args.articles),
  seed: Number(args.seed),
  seconds: Number(args.seconds),
  connections: Number(args.connections),
  editors: Number(args.editors),
  sharedEditors: Number(args['shared-editors']),
  rssLimitMb: Number(args['rss-limit']),
  proxy: args.proxy,
}

const session = createSession({
  name: 'load',
  keep: args.keep,
  timeoutMinutes: Number(args.timeout),
})
const { log } = session

/** The reader connections, split 60/20/20 over article pages, home pages and search. */
const articleConnections = Math.round(options.connections * 0.6)
const homeConnections = Math.round(options.connections * 0.2)
const connections = {
  articles: articleConnections,
  home: homeConnections,
  search: options.connections - articleConnections - homeConnections,
}

/** A fresh database with the generated articles, the production build under next start. */
const setUp = async () => {
  const workDir = await session.makeWorkDir()
  log(
    `${options.articles} articles, ${options.seconds} s, ${options.connections} readers; working in ${workDir}`,
  )
  const { databaseUrl, env, imported } = await prepareDatabase(session, {
    articles: options.articles,
    seed: options.seed,
  })
  const { homePath } = await productionBuild(session)
  const next = await startNext(session, env, homePath)
  const memory = memorySampler(next.proc.pid!, 500)
  return { workDir, databaseUrl, imported, homePath, next, memory }
}

/** A server that died under the load (e.g. out of heap) fails the run with its last words. */
const failIfExited = async (
  proc: { exitCode: number | null; signalCode: string | null },
  workDir: string,
) => {
  if (proc.exitCode === null && proc.signalCode === null) return
  const last = (await readFile(path.join(workDir, 'next.log'), 'utf8').catch(() => ''))
    .split('\n')
    .filter((line) => /FATAL|Error/.test(line))
    .slice(-3)
    .join(' | ')
  throw new Error(
    `next start exited during the load (${proc.exitCode ?? proc.signalCode}): ${last}`,
  )
}

/**
 * The same article mix through nginx, after the run (the proxy serves cached pages; 5xx would
 * come from Next, which the run measured directly); null when nginx cannot start.
 */
const throughProxy = async (
  nextPort: number,
  homePath: string,
  read: (base: string) => Promise<Load>,
): Promise<Load | null> => {
  try {
    const proxy = await startProxy(session, nextPort, homePath)
    return await read(proxy.url)
  } catch (error) {
    log(`proxy: ${(error as Error).message}`)
    return null
  }
}

const main = async () => {
  const loadAtStart = os.loadavg()
  const { workDir, databaseUrl, imported, homePath, next, memory } = await setUp()
  const client = apiClient(next.url)
  const desk = await prepareDesk(client, options)
  log(`${desk.editors.length} editors, ${desk.touched.length} articles of theirs published`)
  const paths = await readerPaths(databaseUrl, desk.touched)

  // ── the run ──
  const rssAtStart = memory.now()
  const t0 = Date.now()
  const readers = (count: number, pathOf: () => string, base = next.url) =>
    load(base, { paths: pathOf, connections: count, duration: options.seconds })
  const reading = Promise.all([
    readers(connections.articles, paths.articlePath),
    readers(connections.home, paths.homePath),
    readers(connections.search, paths.searchPath),
  ])
  const editing = runEditors(client, desk, { t0, deadline: t0 + options.seconds * 1000 })
  const [[articlesLoad, homeLoad, searchLoad]] = await Promise.all([reading, editing.done])
  const rssAtEnd = memory.now()
  const runSeconds = (Date.now() - t0) / 1000
  log(`load done after ${runSeconds.toFixed(1)} s; letting the server settle for 10 s`)
  await sleep(10_000)
  const rssSettled = memory.now()
  await failIfExited(next.proc, workDir)

  const proxied = options.proxy
    ? await throughProxy(next.port, homePath, (base) =>
        readers(connections.articles, paths.articlePath, base),
      )
    : null
  const { peakRssMb, peakHwmMb } = memory.stop()

  // ── the checks ──
  const kinds = {
    'article pages': articlesLoad,
    'home pages (en, az, ru)': homeLoad,
    'search pages': searchLoad,
  }
  const lostSaves = await noLostSave(client, desk, editing.log)
  const checks: Check[] = [
    ...readerChecks(kinds),
    ...editorChecks(editing.log),
    lostSaves.check,
    liveTextCheck(desk, editing.log, lostSaves.notes),
    memoryCheck(
      {
        peakRssMb,
        peakHwmMb,
        rssAtStart,
        rssAtEnd,
        rssSettled,
        samples: memory.samples.filter((s) => s.mb > 0).length,
      },
      options.rssLimitMb,
    ),
  ]

  // ── report ──
  const pass = await reportLoad({
    options,
    loadAtStart,
    databaseUrl,
    imported: imported.imported,
    runSeconds,
    connections,
    kinds,
    proxied,
    editors: editing.log,
    shared: desk.shared,
    checks,
    memory: { rssAtStart, rssAtEnd, rssSettled, peakRssMb, peakHwmMb, samples: memory.samples },
  })
  log(`wrote bench/results/load.md and load.json: ${pass ? 'pass' : 'FAIL'}`)
  return pass ? 0 : 1
}

session.finish(main)
