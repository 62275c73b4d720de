import type { Endpoint, PayloadRequest } from 'payload'

import { forStaff, readBody, reply } from '@/access/endpoints'
import { isEditorUser } from '@/access/roles'
import {
  BREAKING_SLUG,
  type BreakingMark,
  type BreakingMarkRequest,
  type BreakingMarkResponse,
} from '@/lib/breaking'
import { refuse } from '@/lib/errors'
import { idOf } from '@/lib/relations'
import type { BreakingNewsMark } from '@/payload-types'

const toMark = (doc: BreakingNewsMark): BreakingMark => ({
  id: doc.id,
  article: idOf(doc.article) ?? 0,
  language: doc.language ?? '',
  expiresAt: doc.expiresAt ?? '',
  markedAt: doc.createdAt,
  running: Boolean(doc.expiresAt) && new Date(doc.expiresAt!).getTime() > Date.now(),
})

/** Editors only; the article must exist (whatever its state). */
const editorsArticle = async (req: PayloadRequest, id: string) => {
  if (!isEditorUser(req.user)) throw refuse(req, 'breaking:editorsOnly', 403)
  if (!/^\d+$/.test(id)) throw refuse(req, 'access:notArticleId', 400, { id })
  const article = await req.payload.findByID({
    collection: 'articles',
    id: Number(id),
    req,
    overrideAccess: true,
    draft: false,
    depth: 0,
    disableErrors: true,
    select: { _status: true },
  })
  if (!article) throw refuse(req, 'access:noArticle', 404, { id })
  return { id: Number(id), published: article._status === 'published' }
}

/** The article's mark, read with the person's own access (the collection's rules apply). */
const markOf = async (req: PayloadRequest, article: number) => {
  const { docs } = await req.payload.find({
    collection: BREAKING_SLUG,
    where: { article: { equals: article } },
    limit: 1,
    depth: 0,
    req,
    user: req.user,
    overrideAccess: false,
  })
  return docs[0] ?? null
}

/**
 * The article sidebar's control: `GET /api/breaking-news/article/:id` answers the article's
 * mark; `POST` with `{ expiresAt? }` sets it (the default expiry when none is given) or changes
 * its expiry, with `{ remove: true }` removes it. Every write goes through the collection with
 * the person's own access, so its rules (`checkBreakingMark`) and hooks are the same as on
 * REST and GraphQL.
 */
export const breakingEndpoints: Endpoint[] = [
  {
    path: '/article/:id',
    method: 'get',
    handler: forStaff(async (req, id) => {
      const article = await editorsArticle(req, id)
      const mark = await markOf(req, article.id)
      return reply<BreakingMarkResponse>({
        mark: mark ? toMark(mark) : null,
        published: article.published,
      })
    }),
  },
  {
    path: '/article/:id',
    method: 'post',
    handler: forStaff(async (req, id) => {
      const article = await editorsArticle(req, id)
      const body = await readBody<BreakingMarkRequest>(req)
      const existing = await markOf(req, article.id)
      const asPerson = { req, user: req.user, overrideAccess: false, depth: 0 } as const
      if (body.remove === true) {
        if (existing)
          await req.payload.delete({ collection: BREAKING_SLUG, id: existing.id, ...asPerson })
        return reply<BreakingMarkResponse>({ mark: null, published: article.published })
      }
      const expiresAt = (body.expiresAt ?? null) as string | null
      const saved = existing
        ? await req.payload.update({
            collection: BREAKING_SLUG,
            id: existing.id,
            data: { expiresAt },
            ...asPerson,
          })
        : await req.payload.create({
            collection: BREAKING_SLUG,
            data: { article: article.id, expiresAt },
            ...asPerson,
          })
      return reply<BreakingMarkResponse>({ mark: toMark(saved), published: article.published })
    }),
  },
]
