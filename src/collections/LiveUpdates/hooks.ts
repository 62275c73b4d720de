import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
} from 'payload'

import { refuse } from '@/lib/errors'
import { LIVE_LIMITS, liveIdOf, type LiveKind } from '@/lib/live'
import type { LiveUpdate } from '@/payload-types'

import { expireLive } from './cache'

/** What each kind needs besides its time. */
const NEEDS: Record<LiveKind, (keyof LiveUpdate)[]> = {
  text: ['text'],
  image: ['image'],
  quote: ['text', 'attribution'],
  link: ['url'],
}

const filled = (value: unknown) =>
  value !== null && value !== undefined && !(typeof value === 'string' && value.trim() === '')

/**
 * An update is posted to an article whose coverage is live (corrections, edits and deletes,
 * stay possible after it ended), within the coverage's bound, carries what its kind needs, keeps
 * its article, and records who posted it. Checked on every way in (REST, GraphQL, the admin, the
 * Local API), before Payload's own field validation (lengths, the link's scheme).
 */
export const checkLiveUpdate: CollectionBeforeChangeHook<LiveUpdate> = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const merged = { ...originalDoc, ...data } as Partial<LiveUpdate>
  const articleId = liveIdOf(merged.article)
  if (operation === 'update' && data.article !== undefined) {
    if (liveIdOf(data.article) !== liveIdOf(originalDoc?.article)) {
      throw refuse(req, 'live:otherArticle', 400)
    }
  }
  const kind = (merged.kind ?? 'text') as LiveKind
  const missing = (NEEDS[kind] ?? []).filter((field) => !filled(merged[field]))
  if (missing.length > 0) {
    const fields = missing.map((field) => String(field)).join(', ')
    throw refuse(req, 'live:missing', 400, { kind, fields })
  }
  if (operation === 'create') {
    if (!articleId) throw refuse(req, 'live:notLive', 409)
    const { docs } = await req.payload.find({
      collection: 'live-coverages',
      where: { article: { equals: articleId } },
      depth: 0,
      limit: 1,
      pagination: false,
      overrideAccess: true,
      req,
    })
    const coverage = docs[0]
    if (!coverage) throw refuse(req, 'live:notLive', 409)
    if (coverage.status !== 'live') throw refuse(req, 'live:ended', 409)
    const { totalDocs } = await req.payload.count({
      collection: 'live-updates',
      where: { article: { equals: articleId } },
      overrideAccess: true,
      req,
    })
    if (totalDocs >= LIVE_LIMITS.perCoverage) {
      throw refuse(req, 'live:tooMany', 409, { max: LIVE_LIMITS.perCoverage })
    }
    return {
      ...data,
      kind,
      postedAt: data.postedAt || new Date().toISOString(),
      author: req.user?.id ?? null,
    }
  }
  return data
}

export const expireLiveUpdate: CollectionAfterChangeHook<LiveUpdate> = async ({ doc, req }) => {
  await expireLive(req, liveIdOf(doc.article))
  return doc
}

export const expireDeletedLiveUpdate: CollectionAfterDeleteHook<LiveUpdate> = async ({
  doc,
  req,
}) => {
  await expireLive(req, liveIdOf(doc.article))
  return doc
}
