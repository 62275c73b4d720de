import { expect, inject } from 'vitest'

import { readJsonAnswer, type Json } from '../../scripts/lib/jsonAnswer'

export type { Json }
export type Headers = Record<string, string>

/**
 * One request to the app under test (e2e project), JSON in and out: `body` is sent as JSON (a
 * string is sent as it is, to test malformed bodies); the answer comes back parsed when it is JSON.
 */
export const call = async (
  path: string,
  {
    method = 'GET',
    headers = {},
    body,
  }: { method?: string; headers?: Headers; body?: unknown } = {},
) => {
  const response = await fetch(`${inject('baseURL')}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
  return readJsonAnswer(response)
}

/** Logs in over REST; returns the session token (what the `payload-token` cookie carries). */
export const sessionToken = async (email: string, password: string): Promise<string> => {
  const { status, json } = await call('/api/users/login', {
    method: 'POST',
    body: { email, password },
  })
  expect(status).toBe(200)
  return json.token as string
}

/** Logs in over REST; returns the header that authenticates as that person. */
export const login = async (email: string, password: string): Promise<Headers> => ({
  authorization: `JWT ${await sessionToken(email, password)}`,
})

/** The first error message of a refusal (`{ errors: [{ message }] }`). */
export const messageOf = (json: Json) =>
  (json.errors as { message: string }[] | undefined)?.[0]?.message

/**
 * The section, bylines and hero image of a seeded English article that has a hero image: what a
 * new article borrows to pass the pre-publish checklist.
 */
export const seededChecklistParts = async () =>
  (
    (
      await call(
        '/api/articles?limit=1&depth=0&where[language][equals]=en&where[heroImage][exists]=true',
      )
    ).json.docs as { category: number; authors: number[]; heroImage: number }[]
  )[0]
