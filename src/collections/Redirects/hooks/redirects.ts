import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  PayloadRequest,
} from 'payload'

import { revalidateTags } from '@/cache/revalidate'
import { cacheTags } from '@/cache/tags'
import { drizzleFor } from '@/db/client'
import { finalTarget, isLiveArticle, redirectFrom, retargetRedirects } from '@/db/redirects'
import { refuse } from '@/lib/errors'
import { isLanguage } from '@/lib/languages'
import type { MessageKey } from '@/lib/messages'
import {
  MAX_REDIRECT_PATH,
  normalizeRedirectPath,
  pathnameOf,
  type PathProblem,
} from '@/lib/redirectPaths'
import { serverOrigin } from '@/lib/urls'
import type { Redirect } from '@/payload-types'

const PROBLEMS: Record<'from' | 'to', Record<PathProblem, MessageKey>> = {
  from: {
    malformed: 'redirects:fromMalformed',
    external: 'redirects:fromMalformed',
    reserved: 'redirects:fromReserved',
  },
  to: {
    malformed: 'redirects:toMalformed',
    external: 'redirects:toExternal',
    reserved: 'redirects:toReserved',
  },
}

/** `value` in normal form (src/lib/redirectPaths.ts), or a 400 in the requester's language. */
const normalOrRefuse = (req: PayloadRequest, value: unknown, role: 'from' | 'to'): string => {
  const result = normalizeRedirectPath(value, role, serverOrigin())
  if ('problem' in result) {
    throw refuse(req, PROBLEMS[role][result.problem], 400, { max: MAX_REDIRECT_PATH })
  }
  return result.path
}

/** `/{lang}/articles/{slug}` → its language and slug, or null. */
const articleAddress = (path: string): { language: string; slug: string } | null => {
  const match = /^\/([a-z]{2})\/articles\/([^/?]+)$/.exec(path)
  if (!match || !isLanguage(match[1])) return null
  try {
    return { language: match[1], slug: decodeURIComponent(match[2]!) }
  } catch {
    return null
  }
}

/**
 * beforeChange: a row as a person writes it (REST, GraphQL, the admin). Both addresses are
 * normalised; refused with a 4xx in the requester's language, nothing written: a malformed or
 * reserved path, a target off the site, the same address on both sides, a source where a
 * published article lives now, a second row from one source, a loop (the target already leads
 * back to the source), and an article address as target where no published article lives
 * (a draft's address must not reach readers through a Location header). A target that is itself redirected is replaced by where it finally
 * leads, so a reader gets one 301. A person's new row is `manual` and theirs.
 */
export const checkRedirect: CollectionBeforeChangeHook<Redirect> = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const from = normalOrRefuse(req, data.from ?? originalDoc?.from, 'from')
  const to = normalOrRefuse(req, data.to ?? originalDoc?.to, 'to')
  if (from === to) throw refuse(req, 'redirects:same', 400, { path: from })
  const db = await drizzleFor(req)
  const article = articleAddress(pathnameOf(from))
  if (article && (await isLiveArticle(db, article.language, article.slug))) {
    throw refuse(req, 'redirects:liveArticle', 409, { path: from })
  }
  if (from !== originalDoc?.from && (await redirectFrom(db, from)) !== null) {
    throw refuse(req, 'redirects:duplicate', 409, { path: from })
  }
  const { target, loop } = await finalTarget(db, from, to)
  if (loop) throw refuse(req, 'redirects:loop', 409, { from, to })
  // A reader would see the address of an article that is not public yet (or no more).
  const goal = articleAddress(pathnameOf(target))
  if (goal && !(await isLiveArticle(db, goal.language, goal.slug))) {
    throw refuse(req, 'redirects:toNotLive', 409, { path: target })
  }
  const result: Partial<Redirect> = { ...data, from, to: target }
  if (operation === 'create') {
    result.origin = data.origin ?? 'manual'
    if (req.user && req.user.collection === 'users') result.createdBy = req.user.id
  }
  return result
}

/** The proxy fetches these sources again at once (their copies there may be the old page). */
const refreshSources = (req: PayloadRequest, paths: string[]) =>
  revalidateTags([cacheTags.redirects], req.context, paths.filter(Boolean))

/**
 * afterChange: collapses chains into the row just written (rows that led to its source now lead
 * to its target, in the same transaction), and has the proxy fetch its sources again.
 */
export const collapseIntoRedirect: CollectionAfterChangeHook<Redirect> = async ({
  doc,
  previousDoc,
  req,
}) => {
  const rewritten = await retargetRedirects(await drizzleFor(req), doc.from, doc.to)
  const sources = [doc.from, ...rewritten]
  if (previousDoc?.from && previousDoc.from !== doc.from) sources.push(previousDoc.from)
  await refreshSources(req, sources)
  return doc
}

/** afterDelete: the removed source answers what lives there again, at the proxy too. */
export const refreshRemovedRedirect: CollectionAfterDeleteHook<Redirect> = async ({ doc, req }) => {
  await refreshSources(req, [doc.from])
  return doc
}
