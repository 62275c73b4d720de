import { randomUUID } from 'node:crypto'

import {
  APIError,
  AuthenticationError,
  Forbidden,
  Locked,
  LockedAuth,
  MissingFile,
  NotFound,
  QueryError,
  UnauthorizedError,
  UnverifiedEmail,
  ValidationError,
  type AfterErrorHook,
  type Config,
  type PayloadRequest,
} from 'payload'

import { languageOfHeaders, message, messageCode, type Audience, type MessageKey } from './messages'

/**
 * How errors answer and how they are logged. A refusal is the caller's fault: it answers with
 * its 4xx and message, and is logged at info level, one line without a stack. Anything else is a
 * real error: the answer says only that something went wrong, with a request id that the error
 * log line carries too (and the `X-Request-Id` header), so a report of a failure finds its log.
 */

/** The log line's text (for operators, in English); answers are worded by `server:` messages. */
export const errorMessages = {
  logLine: 'Request failed',
}

/** A message's answer: its text in the requester's language and its stable code. */
const answerOf = (audience: Audience, key: MessageKey) => ({
  message: message(audience, key),
  data: { code: messageCode(key) },
})

/**
 * Payload's own refusals, by the name they carry at run time. In the production bundle the
 * classes are minified and `name` is the minified one, so the names are read from the classes
 * rather than written out.
 */
const callerFaultClasses = [
  AuthenticationError,
  Forbidden,
  Locked,
  LockedAuth,
  MissingFile,
  NotFound,
  QueryError,
  UnauthorizedError,
  UnverifiedEmail,
  ValidationError,
]

/**
 * Keyed by run-time error name; Payload's type lists only its own names. `APIError` is both a
 * refusal (4xx) and a server error (5xx), so it goes to info too: every 5xx, whatever its name, is
 * logged at error level with its stack by `answerErrors`.
 */
export const loggingLevels = {
  ...Object.fromEntries(
    [...callerFaultClasses, APIError]
      .map((errorClass) => errorClass.name)
      // Not a minified name that plain errors (database failures, bugs) also carry.
      .filter((name) => name !== 'Error')
      .map((name) => [name, 'info']),
  ),
  // The project's refusals (src/lib/errors.ts) and a malformed JSON parameter or body.
  Refusal: 'info',
  SyntaxError: 'info',
  // Every error of a GraphQL operation comes wrapped under this name, refusals and real errors
  // alike: the real ones are logged at error level, with their stack, by `answerErrors`.
  GraphQLError: 'info',
} as NonNullable<Config['loggingLevels']>

/** Errors thrown while reading the request itself (before any operation), and their status. */
const malformedRequest = (error: unknown): { status: number; key: MessageKey } | null => {
  if (error instanceof SyntaxError) return { status: 400, key: 'server:malformedJson' }
  // Payload's own refusal of a body it cannot parse (`addDataAndFileToRequest`), in English.
  if (error instanceof Error && error.message === 'Invalid JSON') {
    return { status: 400, key: 'server:malformedJson' }
  }
  if (
    error instanceof Error &&
    /^(Malformed part header|Malformed urlencoded form|Unexpected end of form|Multipart: Boundary not found|Unsupported content type)/.test(
      error.message,
    )
  ) {
    return { status: 400, key: 'server:malformedForm' }
  }
  return null
}

/** Payload's answer to an error it hides (not public): its English "Something went wrong.". */
const PAYLOAD_HIDDEN_ERROR = 'Something went wrong.'

/** Whether a 5xx answer says something of its own (a public 503), rather than Payload's hiding text. */
const isOwnAnswer = (result: { errors?: { message?: string }[] } | undefined) =>
  Boolean(
    result?.errors?.length &&
    !(result.errors.length === 1 && result.errors[0].message === PAYLOAD_HIDDEN_ERROR),
  )

/** One id per request, however many errors it has (GraphQL may report several). */
const requestIdOf = (req: PayloadRequest) => {
  const requestId = (req.context.requestId ??= randomUUID())
  const headers = new Headers(req.responseHeaders)
  headers.set('X-Request-Id', requestId)
  req.responseHeaders = headers
  return requestId
}

/**
 * Whether Payload has just logged this error with its stack (`logError`: any level but info;
 * none when the level is false). If not, the request-id line carries the stack.
 */
const loggedWithStack = (req: PayloadRequest, error: Error) => {
  const level = (req.payload.config.loggingLevels as Record<string, unknown>)[error.name]
  return level === undefined || (Boolean(level) && level !== 'info')
}

