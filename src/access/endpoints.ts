import {
  addDataAndFileToRequest,
  APIError,
  type PayloadHandler,
  type PayloadRequest,
} from 'payload'

import { isStaffUser } from '@/access/roles'
import { refuse } from '@/lib/errors'
import { message, messageCode, type Audience, type MessageKey } from '@/lib/messages'
import type { Article } from '@/payload-types'

/**
 * Building blocks of the newsroom's custom endpoints (workflow, translations): staff only, a
 * JSON body, the article as the caller may read it, answers typed by the endpoint's contract
 * (`src/workflow/api.ts`, `src/translations/api.ts`) and refusals as
 * `{ errors: [{ message, data: { code } }] }` with their 4xx status: the message in the requester's
 * language, the code stable (src/lib/messages).
 */
export const MAX_TEXT = 4000

/** What every refusal answers (Payload's own error answers have the same shape). */
export type ErrorBody = { errors: { message: string; data?: { code?: string } }[] }

/** A JSON answer checked against the endpoint's contract: `reply<WorkflowStateResponse>({ … })`. */
export const reply = <T>(body: T, init?: ResponseInit): Response => Response.json(body, init)

export const errorResponse = (text: string, status: number, code?: string) =>
  reply<ErrorBody>({ errors: [{ message: text, ...(code ? { data: { code } } : {}) }] }, { status })

/** A refusal answered directly, worded in the requester's language, with its code. */
const refusalResponse = (req: PayloadRequest, key: MessageKey, status: number) =>
  errorResponse(message(req, key), status, messageCode(key))

/** The stable code an APIError carries (`refuse`), if any. */
const codeOf = (error: APIError): string | undefined => {
  const code = (error.data as { code?: unknown } | undefined)?.code
  return typeof code === 'string' ? code : undefined
}

/** Runs a handler for a logged-in newsroom member; errors become `{ errors: [{ message, data }] }`. */
export const forStaff =
  (handler: (req: PayloadRequest, id: string) => Promise<Response>): PayloadHandler =>
  async (req) => {
    if (!req.user) return refusalResponse(req, 'access:logIn', 401)
    if (!isStaffUser(req.user)) return refusalResponse(req, 'access:staffOnly', 403)
    try {
      return await handler(req, String(req.routeParams?.id ?? ''))
    } catch (error) {
      if (error instanceof APIError && error.status < 500) {
        return errorResponse(error.message, error.status, codeOf(error))
      }
      throw error
    }
  }

/** The article as this person may read it (the latest version, drafts included). */
export const readArticle = async (req: PayloadRequest, id: string): Promise<Article> => {
  if (!/^\d+$/.test(id)) throw refuse(req, 'access:notArticleId', 400, { id })
  const article = await req.payload.findByID({
    collection: 'articles',
    id: Number(id),
    req,
    user: req.user,
    overrideAccess: false,
    draft: true,
    depth: 0,
    disableErrors: true,
  })
  if (!article) throw refuse(req, 'access:noArticle', 404, { id })
  return article
}

/**
 * The JSON body, keyed by the fields of the endpoint's request type; every value is still
 * `unknown` (it comes from the client) until the handler has checked it.
 */
export const readBody = async <T extends object = Record<string, unknown>>(
  req: PayloadRequest,
): Promise<{ [K in keyof T]?: unknown }> => {
  try {
    await addDataAndFileToRequest(req)
  } catch {
    throw refuse(req, 'request:notJson', 400)
  }
  return (req.data ?? {}) as { [K in keyof T]?: unknown }
}

/** A text value of a request body, or null when absent; refused (in `req`'s language) otherwise. */
export const optionalText = (value: unknown, field: string, req?: Audience): string | null => {
  if (value === undefined || value === null || value === '') return null
  if (typeof value !== 'string') throw refuse(req, 'access:notText', 400, { field })
  if (value.length > MAX_TEXT) {
    throw refuse(req, 'access:tooLong', 400, { field, max: MAX_TEXT })
  }
  return value
}
