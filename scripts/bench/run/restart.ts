/** With `--instances`: what readers see while the instances restart one by one. */
import { percentile } from '../lib'
import type { Bench } from './context'

/**
 * Readers through nginx, each asking for the next path as soon as the last answered (as the
 * stack tests' `readersOn` does): cached pages, URLs never in nginx's cache (a new query string
 * each time: every one reaches an instance), and API reads. Every answer is kept: its status (0
 * for a connection error or a 10 s timeout), when it was asked, how long it took.
 */
const readers = (base: string, paths: string[], count: number) => {
  const answers: { status: number; startedAt: number; ms: number }[] = []
  let running = true
  const loops = Array.from({ length: count }, async (_, reader) => {
    for (let i = reader; running; i += count) {
      const path = paths[i % paths.length].replace('{n}', `${Date.now()}-${reader}-${i}`)
      const startedAt = performance.now()
      let status = 0
      try {
        const response = await fetch(`${base}${path}`, {
          redirect: 'manual',
          signal: AbortSignal.timeout(10_000),
        })
        await response.arrayBuffer()
        status = response.status
      } catch {
        // status 0
      }
      answers.push({ status, startedAt, ms: performance.now() - startedAt })
    }
  })
  return {
    stop: async () => {
      running = false
      await Promise.all(loops)
      return answers
    },
  }
}

const FIGURE = 'reader errors during a rolling restart (through nginx)'

/** Readers at a fixed concurrency through nginx during `stack.rollingRestart()`. */
export const measureRollingRestart = (bench: Bench) =>
  bench.attempt(FIGURE, '0', async () => {
    const { stack } = bench
    if (!stack) throw new Error('no topology started')
    const { rows } = await bench.pool.query<{ language: string; slug: string }>(
      `SELECT language::text, slug FROM articles WHERE _status = 'published' AND deleted_at IS NULL
         ORDER BY published_at DESC LIMIT 1`,
    )
    const article = rows[0] ? `/${rows[0].language}/articles/${rows[0].slug}` : bench.homePath
    const paths = [
      bench.homePath,
      article,
      // Never in nginx's cache: every one reaches an instance.
      `${bench.homePath}?reader={n}`,
      `${article}?reader={n}`,
      '/api/articles?limit=2&depth=0&reader={n}',
    ]
    const concurrency = bench.options.latencyConnections
    const reading = readers(stack.proxyUrl, paths, concurrency)
    await new Promise((resolve) => setTimeout(resolve, 1000))
    const t0 = performance.now()
    await stack.rollingRestart()
    const t1 = performance.now()
    const during = (await reading.stop()).filter((answer) => answer.startedAt >= t0)
    const failed = during.filter((answer) => answer.status === 0 || answer.status >= 500)
    const times = during.map((answer) => answer.ms).sort((a, b) => a - b)
    const statuses: Record<string, number> = {}
    for (const answer of during) statuses[answer.status] = (statuses[answer.status] ?? 0) + 1
    const seconds = (t1 - t0) / 1000
    const instances = stack.instances.length
    bench.add({
      figure: FIGURE,
      value: failed.length,
      unit: '',
      goal: '0',
      ok: (v) => v === 0,
      note: `${during.length} requests by ${concurrency} readers during the ${seconds.toFixed(0)} s restart of ${instances} instances, one by one (cached pages, never-cached URLs, API reads); errors are status 0 (connection error or 10 s timeout) or ≥ 500; statuses ${Object.entries(
        statuses,
      )
        .map(([status, n]) => `${status}: ${n}`)
        .join(', ')}`,
    })
    bench.add({
      figure: 'reader latency during the rolling restart (through nginx), p95',
      value: during.length ? percentile(times, 95) : null,
      unit: 'ms',
      goal: '—',
      note: `p50 ${Math.round(percentile(times, 50))} ms, max ${Math.round(times.at(-1) ?? 0)} ms, ${(during.length / seconds).toFixed(0)} req/s`,
    })
    bench.log(
      `rolling restart: ${during.length} requests, ${failed.length} errors, p95 ${Math.round(percentile(times, 95))} ms`,
    )
  })
