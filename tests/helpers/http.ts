import { expect, inject } from 'vitest'

import { readJsonAnswer, type Json } from '../../scripts/lib/jsonAnswer'

export type { Json }
export type Headers = Record<string, string>

/**
 * One request to `base` (an app instance or a proxy), JSON in and out: `body` is sent as JSON (a
 * string is sent as it is, to test malformed bodies); the answer comes back parsed when it is JSON.
 */
export const callAt = async (
  base: string,
  path: string,
  {
    method = 'GET',
    headers = {},
    body,
  }: { method?: string; headers?: Headers; body?: unknown } = {},
) => {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
  return readJsonAnswer(response)
}

/** One request to the app under test (the e2e project's server): `callAt` its base URL. */
export const call = (path: string, options?: Parameters<typeof callAt>[2]) =>
  callAt(inject('baseURL'), path, options)

/** Logs in over REST at `base`; returns the session token (what the `payload-token` cookie carries). */
export const sessionTokenAt = async (
  base: string,
  email: string,
  password: string,
): Promise<string> => {
  const { status, json } = await callAt(base, '/api/users/login', {
    method: 'POST',
    body: { email, password },
  })
  expect(status).toBe(200)
  return json.token as string
}

/** Logs in over REST; returns the session token (what the `payload-token` cookie carries). */
export const sessionToken = (email: string, password: string): Promise<string> =>
  sessionTokenAt(inject('baseURL'), email, password)

/** Logs in over REST at `base`; returns the header that authenticates as that person. */
export const loginAt = async (base: string, email: string, password: string): Promise<Headers> => ({
  authorization: `JWT ${await sessionTokenAt(base, email, password)}`,
})

/** Logs in over REST; returns the header that authenticates as that person. */
export const login = (email: string, password: string): Promise<Headers> =>
  loginAt(inject('baseURL'), email, password)

/** The first error message of a refusal (`{ errors: [{ message }] }`). */
export const messageOf = (json: Json) =>
  (json.errors as { message: string }[] | undefined)?.[0]?.message

/** Fires a workflow transition over REST as `headers`; answers the status and body. */
export const transitionAt = (headers: Headers, id: number, name: string) =>
  call(`/api/articles/${id}/transition`, { method: 'POST', headers, body: { transition: name } })

/** Fires a workflow transition over REST and expects it to pass. */
export const fireTransition = async (headers: Headers, id: number, name: string) => {
  const { status, json } = await transitionAt(headers, id, name)
  expect(status, messageOf(json)).toBe(200)
}

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

/**
 * A new article made over REST as `headers`: a draft with the checklist's section, bylines and
 * hero image borrowed from a seeded article (`fields` add to or replace them, `title` at least),
 * then published through the workflow unless `publish` is false.
 */
export const createArticleOverRest = async (
  headers: Headers,
  fields: { title: string } & Json,
  { publish = true }: { publish?: boolean } = {},
): Promise<{ id: number; slug: string }> => {
  const ready = await seededChecklistParts()
  const created = await call('/api/articles?draft=true', {
    method: 'POST',
    headers,
    body: {
      language: 'en',
      dek: `A dek for ${fields.title}.`,
      category: ready.category,
      authors: ready.authors,
      heroImage: ready.heroImage,
      ...fields,
    },
  })
  expect(created.status, messageOf(created.json)).toBe(201)
  const { id, slug } = created.json.doc as { id: number; slug: string }
  if (publish) await fireTransition(headers, id, 'publish')
  return { id, slug }
}
