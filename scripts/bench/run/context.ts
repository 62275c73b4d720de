import type pg from 'pg'

import type { Stack } from '../../lib/stack'
import { load as autocannonLoad, type Session } from '../lib'
import type { Figures } from './figures'

/** What the benchmark's options set. */
export type BenchOptions = {
  articles: number
  seed: number
  /** seconds of load per figure */
  duration: number
  /** app instances: 1 is one `next start` behind nginx; more start the topology */
  instances: number
  /** connections for the throughput figures */
  connections: number
  /** connections for the latency (p95) figures */
  latencyConnections: number
}

/** Everything a measurement needs: the site under test, the figures, the options. */
export type Bench = Figures & {
  session: Session
  log: (message: string) => void
  options: BenchOptions
  workDir: string
  databaseUrl: string
  /** a small pool on the benchmark's database, for picking what to request */
  pool: pg.Pool
  /** `next start` (with `--instances`: instance A) */
  next: string
  /** with `--instances`: the topology, whose nginx is `proxy` */
  stack: Stack | null
  /** nginx in front of it ('' when it did not start) */
  proxy: string
  proxyUp: boolean
  homePath: string
  hasArticlePage: boolean
  hasReferencePages: boolean
  previewModeId: string
  /**
   * Which articles the page figures request: the same value picks the same ones (with
   * `--baseline`, both builds of a repetition read the same pages; the next repetition others).
   */
  pickSeed: string
  /** the CPU ms the server under test (`next`) has used so far; with `--baseline` */
  serverCpuMs?: () => number
  /** autocannon for the options' duration (errors include timeouts) */
  load: (
    base: string,
    options: {
      path?: string
      paths?: () => string
      connections?: number
      headers?: Record<string, string>
    },
  ) => ReturnType<typeof autocannonLoad>
}

/** The instances' names in the results: A, B, … */
export const instanceName = (index: number) => String.fromCharCode(65 + index)

/**
 * Runs one load on the server under test and adds its CPU ms per answered request (`cpuMs`;
 * undefined without `bench.serverCpuMs`).
 */
export const withServerCpu = async <T extends { requests: number }>(
  bench: Pick<Bench, 'serverCpuMs'>,
  run: () => Promise<T>,
) => {
  const before = bench.serverCpuMs?.()
  const result = await run()
  const after = bench.serverCpuMs?.()
  return {
    ...result,
    cpuMs:
      before === undefined || after === undefined || !result.requests
        ? undefined
        : (after - before) / result.requests,
  }
}

/** `Bench.load`: autocannon for the options' duration, timeouts counted as errors. */
export const loadFor =
  (options: BenchOptions): Bench['load'] =>
  async (base, loadOptions) => {
    const result = await autocannonLoad(base, {
      ...loadOptions,
      connections: loadOptions.connections ?? options.connections,
      duration: options.duration,
    })
    return { ...result, errors: result.errors + result.timeouts }
  }
