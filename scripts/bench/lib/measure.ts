/** Measuring: autocannon against the site, memory sampled from /proc. */
import { readdirSync, readFileSync } from 'node:fs'

import autocannon from 'autocannon'

import { percentile } from '../../lib/stats'

export type Load = {
  requestsPerSecond: number
  p50: number
  p95: number
  p99: number
  requests: number
  /** connection errors, timeouts not included */
  errors: number
  timeouts: number
  non2xx: number
  /** responses by HTTP status */
  statuses: Record<string, number>
}

export { percentile }

/** autocannon against one URL (or a path chosen per request) for `duration` seconds. */
export const load = async (
  base: string,
  options: {
    path?: string
    paths?: () => string
    connections: number
    duration: number
    headers?: Record<string, string>
    timeoutSeconds?: number
  },
): Promise<Load> => {
  const times: number[] = []
  const statuses: Record<string, number> = {}
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${base}${options.path ?? '/'}`,
        connections: options.connections,
        duration: options.duration,
        headers: options.headers,
        timeout: options.timeoutSeconds ?? 10,
        ...(options.paths
          ? { requests: [{ setupRequest: (request) => ({ ...request, path: options.paths!() }) }] }
          : {}),
      },
      (error: unknown, done: autocannon.Result) => (error ? reject(error) : resolve(done)),
    )
    instance.on('response', (_client, status, _bytes, responseTime) => {
      times.push(responseTime)
      statuses[status] = (statuses[status] ?? 0) + 1
    })
  })
  times.sort((a, b) => a - b)
  return {
    requestsPerSecond: result.requests.average,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    requests: result.requests.total,
    // autocannon counts a timeout as an error too
    errors: result.errors - result.timeouts,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statuses,
  }
}

/** A process and its descendants, from /proc (empty when it has exited). */
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

/**
 * The summed RSS (kB) of processes and their descendants, and the largest VmHWM of one; with
 * `pss`, their summed PSS too (shared pages divided among the processes sharing them: a sum that
 * counts PostgreSQL's shared buffers once, not once per backend).
 */
const treeMemory = (pids: number[], { pss = false } = {}) => {
  let rss = 0
  let hwm = 0
  let pssKb = 0
  for (const p of new Set(pids.flatMap(descendants))) {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8')
      rss += kb(status, 'VmRSS')
      hwm = Math.max(hwm, kb(status, 'VmHWM'))
      if (pss) pssKb += kb(readFileSync(`/proc/${p}/smaps_rollup`, 'utf8'), 'Pss')
    } catch {
      // exited between listing and reading
    }
  }
  return { rss, hwm, pss: pssKb }
}

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100

/**
 * The CPU time (user + system, ms) a process and its descendants have used so far, from /proc;
 * the difference across a load is the server's CPU per request, which other work on shared
 * cores disturbs far less than req/s or latency.
 */
export const cpuMsOf = (pid: number) => {
  let ticks = 0
  for (const p of new Set(descendants(pid))) {
    try {
      // The fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
      const fields = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1].split(' ')
      ticks += Number(fields[11]) + Number(fields[12])
    } catch {
      // exited between listing and reading
    }
  }
  return (1000 * ticks) / TICKS_PER_SECOND
}

/**
 * Memory of a process and its descendants, sampled from /proc every `everyMs`: the peak, the
 * largest VmHWM of one process, and every sample (seconds since start, MB) to see growth.
 */
export const memorySampler = (pid: number, everyMs = 250) => {
  const t0 = Date.now()
  let peakRss = 0
  let peakHwm = 0
  const samples: { s: number; mb: number }[] = []
  const sample = () => {
    const { rss, hwm } = treeMemory([pid])
    peakHwm = Math.max(peakHwm, hwm)
    peakRss = Math.max(peakRss, rss)
    samples.push({ s: (Date.now() - t0) / 1000, mb: rss / 1024 })
    return rss / 1024
  }
  const timer = setInterval(sample, everyMs)
  sample()
  return {
    /** the current RSS of the tree, in MB */
    now: sample,
    samples,
    stop: () => {
      clearInterval(timer)
      sample()
      return { peakRssMb: peakRss / 1024, peakHwmMb: peakHwm / 1024 }
    },
  }
}

/**
 * The peak memory of several parts at once (each its processes and their descendants), sampled
 * from /proc every `everyMs` as `memorySampler` does. A part's process ids are asked for at every
 * sample, so a restarted process is followed.
 */
export const partsSampler = (
  parts: { name: string; pids: () => (number | undefined)[] }[],
  everyMs = 250,
) => {
  const peaks = parts.map((part) => ({ name: part.name, peakRssKb: 0, peakPssKb: 0, peakHwmKb: 0 }))
  const sample = () =>
    parts.forEach((part, i) => {
      const pids = part.pids().filter((p): p is number => typeof p === 'number' && p > 0)
      const { rss, hwm, pss } = treeMemory(pids, { pss: true })
      peaks[i].peakRssKb = Math.max(peaks[i].peakRssKb, rss)
      peaks[i].peakPssKb = Math.max(peaks[i].peakPssKb, pss)
      peaks[i].peakHwmKb = Math.max(peaks[i].peakHwmKb, hwm)
    })
  const timer = setInterval(sample, everyMs)
  sample()
  return {
    /** each part's peak RSS and PSS (its processes summed) and largest VmHWM of one, in MB */
    stop: () => {
      clearInterval(timer)
      sample()
      return peaks.map(({ name, peakRssKb, peakPssKb, peakHwmKb }) => ({
        name,
        peakRssMb: peakRssKb / 1024,
        peakPssMb: peakPssKb / 1024,
        peakHwmMb: peakHwmKb / 1024,
      }))
    },
  }
}
