import { percentile } from '../../scripts/lib/stats'

export { percentile }

/** One bounded request of a load test: what came back, and how long it took. */
export type Answer = {
  status: number
  /** milliseconds from send to the whole body */
  ms: number
  json: Record<string, unknown>
  /** true when the bound ran out before an answer */
  timedOut: boolean
}

/**
 * Sends one request to `base` + `path` and waits at most `timeoutMs` for the whole answer; a
 * request that runs out of time is an answer too (`timedOut`), so a load test never hangs.
 */
export const bounded = async (
  base: string,
  path: string,
  {
    method = 'GET',
    headers = {},
    body,
    timeoutMs = 30_000,
  }: { method?: string; headers?: Record<string, string>; body?: unknown; timeoutMs?: number } = {},
): Promise<Answer> => {
  const started = performance.now()
  try {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    })
    const text = await response.text()
    let json: Record<string, unknown> = {}
    try {
      json = JSON.parse(text) as Record<string, unknown>
    } catch {
      // a page, not JSON
    }
    return { status: response.status, ms: performance.now() - started, json, timedOut: false }
  } catch (error) {
    if ((error as Error).name !== 'TimeoutError') throw error
    return { status: 0, ms: performance.now() - started, json: {}, timedOut: true }
  }
}

/**
 * Reads `paths` in turn every `everyMs` until stopped, as readers keep doing while the desk
 * saves; returns every answer.
 */
export const keepReading = (base: string, paths: string[], everyMs = 100, timeoutMs = 15_000) => {
  const answers: Array<Answer & { path: string }> = []
  let running = true
  const loop = (async () => {
    for (let i = 0; running; i++) {
      const path = paths[i % paths.length]
      answers.push({ path, ...(await bounded(base, path, { timeoutMs })) })
      await new Promise((resolve) => setTimeout(resolve, everyMs))
    }
  })()
  return {
    stop: async () => {
      running = false
      await loop
      return answers
    },
  }
}

/**
 * Logs how a burst of saves went (`label`: how many were acknowledged, the slowest answer, the
 * readers' 95th percentile) and returns the acknowledged saves.
 */
export const reportSaves = <S extends { saved: boolean; ms: number }>(
  label: string,
  saves: S[],
  reads: { ms: number }[],
): S[] => {
  const acknowledged = saves.filter((save) => save.saved)
  console.info(
    `${label}: ${acknowledged.length}/${saves.length} saved, slowest answer ${Math.round(
      Math.max(...saves.map((s) => s.ms)),
    )} ms, readers' p95 ${Math.round(
      percentile(
        reads.map((r) => r.ms),
        95,
      ),
    )} ms`,
  )
  return acknowledged
}
