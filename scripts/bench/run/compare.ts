/**
 * `--baseline <dir>`: the figures of pages and queries for two builds in one run, on one
 * database, alternately. `<dir>` is another checkout of this repository (a git worktree of the
 * commit before a change) with its own node_modules and production build; this tree's build is
 * "after", the baseline's "before".
 *
 * Each repetition starts one build's `next start` (and an nginx of its own in front of it),
 * measures every figure of the set, stops them, then does the same for the other build: only one
 * server runs at a time, so neither competes for the cores while the other is measured and each
 * server's memory is sampled alone, from a fresh process. The order turns each repetition
 * (before → after, then after → before, …) so a drift of the machine's load does not always
 * favour the same build. Both read the same database, migrated by this tree (the baseline only
 * reads: it tolerates columns and indexes it does not know).
 */
import { spawnSync } from 'node:child_process'
import os from 'node:os'

import {
  cpuMsOf,
  fmt,
  freePort,
  memorySampler,
  startNext,
  startProxy,
  type productionBuild,
  type Session,
} from '../lib'
import { loadFor, type Bench, type BenchOptions } from './context'
import { createFigures, type Figure } from './figures'
import { measureLoadRun, shuffledArticlePaths } from './loadRun'
import { measureArticlePages, measureForceStatic, measureHomePage } from './pages'
import { measureRestBySection, measureSearch } from './queries'

export type Side = 'before' | 'after'

/** One checkout under test: its folder and what its build has. */
export type CompareSite = {
  side: Side
  dir: string
  build: Awaited<ReturnType<typeof productionBuild>>
}

/** One build measured once: the figures, the 1-minute load average at its start and end. */
export type Rep = {
  rep: number
  side: Side
  loadAverage1m: { start: number; end: number }
  figures: Figure[]
}

export type CompareContext = {
  session: Session
  log: (message: string) => void
  options: BenchOptions
  workDir: string
  databaseUrl: string
  env: NodeJS.ProcessEnv
  pool: Bench['pool']
  reps: number
  loadRun: { connections: number; seconds: number }
}

const RSS_FIGURE = 'server peak RSS (next start and its children)'

/** One build's `next start` and nginx, every figure of the set, both stopped again. */
const measureSide = async (ctx: CompareContext, site: CompareSite, rep: number) => {
  const { session, env, options } = ctx
  const log = (message: string) => ctx.log(`[${site.side} ${rep}] ${message}`)
  const loadAtStart = os.loadavg()[0]
  const figures = createFigures(log)
  // A publish would ask nginx's refresh port for the changed pages; nothing publishes here.
  const refreshPort = await freePort()
  const next = await startNext(
    session,
    { ...env, PROXY_REFRESH_URL: `http://127.0.0.1:${refreshPort}` },
    site.build.homePath,
    { dir: site.dir, label: `next-${site.side}-${rep}` },
  )
  const memory = memorySampler(next.proc.pid!)
  const started: { proxy: Awaited<ReturnType<typeof startProxy>> | null } = { proxy: null }
  await figures.attempt('proxy', '', async () => {
    started.proxy = await startProxy(
      session,
      next.port,
      site.build.homePath,
      refreshPort,
      `nginx-${site.side}-${rep}`,
    )
  })
  const { proxy } = started
  const bench: Bench = {
    ...figures,
    ...site.build,
    session,
    log,
    options,
    workDir: ctx.workDir,
    databaseUrl: ctx.databaseUrl,
    pool: ctx.pool,
    // Both builds of a repetition read the same pages; the next repetition other ones.
    pickSeed: `${options.seed}-${rep}`,
    next: next.url,
    stack: null,
    proxy: proxy?.url ?? '',
    proxyUp: proxy !== null,
    load: loadFor(options),
    serverCpuMs: () => cpuMsOf(next.proc.pid!),
  }
  try {
    await measureArticlePages(bench)
    await measureForceStatic(bench)
    await measureHomePage(bench)
    await measureRestBySection(bench)
    await measureSearch(bench)
    // Last: it fills the server's memory and caches. The same articles for both builds in a
    // repetition (each server starts empty), other ones in the next repetition.
    const paths = await shuffledArticlePaths(bench, rep)
    await measureLoadRun(bench, { ...ctx.loadRun, paths })
  } finally {
    const { peakRssMb, peakHwmMb } = memory.stop()
    figures.add({
      figure: RSS_FIGURE,
      value: peakRssMb,
      unit: 'MB',
      goal: '≤ 350 MB',
      ok: (v) => v <= 350,
      note: `largest VmHWM of one process ${peakHwmMb.toFixed(0)} MB; from its start to the end of the load run, sampled every 250 ms from /proc`,
    })
    await proxy?.stop()
    await next.stop()
  }
  const end = os.loadavg()[0]
  log(`done; load average ${loadAtStart.toFixed(2)} → ${end.toFixed(2)}`)
  return {
    rep,
    side: site.side,
    loadAverage1m: { start: Number(loadAtStart.toFixed(2)), end: Number(end.toFixed(2)) },
    figures: figures.figures,
  } satisfies Rep
}

/** `reps` repetitions, the two builds alternately, the order turned every repetition. */
export const runCompare = async (
  ctx: CompareContext,
  sites: { before: CompareSite; after: CompareSite },
) => {
  const reps: Rep[] = []
  for (let rep = 1; rep <= ctx.reps; rep++) {
    const order = rep % 2 ? [sites.before, sites.after] : [sites.after, sites.before]
    for (const site of order) reps.push(await measureSide(ctx, site, rep))
  }
  return reps
}

