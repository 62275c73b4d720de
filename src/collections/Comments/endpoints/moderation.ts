import { APIError, type Endpoint, type PayloadHandler, type PayloadRequest } from 'payload'

import { errorResponse, readBody, reply } from '@/access/endpoints'
import { isEditorUser } from '@/access/roles'
import { expiringOnce } from '@/cache/revalidate'
import { inTransaction } from '@/db/client'
import { adminText } from '@/i18n/admin'
import {
  MAX_MODERATE_IDS,
  MODERATION_STATUSES,
  type ModerateRequest,
  type ModerateResponse,
  type ModerationStatus,
  type ReplyRequest,
  type ReplyResponse,
} from '@/lib/commentModeration'
import { COMMENT_LIMITS } from '@/lib/comments'
import { refuse } from '@/lib/errors'
import { joinList, languageOf, message, messageCode, type MessageKey } from '@/lib/messages'
import { idOf } from '@/lib/relations'
import type { Comment } from '@/payload-types'

const refusalResponse = (req: PayloadRequest, key: MessageKey, status: number) =>
  errorResponse(message(req, key), status, messageCode(key))

/** Runs a handler for an editor (or admin); refusals become `{ errors: [{ message, data }] }`. */
const forEditors =
  (handler: (req: PayloadRequest) => Promise<Response>): PayloadHandler =>
  async (req) => {
    if (!req.user) return refusalResponse(req, 'access:logIn', 401)
    if (!isEditorUser(req.user)) return refusalResponse(req, 'moderation:editorsOnly', 403)
    try {
      return await handler(req)
    } catch (error) {
      if (error instanceof APIError && error.status < 500) {
        const code = (error.data as { code?: unknown } | undefined)?.code
        return errorResponse(
          error.message,
          error.status,
          typeof code === 'string' ? code : undefined,
        )
      }
      throw error
    }
  }

const shortList = (values: unknown[]) =>
  values
    .slice(0, 10)
    .map((value) => (typeof value === 'string' ? value : JSON.stringify(value)))
    .join(', ') + (values.length > 10 ? ', …' : '')

/** The ids of a bulk action, checked: whole positive numbers, at least one, at most the limit. */
const checkIds = (req: PayloadRequest, value: unknown): number[] => {
  if (!Array.isArray(value) || value.length === 0) throw refuse(req, 'moderation:noIds', 400)
  if (value.length > MAX_MODERATE_IDS) {
    throw refuse(req, 'moderation:tooManyIds', 400, {
      max: MAX_MODERATE_IDS,
      count: value.length,
    })
  }
  const bad = value.filter((id) => !(typeof id === 'number' && Number.isSafeInteger(id) && id > 0))
  if (bad.length) throw refuse(req, 'moderation:badIds', 400, { ids: shortList(bad) })
  return [...new Set(value as number[])]
}

const checkStatus = (req: PayloadRequest, value: unknown): ModerationStatus => {
  const status = MODERATION_STATUSES.find((one) => one === value)
  if (!status) {
    throw refuse(req, 'moderation:badStatus', 400, {
      statuses: joinList(req, MODERATION_STATUSES, 'disjunction'),
    })
  }
  return status
}

/** A comment's status through the edit path every moderation takes (hooks, access, the log). */
const setStatus = (req: PayloadRequest, id: number, status: ModerationStatus) =>
  req.payload.update({
    collection: 'comments',
    id,
    data: { status },
    req,
    user: req.user,
    overrideAccess: false,
    depth: 0,
  })

/**
 * POST /api/comments/moderate `{ ids, status }` — one bulk action of the moderation queue. All
 * or nothing: unknown ids are named and nothing changes; every change goes through Payload's
 * update (the collection's hooks: who moderated it, the public page's cache) in one
 * transaction; top-level comments first, so a reply approved with its parent passes the rule of
 * `recordModeration`. Comments already in the status are left as they are.
 */
