/**
 * The short load run, as a figure of the benchmark: article pages straight to Next at 100
 * readers, every request a different article (the archive's long tail: first reads, neither the
 * page nor its data in Next's cache), for ~20 s. The long version, with editors saving at the
 * same time, is `npm run bench:load` (scripts/bench/load.ts).
 */
import { load as autocannonLoad } from '../lib'
import { withServerCpu, type Bench } from './context'

export const LOAD_RUN_FIGURE =
  'load run: article pages straight to Next, distinct URLs (first reads), p95'

export type LoadRunOptions = {
  /** reader connections */
  connections: number
  seconds: number
  /** article paths, each asked once in order (wrapping around when the run asks for more) */
  paths: string[]
}

/** Article paths in an order fixed by `seed` (the same for both builds of a `--baseline` run). */
export const shuffledArticlePaths = async (bench: Bench, seed: number) => {
  const { rows } = await bench.pool.query<{ language: string; slug: string }>(
    `SELECT language::text, slug FROM articles WHERE _status = 'published' AND deleted_at IS NULL
       ORDER BY md5(id::text || $1::text)`,
    [String(seed)],
  )
  return rows.map((row) => `/${row.language}/articles/${encodeURIComponent(row.slug)}`)
}

/** 100 readers (by default) on distinct article URLs for ~20 s: p95, req/s, errors. */
export const measureLoadRun = (bench: Bench, { connections, seconds, paths }: LoadRunOptions) =>
  bench.attempt(LOAD_RUN_FIGURE, '≤ 1000 ms', async () => {
    if (!bench.hasArticlePage) throw new Error('no article route in this build')
    if (!paths.length) throw new Error('no published article')
    let i = 0
    const result = await withServerCpu(bench, () =>
      autocannonLoad(bench.next, {
        paths: () => paths[i++ % paths.length],
        connections,
        duration: seconds,
        // A slow answer is a figure here, not an error: only one slower than 30 s is dropped.
        timeoutSeconds: 30,
      }),
    )
    bench.add({
      figure: LOAD_RUN_FIGURE,
      value: result.p95,
      unit: 'ms',
      goal: '≤ 1000 ms',
      ok: (v) => v <= 1000,
      rps: result.requestsPerSecond,
      cpuMs: result.cpuMs,
      note: `${connections} connections for ${seconds} s, ${result.requests} requests (${Math.min(i, paths.length)} distinct articles of ${paths.length}), ${Math.round(result.requestsPerSecond)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms${result.non2xx || result.errors || result.timeouts ? `, ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts (30 s)` : ''}`,
    })
    bench.log(
      `load run: ${result.requests} requests, ${Math.round(result.requestsPerSecond)} req/s, p95 ${result.p95} ms`,
    )
  })
