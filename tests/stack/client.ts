export { callAt, loginAt, type Headers, type Json } from '../helpers/http'

/** Polls `check` every `everyMs` until it returns something truthy or `ms` have passed. */
export const eventually = async <T>(check: () => Promise<T>, ms = 20_000, everyMs = 50) => {
  const deadline = Date.now() + ms
  let value = await check()
  while (!value && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, everyMs))
    value = await check()
  }
  return value
}

/**
 * Readers who keep reading through `base` until `stop()`: `readers` loops, each asking for the
 * next of `paths` as soon as the last answered. Every answer is kept (status, or 0 for a
 * connection error or a 10 s timeout), so a test can say that none failed.
 */
export const readersOn = (base: string, paths: string[], readers = 4) => {
  const answers: { path: string; status: number; error?: string }[] = []
  let running = true
  const loops = Array.from({ length: readers }, async (_, reader) => {
    for (let i = reader; running; i += readers) {
      const path = paths[i % paths.length].replace('{n}', `${Date.now()}-${reader}-${i}`)
      try {
        const response = await fetch(`${base}${path}`, {
          redirect: 'manual',
          signal: AbortSignal.timeout(10_000),
        })
        await response.arrayBuffer()
        answers.push({ path, status: response.status })
      } catch (error) {
        answers.push({ path, status: 0, error: (error as Error).message })
      }
    }
  })
  return {
    answers,
    stop: async () => {
      running = false
      await Promise.all(loops)
      return answers
    },
  }
}
