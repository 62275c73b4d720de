/**
 * The one way the admin's client components call the server: same-origin, with the admin's
 * session cookie, JSON both ways, a timeout, and a refusal (`{ errors: [{ message }] }` or
 * `{ message }`) turned into an `AdminFetchError` carrying the server's own message. The answer
 * is typed by the endpoint's contract (`src/workflow/api.ts`, `src/translations/api.ts`) or by
 * Payload's generated types for its own REST API.
 */
import type { ErrorBody } from '@/access/endpoints'

/** How long a call may take before it is given up. */
export const ADMIN_FETCH_TIMEOUT_MS = 30_000

export type AdminFetchOptions = {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  /** sent as JSON */
  body?: unknown
  signal?: AbortSignal
  timeoutMs?: number
}

/**
 * A failed call. `serverMessage` is what the server said (it says why, and what is allowed from
 * here); it is absent when the server said nothing readable, the network failed or the call
 * timed out.
 */
export class AdminFetchError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly serverMessage?: string,
  ) {
    super(message)
    this.name = 'AdminFetchError'
  }
}

/** What to show a person for a failed call: the server's message, else the caller's fallback. */
export const failureMessage = (error: unknown, fallback: string): string =>
  error instanceof AdminFetchError && error.serverMessage ? error.serverMessage : fallback

const messageOf = (body: unknown): string | undefined => {
  if (!body || typeof body !== 'object') return undefined
  const { errors, message } = body as Partial<ErrorBody> & { message?: unknown }
  const first = Array.isArray(errors) ? errors[0]?.message : undefined
  if (typeof first === 'string' && first) return first
  return typeof message === 'string' && message ? message : undefined
}

export const adminFetch = async <T>(
  url: string,
  { method = 'GET', body, signal, timeoutMs = ADMIN_FETCH_TIMEOUT_MS }: AdminFetchOptions = {},
): Promise<T> => {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeoutMs)
  const stop = () => controller.abort()
  if (signal?.aborted) controller.abort()
  signal?.addEventListener('abort', stop)
  try {
    let response: Response
    try {
      response = await fetch(url, {
        method,
        credentials: 'same-origin',
        cache: 'no-store',
        signal: controller.signal,
        headers: {
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    } catch (error) {
      if (signal?.aborted) throw error
      const timedOut = controller.signal.aborted
      throw new AdminFetchError(timedOut ? 'Timed out' : String(error), 0)
    }
    const json: unknown = await response.json().catch(() => null)
    if (!response.ok) {
      const serverMessage = messageOf(json)
      throw new AdminFetchError(
        serverMessage ?? `HTTP ${response.status}`,
        response.status,
        serverMessage,
      )
    }
    return json as T
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', stop)
  }
}
