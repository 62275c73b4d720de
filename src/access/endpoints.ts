import {
  addDataAndFileToRequest,
  APIError,
  type PayloadHandler,
  type PayloadRequest,
} from 'payload'

import { isStaffUser } from '@/access/roles'
import { refusal, refuse } from '@/lib/errors'
import type { Article } from '@/payload-types'

/**
 * Building blocks of the newsroom's custom endpoints (workflow, translations): staff only, a
 * JSON body, the article as the caller may read it, answers typed by the endpoint's contract
 * (`src/workflow/api.ts`, `src/translations/api.ts`) and refusals as `{ errors: [{ message }] }`
 * with their 4xx status.
 */
export const MAX_TEXT = 4000

/** What every refusal answers (Payload's own error answers have the same shape). */
export type ErrorBody = { errors: { message: string }[] }

/** A JSON answer checked against the endpoint's contract: `reply<WorkflowStateResponse>({ … })`. */
export const reply = <T>(body: T, init?: ResponseInit): Response => Response.json(body, init)

export const errorResponse = (message: string, status: number) =>
  reply<ErrorBody>({ errors: [{ message }] }, { status })

/** Runs a handler for a logged-in newsroom member; errors become `{ errors: [{ message }] }`. */
export const forStaff =
  (handler: (req: PayloadRequest, id: string) => Promise<Response>): PayloadHandler =>
  async (req) => {
    if (!req.user) return errorResponse('Log in to the newsroom first.', 401)
    if (!isStaffUser(req.user)) return errorResponse('Only newsroom staff can do this.', 403)
    try {
      return await handler(req, String(req.routeParams?.id ?? ''))
    } catch (error) {
      if (error instanceof APIError && error.status < 500) {
        return errorResponse(error.message, error.status)
      }
      throw error
    }
  }

/** The article as this person may read it (the latest version, drafts included). */
export const readArticle = async (req: PayloadRequest, id: string): Promise<Article> => {
  if (!/^\d+$/.test(id)) throw refusal(`"${id}" is not an article id.`, 400)
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
  if (!article) throw refusal(`No article with id ${id}.`, 404)
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

export const optionalText = (value: unknown, field: string): string | null => {
  if (value === undefined || value === null || value === '') return null
  if (typeof value !== 'string') throw refusal(`"${field}" must be text.`, 400)
  if (value.length > MAX_TEXT) {
    throw refusal(`"${field}" is limited to ${MAX_TEXT} characters.`, 400)
  }
  return value
}