/** The error line of a server error, with the request id its answer carries. */
const logServerError = (
  req: PayloadRequest,
  error: Error,
  status: number,
  requestId: string,
  withStack: boolean,
) => {
  let path = ''
  try {
    path = new URL(req.url ?? '', 'http://localhost').pathname
  } catch {
    // no URL (a Local API call)
  }
  req.payload.logger.error(
    {
      requestId,
      status,
      method: req.method,
      path,
      error: `${error.name}: ${error.message}`,
      ...(withStack ? { stack: error.stack } : {}),
    },
    errorMessages.logLine,
  )
}

/**
 * `hooks.afterError` (REST and GraphQL): malformed requests become a 400 with a message and a
 * code; a server error answers `{ errors: [{ message: 'Something went wrong.' }], requestId }`
 * with the same id in `X-Request-Id` and in an error log line. Every text is in the requester's
 * language (`req.i18n`, src/lib/messages).
 */
export const answerErrors: AfterErrorHook = ({ error, graphqlResult, req, result }) => {
  const { originalError } = error as { originalError?: unknown }
  const original = originalError instanceof Error ? originalError : error
  const malformed = malformedRequest(original)
  const status = malformed?.status ?? (original as { status?: number }).status ?? 500
  if (graphqlResult) {
    if (malformed) {
      const { message: text, data } = answerOf(req, malformed.key)
      return {
        graphqlResult: {
          ...graphqlResult,
          message: text,
          extensions: { ...graphqlResult.extensions, data, statusCode: status },
        },
      }
    }
    if (status < 500) return
    const requestId = requestIdOf(req)
    logServerError(req, original, status, requestId, !loggedWithStack(req, error))
    return {
      graphqlResult: {
        ...graphqlResult,
        message: message(req, 'server:error'),
        extensions: { ...graphqlResult.extensions, requestId },
      },
    }
  }
  if (malformed) {
    return {
      response: { errors: [{ name: 'Refusal', ...answerOf(req, malformed.key) }] },
      status,
    }
  }
  if (status < 500) {
    // Payload formats an error whose class name was minified away as "An unknown error
    // occurred.", and drops the `data` (the message's code) of an APIError it does not
    // recognise as one in the production bundle; a public refusal keeps its message and code.
    const { isPublic, data } = original as {
      isPublic?: boolean
      data?: Record<string, unknown>
    }
    const first = result?.errors?.[0] as { message?: string; data?: unknown } | undefined
    if (
      isPublic &&
      original.message &&
      (first?.message !== original.message || (data != null && first?.data == null))
    ) {
      // The project's refusals are named (src/lib/errors.ts); Payload's own names are minified.
      const named = original.name === 'Refusal' ? { name: original.name } : {}
      const error = data == null ? {} : { ...named, data }
      return { response: { errors: [{ ...error, message: original.message }] }, status }
    }
    return
  }
  const requestId = requestIdOf(req)
  logServerError(req, original, status, requestId, !loggedWithStack(req, error))
  return {
    response: {
      errors: isOwnAnswer(result) ? result!.errors : [answerOf(req, 'server:error')],
      requestId,
    },
    status,
  }
}

/**
 * Wraps the GraphQL route, which reads the request body itself: a body that is not JSON or not a
 * form is a 400 with a message instead of an empty 500, and a query refused before it runs
 * (syntax, validation, depth, aliases, cost: errors and no `data`) is a 400 rather than a 200,
 * as the GraphQL-over-HTTP spec answers it.
 */
export const answerMalformedBodies =
  <Args extends unknown[]>(handler: (request: Request, ...args: Args) => Promise<Response>) =>
  async (request: Request, ...args: Args): Promise<Response> => {
    let response: Response
    try {
      response = await handler(request, ...args)
    } catch (error) {
      const malformed = malformedRequest(error)
      const { status, isPublic, data } = error as {
        status?: number
        isPublic?: boolean
        data?: unknown
      }
      if (malformed) {
        const language = languageOfHeaders(request.headers)
        return Response.json(
          { errors: [{ name: 'Refusal', ...answerOf(language, malformed.key) }] },
          { status: malformed.status },
        )
      }
      if (typeof status === 'number' && status >= 400 && status < 500 && isPublic) {
        const extra = data === undefined ? {} : { data }
        return Response.json(
          { errors: [{ message: (error as Error).message, ...extra }] },
          { status },
        )
      }
      throw error
    }
    if (response.status !== 200) return response
    const text = await response.text()
    let refusedBeforeRunning = false
    try {
      const json = JSON.parse(text) as { data?: unknown; errors?: unknown[] }
      refusedBeforeRunning =
        !('data' in json) && Array.isArray(json.errors) && json.errors.length > 0
    } catch {
      // not JSON: passed on as it is
    }
    return new Response(text, {
      headers: response.headers,
      status: refusedBeforeRunning ? 400 : response.status,
    })
  }
