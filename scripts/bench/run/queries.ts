/** The latency figures of queries: REST by section, and search. */
import { searchWords } from '../generate'
import { withServerCpu, type Bench } from './context'

/** REST: articles by section, 20 items, depth 1, the sections in turn. */
export const measureRestBySection = (bench: Bench) =>
  bench.attempt('REST by section', '≤ 25 ms', async () => {
    const { latencyConnections } = bench.options
    const { rows } = await bench.pool.query<{ id: number; slug: string; n: number }>(
      `SELECT c.id, c.slug, count(a.id)::int AS n FROM categories c
       JOIN articles a ON a.category_id = c.id AND a._status = 'published'
       GROUP BY c.id, c.slug ORDER BY n DESC`,
    )
    let i = 0
    const result = await withServerCpu(bench, () =>
      bench.load(bench.next, {
        connections: latencyConnections,
        paths: () =>
          `/api/articles?where[category][equals]=${rows[i++ % rows.length].id}&limit=20&depth=1`,
      }),
    )
    bench.add({
      figure: 'REST GET /api/articles by section, 20 items, depth 1, p95',
      value: result.p95,
      unit: 'ms',
      goal: '≤ 25 ms',
      ok: (v) => v <= 25,
      rps: result.requestsPerSecond,
      cpuMs: result.cpuMs,
      note: `${rows.length} sections in turn, ${latencyConnections} connections, ${Math.round(result.requestsPerSecond)} req/s, p50 ${result.p50} ms${result.non2xx ? `, ${result.non2xx} non-2xx` : ''}`,
    })
    bench.log(`REST by section: p95 ${result.p95} ms`)
  })

/** Search: two words, one language, a different query each time (the cache misses). */
export const measureSearch = (bench: Bench) =>
  bench.attempt('search', '≤ 30 ms', async () => {
    const { latencyConnections } = bench.options
    const words = searchWords()
    let i = 0
    const result = await withServerCpu(bench, () =>
      bench.load(bench.next, {
        connections: latencyConnections,
        paths: () => {
          const n = i++
          const a = words[n % words.length]
          const b = words[Math.floor(n / words.length) % words.length]
          return `/en/search?q=${a}+${b}&page=${1 + Math.floor(n / words.length ** 2)}`
        },
      }),
    )
    bench.add({
      figure: 'search page, two-word query, English, p95',
      value: result.p95,
      unit: 'ms',
      goal: '≤ 30 ms',
      ok: (v) => v <= 30,
      rps: result.requestsPerSecond,
      cpuMs: result.cpuMs,
      note: `distinct queries of two words of middle frequency (the data cache misses), ${latencyConnections} connections, ${Math.round(result.requestsPerSecond)} req/s, p50 ${result.p50} ms${result.non2xx ? `, ${result.non2xx} non-2xx` : ''}`,
    })
    bench.log(`search: p95 ${result.p95} ms`)
  })
