import { handleEndpoints } from 'payload'

import { COMMENT_FORM_MIN_SECONDS } from '@/lib/commentForm'
import { commentFormToken } from '@/lib/commentTokens'

/**
 * Readers' comments in tests: a form's fields as the page renders them (with a render time far
 * enough back to pass the minimum time), and posting them as a distinct reader (its own
 * X-Forwarded-For), through Payload's REST handler in-process or over HTTP.
 */
let reader = 0

/** A fresh reader address (TRUSTED_PROXY_HOPS=0: the last X-Forwarded-For entry counts). */
export const readerAddress = () => `198.51.100.${(reader++ % 250) + 1}, 10.9.${reader % 250}.7`

/** A render-time token `secondsAgo` old (default: just past the minimum time). */
export const formTokenAgo = (secondsAgo = COMMENT_FORM_MIN_SECONDS + 2) =>
  commentFormToken(new Date(Date.now() - secondsAgo * 1000))

export type CommentFields = Record<string, string | number | undefined>

export const commentFields = (articleId: number, overrides: CommentFields = {}): CommentFields => ({
  article: articleId,
  name: 'Leyla Mammadova',
  email: `reader-${Date.now().toString(36)}-${reader}@test.example`,
  body: `A thoughtful comment ${Math.random().toString(36).slice(2)}`,
  language: 'en',
  website: '',
  ts: formTokenAgo(),
  ...overrides,
})

type PostOptions = {
  /** JSON (the enhanced form) or urlencoded (no JavaScript) */
  json?: boolean
  forwardedFor?: string
  headers?: Record<string, string>
}

const requestOf = (base: string, path: string, fields: CommentFields, options: PostOptions) => {
  const clean = Object.fromEntries(
    Object.entries(fields)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  )
  return new Request(`${base}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': options.json ? 'application/json' : 'application/x-www-form-urlencoded',
      'x-forwarded-for': options.forwardedFor ?? readerAddress(),
      ...options.headers,
    },
    body: options.json ? JSON.stringify(clean) : new URLSearchParams(clean).toString(),
  })
}

/** Posts to a public comments endpoint through Payload's REST handler in this process. */
export const postInProcess = async (
  path: string,
  fields: CommentFields,
  options: PostOptions = {},
): Promise<Response> => {
  const { default: config } = await import('@payload-config')
  return handleEndpoints({
    config,
    request: requestOf('http://localhost:3000', path, fields, options),
  })
}

/** Posts to a public comments endpoint over HTTP (`base`: the server or the proxy). */
export const postOver = (
  base: string,
  path: string,
  fields: CommentFields,
  options: PostOptions = {},
): Promise<Response> =>
  fetch(requestOf(base, path, fields, options), { signal: AbortSignal.timeout(15_000) })

/** The confirm and erase links of a confirmation email's text. */
export const linksOf = (text: string) => ({
  confirm: /https?:\/\/\S+\/comments\/confirm\?token=\S+/.exec(text)?.[0] ?? null,
  erase: /https?:\/\/\S+\/comments\/erase\?token=\S+/.exec(text)?.[0] ?? null,
})

export const tokenOf = (link: string) => new URL(link).searchParams.get('token') ?? ''
