/**
 * Comments for the moderation tests: comments written by the system (Local API, as the public
 * form's endpoint would), the REST API called in-process through Payload's own handler with a
 * person's session, and the outbox's emails about comments awaiting moderation.
 */
import { handleEndpoints, type Payload } from 'payload'

import type { Comment, User } from '@/payload-types'

import { createUser, readOutbox } from './fixtures'

let counter = 0

/** A reader's comment on `article`, pending unless told otherwise. */
export const createComment = (
  payload: Payload,
  article: number,
  data: Partial<Omit<Comment, 'id' | 'createdAt' | 'updatedAt'>> = {},
): Promise<Comment> => {
  counter += 1
  return payload.create({
    collection: 'comments',
    overrideAccess: true,
    data: {
      article,
      name: `Reader ${counter}`,
      email: `reader-${counter}@readers.example`,
      body: `Comment number ${counter}: the ferry was late again this morning.`,
      language: 'en',
      status: 'pending',
      ...data,
    },
  })
}

/** The comment as stored (the system reads it, every field). */
export const storedComment = (payload: Payload, id: number) =>
  payload.findByID({ collection: 'comments', id, depth: 0, overrideAccess: true })

/** A session token for a test user (tests/helpers/fixtures.ts gives them all one password). */
export const tokenOf = async (payload: Payload, user: User): Promise<string> => {
  const { token } = await payload.login({
    collection: 'users',
    data: { email: user.email, password: 'test-password-1' },
  })
  if (!token) throw new Error(`No session for ${user.email}`)
  return token
}

const STAFF_ROLES = ['admin', 'editor', 'author', 'translator'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

/**
 * One user of each role (the install's first account, the admin, first) and a session token for
 * each, for specs that call the REST API as every role.
 */
export const createStaff = async (payload: Payload) => {
  const users = {} as Record<StaffRole, User>
  const tokens = {} as Record<StaffRole, string>
  for (const role of STAFF_ROLES) users[role] = await createUser(payload, role)
  for (const role of STAFF_ROLES) tokens[role] = await tokenOf(payload, users[role])
  return { ...users, tokens }
}

export type RestAnswer = {
  status: number
  json: {
    errors?: { message: string; data?: { code?: string } }[]
    [key: string]: unknown
  }
}

/**
 * A request to the REST API through Payload's own handler (what `/api/*` runs in the Next
 * route), as `token`'s owner (none: anonymous), in `language` when given (Accept-Language).
 */
export const rest = async (
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  {
    token,
    body,
    language,
    raw,
  }: { token?: string; body?: unknown; language?: string; raw?: string } = {},
): Promise<RestAnswer> => {
  const { default: config } = await import('@payload-config')
  const headers = new Headers()
  if (token) headers.set('Authorization', `JWT ${token}`)
  if (language) headers.set('Accept-Language', language)
  if (body !== undefined || raw !== undefined) headers.set('Content-Type', 'application/json')
  const response = await handleEndpoints({
    config,
    request: new Request(`http://localhost:3000${path}`, {
      method,
      headers,
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    }),
  })
  const text = await response.text()
  let json: RestAnswer['json'] = {}
  try {
    json = JSON.parse(text)
  } catch {
    json = { text }
  }
  return { status: response.status, json }
}

/** The outbox's emails about comments awaiting moderation, to `email` (every editor's: all). */
export const moderationMails = async (outboxDir: string, email?: string) =>
  (await readOutbox(outboxDir)).filter(
    (mail) =>
      /awaiting moderation|moderasiya gözləyən|ждут модерации/i.test(mail.subject) &&
      (!email || mail.to.includes(email)),
  ) as { to: string[]; subject: string; text: string; html: string }[]