// ─── the comparison ──────────────────────────────────────────────────────────────────────────

/** A figure's name without the page's size, which may differ between the builds. */
const keyOf = (figure: string) => figure.replace(/ \(\d+ KB\)/g, '')

/** Whether a smaller value is the better one (a time, a size), from the unit. */
const lowerIsBetter = (unit: string) => ['ms', 'KB', 'MB'].includes(unit)

export type CompareRow = {
  figure: string
  unit: string
  better: 'higher' | 'lower'
  goal: string
  before: { median: number | null; reps: (number | null)[] }
  after: { median: number | null; reps: (number | null)[] }
  /** after's median ÷ before's */
  ratio: number | null
  /** the 1-minute load average at the start of each repetition, before and after */
  loadAverage1m: { before: number[]; after: number[] }
}

const median = (values: (number | null)[]) => {
  const present = values.filter((v): v is number => v !== null).sort((a, b) => a - b)
  if (!present.length) return null
  const mid = present.length >> 1
  return present.length % 2 ? present[mid] : (present[mid - 1] + present[mid]) / 2
}

/** Which number of a figure a row compares. */
type Of = 'value' | 'rps' | 'cpuMs'

/**
 * Per figure (and per req/s and server CPU per request of a figure that has them): before and
 * after, each repetition.
 */
export const compareRows = (reps: Rep[]): CompareRow[] => {
  const sideReps = (side: Side) => reps.filter((r) => r.side === side).sort((a, b) => a.rep - b.rep)
  const before = sideReps('before')
  const after = sideReps('after')
  const keys: { key: string; of: Of; unit: string; goal: string }[] = []
  for (const r of reps) {
    for (const f of r.figures) {
      if (f.figure === 'proxy') continue
      const ofs: Of[] = [
        'value',
        ...(f.rps === undefined ? [] : (['rps'] as const)),
        ...(f.cpuMs === undefined ? [] : (['cpuMs'] as const)),
      ]
      for (const of of ofs) {
        const key = keyOf(f.figure)
        if (!keys.some((k) => k.key === key && k.of === of)) {
          const unit = of === 'rps' ? 'req/s' : of === 'cpuMs' ? 'ms' : f.unit
          keys.push({ key, of, unit, goal: of === 'value' ? f.goal : '—' })
        }
      }
    }
  }
  const valuesOf = (side: Rep[], key: string, of: Of) =>
    side.map((r) => r.figures.find((x) => keyOf(x.figure) === key)?.[of] ?? null)
  return keys.map(({ key, of, unit, goal }) => {
    const b = valuesOf(before, key, of)
    const a = valuesOf(after, key, of)
    const bm = median(b)
    const am = median(a)
    return {
      figure:
        of === 'rps'
          ? `${key} (its req/s)`
          : of === 'cpuMs'
            ? `${key} (the server's CPU per request)`
            : key,
      unit,
      better: lowerIsBetter(unit) ? 'lower' : 'higher',
      goal,
      before: { median: bm, reps: b },
      after: { median: am, reps: a },
      ratio: am !== null && bm ? am / bm : null,
      loadAverage1m: {
        before: before.map((r) => r.loadAverage1m.start),
        after: after.map((r) => r.loadAverage1m.start),
      },
    }
  })
}

const eachRep = (values: (number | null)[], loads: number[], unit: string) =>
  values
    .map((v, i) => `${fmt(v, unit)} ⟨${loads[i]?.toFixed(2) ?? '?'}⟩`)
    .join(', ')
    .replace(/ (ms|KB|MB|req\/s) ⟨/g, ' ⟨')

/** The comparison as a Markdown table. */
export const compareTable = (rows: CompareRow[]) =>
  [
    '| figure | before: median | before: each rep ⟨load⟩ | after: median | after: each rep ⟨load⟩ | after ÷ before | better when | goal |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (row) =>
        `| ${row.figure} | ${fmt(row.before.median, row.unit)} | ${eachRep(row.before.reps, row.loadAverage1m.before, row.unit)} | ${fmt(row.after.median, row.unit)} | ${eachRep(row.after.reps, row.loadAverage1m.after, row.unit)} | ${row.ratio === null ? '—' : row.ratio.toFixed(2)} | ${row.better} | ${row.goal} |`,
    ),
  ].join('\n')

/** The repetitions in the order they ran, with the load average at the start and the end. */
export const repsTable = (reps: Rep[]) =>
  [
    '| # | repetition | build | load average (1 min) at start → end |',
    '| --- | --- | --- | --- |',
    ...reps.map(
      (r, i) =>
        `| ${i + 1} | ${r.rep} | ${r.side} | ${r.loadAverage1m.start.toFixed(2)} → ${r.loadAverage1m.end.toFixed(2)} |`,
    ),
  ].join('\n')

/** The notes of every figure of every repetition (what each number is made of). */
export const notesSection = (reps: Rep[]) =>
  reps
    .map(
      (r) =>
        `### ${r.side}, repetition ${r.rep}\n\n${r.figures
          .map((f) => `- ${f.figure}: ${fmt(f.value, f.unit)}${f.note ? ` (${f.note})` : ''}`)
          .join('\n')}`,
    )
    .join('\n\n')

/** The checkout's commit (short) and whether it has changes not committed. */
export const commitOf = (dir: string) => {
  const head = spawnSync('git', ['-C', dir, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' })
  const dirty = spawnSync('git', ['-C', dir, 'status', '--porcelain', '--untracked-files=no'], {
    encoding: 'utf8',
  })
  return `${head.stdout.trim() || 'unknown'}${dirty.stdout.trim() ? ' (with changes not committed)' : ''}`
}