const moderate = forEditors(async (req) => {
  const body = await readBody<ModerateRequest>(req)
  const status = checkStatus(req, body.status)
  const ids = checkIds(req, body.ids)
  const result = await expiringOnce(req, () =>
    inTransaction(req, async () => {
      const { docs } = await req.payload.find({
        collection: 'comments',
        where: { id: { in: ids } },
        req,
        depth: 0,
        limit: ids.length,
        pagination: false,
        overrideAccess: true,
        select: { status: true, parent: true },
      })
      const found = new Map(docs.map((doc) => [doc.id, doc]))
      const unknown = ids.filter((id) => !found.has(id))
      if (unknown.length)
        throw refuse(req, 'moderation:unknownIds', 404, { ids: shortList(unknown) })
      const ordered = [...docs].sort(
        (a, b) => Number(idOf(a.parent) !== null) - Number(idOf(b.parent) !== null) || a.id - b.id,
      )
      const changed: number[] = []
      const unchanged: number[] = []
      for (const doc of ordered) {
        if (doc.status === status) {
          unchanged.push(doc.id)
          continue
        }
        await setStatus(req, doc.id, status)
        changed.push(doc.id)
      }
      return { changed, unchanged }
    }),
  )
  return reply<ModerateResponse>({
    ...result,
    status,
    message: message(req, 'moderation:moderated', { count: result.changed.length }),
  })
})

const readComment = async (req: PayloadRequest, id: number): Promise<Comment> => {
  const doc = await req.payload.findByID({
    collection: 'comments',
    id,
    req,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })
  if (!doc) throw refuse(req, 'moderation:noComment', 404, { id })
  return doc
}

/**
 * POST /api/comments/:id/reply `{ body }` — the newsroom answers a comment publicly: an approved
 * comment by the site (site settings' name, contact email or the sender address), in the
 * thread's language and article, under the top-level comment (one level of replies). The
 * comment answered (and its top-level comment) are approved with it when pending; a rejected,
 * spam or unconfirmed one is not answered. One transaction.
 */
const replyAsNewsroom = forEditors(async (req) => {
  const raw = String(req.routeParams?.id ?? '')
  if (!/^\d{1,12}$/.test(raw)) throw refuse(req, 'moderation:noComment', 404, { id: raw })
  const body = await readBody<ReplyRequest>(req)
  const text = typeof body.body === 'string' ? body.body.trim() : ''
  if (!text) throw refuse(req, 'moderation:replyEmpty', 400)
  if (text.length > COMMENT_LIMITS.body) {
    throw refuse(req, 'moderation:replyTooLong', 400, { max: COMMENT_LIMITS.body })
  }
  const result = await expiringOnce(req, () =>
    inTransaction(req, async () => {
      const target = await readComment(req, Number(raw))
      const topId = idOf(target.parent)
      const top = topId === null ? target : await readComment(req, topId)
      const approved: number[] = []
      // The top-level comment first: a reply is approved only under an approved comment.
      for (const doc of top.id === target.id ? [top] : [top, target]) {
        if (doc.status === 'approved') continue
        if (doc.status !== 'pending') {
          throw refuse(req, 'moderation:replyToHidden', 409, {
            id: doc.id,
            status: adminText(languageOf(req), `comments:statuses:${doc.status}`).toLocaleLowerCase(
              languageOf(req),
            ),
          })
        }
        await setStatus(req, doc.id, 'approved')
        approved.push(doc.id)
      }
      const settings = await req.payload.findGlobal({ slug: 'site-settings', req, depth: 0 })
      const created = await req.payload.create({
        collection: 'comments',
        data: {
          article: idOf(top.article) as number,
          parent: top.id,
          name: (settings.siteName || 'Newsroom').slice(0, COMMENT_LIMITS.name),
          email: settings.contactEmail || req.payload.email.defaultFromAddress,
          body: text,
          language: top.language,
          status: 'approved',
          byNewsroom: true,
        },
        req,
        user: req.user,
        overrideAccess: false,
        depth: 0,
      })
      return { id: created.id, parent: top.id, approved }
    }),
  )
  return reply<ReplyResponse>({ ...result, message: message(req, 'moderation:replied') })
})

/** The moderation endpoints on `comments` (editors and admins only). */
export const moderationEndpoints: Endpoint[] = [
  { path: '/moderate', method: 'post', handler: moderate },
  { path: '/:id/reply', method: 'post', handler: replyAsNewsroom },
]
