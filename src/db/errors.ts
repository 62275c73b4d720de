import { APIError, type AfterErrorHook } from 'payload'

import { message, messagesEn } from '@/lib/messages'

/**
 * What the database's limits (src/db/limits.ts) look like to the person who hit them: a status
 * and a message they can act on, in their language (the `database` messages, src/lib/messages;
 * `DATABASE_MESSAGES` is their English).
 */
export const DATABASE_MESSAGES = messagesEn.database

type DatabaseMessage = keyof typeof DATABASE_MESSAGES

/** Seconds a client is told to wait before trying again (`Retry-After`). */
export const RETRY_AFTER_SECONDS = 2

export type DatabaseRefusal = {
  status: 409 | 503
  code: 'database_busy' | 'document_busy' | 'database_timeout' | 'database_unavailable'
  /** which of the database messages it is; the answer words it in the requester's language */
  key: DatabaseMessage
  message: string
}

/** The error a request gets when no transaction slot or connection frees up in time. */
export const databaseBusy = () => {
  const error = new APIError(DATABASE_MESSAGES.busy, 503, undefined, true)
  error.name = 'DatabaseBusy'
  return error
}

const codeOf = (error: unknown): string | undefined => {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code
    e = (e as { cause?: unknown }).cause
  }
  return undefined
}

const messagesOf = (error: unknown): string => {
  const parts: string[] = []
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    parts.push(String((e as { message?: unknown }).message ?? ''))
    e = (e as { cause?: unknown }).cause
  }
  return parts.join(' | ')
}

/**
 * A database error that comes from a limit or from the database being away, as the refusal the
 * caller should see; undefined for anything else (a real error).
 */
export const databaseRefusalOf = (error: unknown): DatabaseRefusal | undefined => {
  if (error instanceof Error && error.name === 'DatabaseBusy') {
    return { status: 503, code: 'database_busy', key: 'busy', message: DATABASE_MESSAGES.busy }
  }
  const code = codeOf(error)
  const text = messagesOf(error)
  // lock_not_available (lock_timeout), deadlock_detected, serialization_failure
  if (code === '55P03' || code === '40P01' || code === '40001') {
    return { status: 409, code: 'document_busy', key: 'locked', message: DATABASE_MESSAGES.locked }
  }
  // query_canceled (statement_timeout), idle_in_transaction_session_timeout
  if (code === '57014' || code === '25P03') {
    return { status: 503, code: 'database_timeout', key: 'slow', message: DATABASE_MESSAGES.slow }
  }
  // too many connections, server shutting down, cannot connect now
  if (code === '53300' || code === '57P01' || code === '57P03' || code?.startsWith('08')) {
    return {
      status: 503,
      code: 'database_unavailable',
      key: 'gone',
      message: DATABASE_MESSAGES.gone,
    }
  }
  if (/timeout exceeded when trying to connect|cannot begin transaction/i.test(text)) {
    return { status: 503, code: 'database_busy', key: 'busy', message: DATABASE_MESSAGES.busy }
  }
  if (/Connection terminated|ECONNREFUSED|Client has encountered a connection error/i.test(text)) {
    return {
      status: 503,
      code: 'database_unavailable',
      key: 'gone',
      message: DATABASE_MESSAGES.gone,
    }
  }
  return undefined
}

/**
 * Payload's afterError hook for REST and GraphQL: a database limit reached becomes the refusal
 * above (409/503 with its message, `Retry-After`, and a stable `code`) instead of "Something
 * went wrong".
 */
export const answerDatabaseRefusals: AfterErrorHook = ({ error, graphqlResult, req }) => {
  const original = (error as { originalError?: unknown }).originalError ?? error
  const found = databaseRefusalOf(original)
  if (!found) return
  const refusal = { ...found, message: message(req, `database:${found.key}`) }
  if (graphqlResult) {
    return {
      graphqlResult: {
        ...graphqlResult,
        message: refusal.message,
        extensions: {
          ...graphqlResult.extensions,
          name: 'DatabaseRefusal',
          code: refusal.code,
          statusCode: refusal.status,
        },
      },
    }
  }
  req.responseHeaders ??= new Headers()
  req.responseHeaders.set('Retry-After', String(RETRY_AFTER_SECONDS))
  return {
    status: refusal.status,
    response: { errors: [{ message: refusal.message, data: { code: refusal.code } }] },
  }
}
