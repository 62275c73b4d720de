/**
 * Links that carry their own proof: `<data>.<signature>`, the data as base64url JSON and the
 * signature an HMAC-SHA256 keyed by PAYLOAD_SECRET and the link's purpose, so a link made for
 * one purpose (unsubscribe) is worthless for another (delete my comments). Stateless: anything
 * that must work only once keeps that state in the database as well.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

const keyOf = (purpose: string) =>
  createHmac('sha256', process.env.PAYLOAD_SECRET || '')
    .update(`signed-link:${purpose}`)
    .digest()

const signatureOf = (purpose: string, data: string) =>
  createHmac('sha256', keyOf(purpose)).update(data).digest('base64url')

/**
 * A token for `purpose` carrying `data`; with `expiresAt`, `verifyLink` refuses it after that
 * time.
 */
export const signLink = (
  purpose: string,
  data: Record<string, string | number | boolean>,
  expiresAt?: Date,
): string => {
  const body = Buffer.from(
    JSON.stringify(expiresAt ? { ...data, exp: Math.floor(expiresAt.getTime() / 1000) } : data),
  ).toString('base64url')
  return `${body}.${signatureOf(purpose, body)}`
}

export type VerifiedLink =
  | { ok: true; data: Record<string, string | number | boolean> }
  | { ok: false; reason: 'malformed' | 'forged' | 'expired' }

/** The data of a token signed for `purpose`, or why it is refused. */
export const verifyLink = (purpose: string, token: unknown, now = new Date()): VerifiedLink => {
  if (typeof token !== 'string' || token.length > 2048) return { ok: false, reason: 'malformed' }
  const [body, signature, extra] = token.split('.')
  if (!body || !signature || extra !== undefined) return { ok: false, reason: 'malformed' }
  const expected = Buffer.from(signatureOf(purpose, body))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, reason: 'forged' }
  }
  let data: unknown
  try {
    data = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
  } catch {
    return { ok: false, reason: 'malformed' }
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, reason: 'malformed' }
  }
  const { exp, ...rest } = data as Record<string, string | number | boolean>
  if (typeof exp === 'number' && exp * 1000 < now.getTime()) return { ok: false, reason: 'expired' }
  return { ok: true, data: rest }
}
