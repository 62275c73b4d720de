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
import { DEFAULT_LANGUAGE, isLanguage } from '@/lib/languages'
import type { MessageKey } from '@/lib/messages'
import {
  MAX_REDIRECT_PATH,
  normalizeRedirectPath,
  pathnameOf,
  type PathProblem,
} from '@/lib/redirectPaths'
import { idOf } from '@/lib/relations'
import { serverOrigin, urls } from '@/lib/urls'
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

type Reference = NonNullable<Redirect['toDocument']>

/**
 * The address of the page a row refers to: an article's own (whatever its language), a
 * section's or a tag's in the language of the old address (English for an old site's path).
 */
const addressOf = async (req: PayloadRequest, reference: Reference, from: string) => {
  const id = idOf(reference.value)
  if (id === null) return null
  const prefix = from.split('/')[1]
  const language = isLanguage(prefix) ? prefix : DEFAULT_LANGUAGE
  const found = { depth: 0, req, overrideAccess: true, disableErrors: true } as const
  if (reference.relationTo === 'articles') {
    const article = await req.payload.findByID({ collection: 'articles', id, ...found })
    return article?.slug ? urls.article(article.language, article.slug) : null
  }
  if (reference.relationTo === 'categories') {
    const section = await req.payload.findByID({ collection: 'categories', id, ...found })
    const path = section?.breadcrumbs?.at(-1)?.url ?? (section?.slug ? `/${section.slug}` : null)
    return path ? urls.section(language, path.split('/').filter(Boolean)) : null
  }
  const tag = await req.payload.findByID({ collection: 'tags', id, ...found })
  return tag?.slug ? urls.tag(language, tag.slug) : null
}

/**
 * beforeChange: a row as a person writes it (REST, GraphQL, the admin). Both addresses are
 * normalised; refused with a 4xx in the requester's language, nothing written: a malformed or
 * reserved path, a target off the site, the same address on both sides, a source where a
 * published article lives now, a second row from one source, a loop (the target already leads
 * back to the source), and an article address as target where no published article lives
 * (a draft's address must not reach readers through a Location header). A target that is itself redirected is replaced by where it finally
 * leads, so a reader gets one 301. With a page chosen (`toDocument`), the target is its address.
 * A person's new row is `manual` and theirs.
 */
export const checkRedirect: CollectionBeforeChangeHook<Redirect> = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const from = normalOrRefuse(req, data.from ?? originalDoc?.from, 'from')
  const reference = 'toDocument' in data ? data.toDocument : originalDoc?.toDocument
  const to = normalOrRefuse(
    req,
    reference ? await addressOf(req, reference, from) : (data.to ?? originalDoc?.to),
    'to',
  )
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
  // `to` is always set by `checkRedirect`.
  const rewritten = await retargetRedirects(await drizzleFor(req), doc.from, doc.to ?? doc.from)
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
