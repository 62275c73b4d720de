import 'server-only'

import { cacheTags } from '@/cache/tags'
import { drizzleOf } from '@/db/client'
import { hasLiveCoverage } from '@/db/live'
import type { Language } from '@/lib/languages'
import {
  LIVE_LIMITS,
  type LiveKind,
  type LiveStatus,
  type PublicLiveCoverage,
  type PublicLiveUpdate,
} from '@/lib/live'
import { safeHref } from '@/lib/safeUrl'
import type { LiveUpdate } from '@/payload-types'

import { cached } from './cached'
import { getPayloadClient } from './payload'
import { mediaPopulate, toImage } from './shapes'

export type { PublicLiveCoverage, PublicLiveUpdate } from '@/lib/live'

const toPublic = (doc: LiveUpdate): PublicLiveUpdate => ({
  id: doc.id,
  kind: doc.kind as LiveKind,
  postedAt: doc.postedAt,
  updatedAt: doc.updatedAt,
  pinned: Boolean(doc.pinned),
  headline: doc.headline || null,
  text: doc.text || null,
  image: doc.kind === 'image' ? toImage(doc.image, 'card') : null,
  attribution: doc.kind === 'quote' ? doc.attribution || null : null,
  url: doc.kind === 'link' ? (safeHref(doc.url) ?? null) : null,
  linkTitle: doc.kind === 'link' ? doc.linkTitle || null : null,
})

/**
 * An article's live coverage as readers see it: its state and its newest `limit` updates
 * (bounded by `LIVE_LIMITS.page`), newest first. Null when the article is not published (a
 * draft's coverage is never public) or has no coverage. The article is checked as the anonymous
 * reader (`overrideAccess: false`) once the coverage is known to exist, then the two closed collections are read by the system,
 * selecting what a reader may see (never who posted). Tagged with the article's live tag, which
 * every change of its coverage or updates expires (src/collections/LiveUpdates/cache.ts), and
 * the article's own (a publish or an unpublish).
 */
export const getLiveCoverage = cached(
  'live-coverage',
  async ({
    articleId,
    language,
    limit,
  }: {
    articleId: number
    language: Language
    limit: number
  }): Promise<PublicLiveCoverage | null> => {
    const payload = await getPayloadClient()
    // Most articles never had coverage: one indexed lookup answers them.
    if (!(await hasLiveCoverage(drizzleOf(payload), articleId))) return null
    const published = await payload.find({
      collection: 'articles',
      where: { id: { equals: articleId } },
      overrideAccess: false,
      draft: false,
      depth: 0,
      limit: 1,
      pagination: false,
      select: { slug: true },
    })
    if (published.docs.length === 0) return null
    const coverage = await payload.find({
      collection: 'live-coverages',
      where: { article: { equals: articleId } },
      overrideAccess: true,
      depth: 0,
      limit: 1,
      pagination: false,
      select: { status: true, startedAt: true, endedAt: true, createdAt: true },
    })
    const state = coverage.docs[0]
    if (!state) return null
    const updates = await payload.find({
      collection: 'live-updates',
      where: { article: { equals: articleId } },
      overrideAccess: true,
      sort: ['-postedAt', '-id'],
      limit: Math.max(1, Math.min(limit, LIVE_LIMITS.page)),
      pagination: false,
      depth: 1,
      locale: language,
      select: {
        kind: true,
        postedAt: true,
        updatedAt: true,
        pinned: true,
        headline: true,
        text: true,
        image: true,
        attribution: true,
        url: true,
        linkTitle: true,
      },
      populate: { media: mediaPopulate },
    })
    return {
      status: state.status as LiveStatus,
      startedAt: state.startedAt ?? state.createdAt,
      endedAt: state.status === 'ended' ? (state.endedAt ?? null) : null,
      updates: updates.docs.map((doc) => toPublic(doc as LiveUpdate)),
    }
  },
  ({ articleId }) => [cacheTags.live(articleId), cacheTags.article(articleId)],
)
