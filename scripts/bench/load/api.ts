/** The load run's HTTP client for Payload's REST API on `next start`. */
import { readJsonAnswer, type Json, type JsonAnswer } from '../../lib/jsonAnswer'

export type { Json }
export type Answer = JsonAnswer

export type Api = ReturnType<typeof apiClient>

export const apiClient = (next: string) => {
  const api = async (
    path: string,
    {
      method = 'GET',
      token,
      body,
      timeoutMs = 60_000,
    }: { method?: string; token?: string; body?: unknown; timeoutMs?: number } = {},
  ): Promise<Answer> => {
    const response = await fetch(`${next}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `JWT ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    })
    return readJsonAnswer(response)
  }
  /** The answer's JSON; a status of 300 or more throws. */
  const must = async (what: string, answer: Promise<Answer>) => {
    const { status, text, json } = await answer
    if (status >= 300) throw new Error(`${what}: ${status} ${text.slice(0, 300)}`)
    return json
  }
  const loginAs = async (email: string, password: string) =>
    (
      await must(
        `login ${email}`,
        api('/api/users/login', { method: 'POST', body: { email, password } }),
      )
    ).token as string
  return { api, must, loginAs }
}
