import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { revalidateTags } from '@/cache/revalidate'
import { cacheTags } from '@/cache/tags'
import { drizzleFor } from '@/db/client'
import {
  deleteRedirectsFrom,
  liveArticleRow,
  putRedirects,
  type RedirectWrite,
} from '@/db/redirects'
import { LANGUAGES } from '@/lib/languages'
import { idOf } from '@/lib/relations'
import { urls } from '@/lib/urls'
import type { Article, Category, Tag } from '@/payload-types'

/**
 * The automatic redirects: when a live address changes, the old one answers 301 with the new
 * one (written collapsed, in the save's transaction, src/db/redirects.ts), and a redirect that
 * would now hide a live page (a slug given back) is removed. Unpublishing and deleting make no
 * redirect: those addresses answer 404 as before.
 *
 * - Articles: the *published* address, `/{lang}/articles/{slug}`, read from the article's own
 *   row (which holds the live text; a pending draft lives in the versions table) before the save
 *   and compared after it. A draft save over a published text changes nothing until published.
 * - Sections and tags (slugs are not localized): their pages in every language, a section's
 *   subsections' pages (their paths go through it) and its feed.
 */

const userOf = (req: PayloadRequest): number | null =>
  req.user && req.user.collection === 'users' ? Number(req.user.id) : null

/** Writes `moves`, removes redirects from the `live` addresses, and refreshes both at the proxy. */
const applyMoves = async (req: PayloadRequest, moves: RedirectWrite[], live: string[]) => {
  const db = await drizzleFor(req)
  const removed = await deleteRedirectsFrom(db, live)
  const written = await putRedirects(db, moves, 'automatic', userOf(req))
  if (written.length > 0 || removed > 0) {
    await revalidateTags(
      [cacheTags.redirects],
      req.context,
      written.map((move) => move.from),
    )
  }
}

/**
 * beforeChange (articles): notes the article's live address as it is before this write. Skipped
 * for draft saves (the live row stays as it is).
 */
export const rememberLiveAddress: CollectionBeforeChangeHook<Article> = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  if (operation !== 'update' || !originalDoc?.id || req.context.workflowDraftSave) return data
  const row = await liveArticleRow(await drizzleFor(req), Number(originalDoc.id))
  if (row)
    req.context.redirectsLiveBefore = { ...req.context.redirectsLiveBefore, [originalDoc.id]: row }
  return data
}

/**
 * afterChange (articles): a published article whose live address changed leaves a redirect from
 * the old one; its new address is never redirected away.
 */
export const redirectChangedAddress: CollectionAfterChangeHook<Article> = async ({ doc, req }) => {
  if (req.context.workflowDraftSave || doc._status !== 'published' || !doc.slug) return doc
  const before = req.context.redirectsLiveBefore?.[doc.id]
  if (req.context.redirectsLiveBefore) delete req.context.redirectsLiveBefore[doc.id]
  const now = urls.article(doc.language, doc.slug)
  const moves =
    before?.status === 'published' && before.slug
      ? [{ from: urls.article(before.language, before.slug), to: now }].filter(
          (move) => move.from !== move.to,
        )
      : []
  await applyMoves(req, moves, [now])
  return doc
}

type SectionNode = { slug: string; parent: number | null }

/** The slugs from the top to `id` (a cycle or a missing parent ends the walk). */
const sectionPath = (nodes: Map<number, SectionNode>, id: number): string[] => {
  const path: string[] = []
  const seen = new Set<number>()
  let current: number | null = id
  while (current !== null && !seen.has(current)) {
    seen.add(current)
    const node = nodes.get(current)
    if (!node) break
    path.unshift(node.slug)
    current = node.parent
  }
  return path
}

/**
 * afterChange (categories): a section whose slug or parent changed moves its page and every
 * subsection's page, in every language, and its feed when its slug changed.
 */
export const redirectChangedSection: CollectionAfterChangeHook<Category> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  if (operation !== 'update' || !previousDoc?.slug || !doc.slug) return doc
  const parentBefore = idOf(previousDoc.parent) ?? null
  const parentNow = idOf(doc.parent) ?? null
  if (previousDoc.slug === doc.slug && parentBefore === parentNow) return doc
  const { docs } = await req.payload.find({
    collection: 'categories',
    depth: 0,
    pagination: false,
    select: { slug: true, parent: true },
    req,
  })
  const now = new Map<number, SectionNode>(
    docs.map((section) => [
      Number(section.id),
      { slug: String(section.slug ?? ''), parent: idOf(section.parent) ?? null },
    ]),
  )
  now.set(Number(doc.id), { slug: doc.slug, parent: parentNow })
  const before = new Map(now)
  before.set(Number(doc.id), { slug: previousDoc.slug, parent: parentBefore })
  const moves: RedirectWrite[] = []
  const live: string[] = []
  for (const id of now.keys()) {
    const pathBefore = sectionPath(before, id)
    const pathNow = sectionPath(now, id)
    if (pathBefore.join('/') === pathNow.join('/')) continue
    for (const language of LANGUAGES) {
      moves.push({ from: urls.section(language, pathBefore), to: urls.section(language, pathNow) })
      live.push(urls.section(language, pathNow))
    }
  }
  if (previousDoc.slug !== doc.slug) {
    for (const language of LANGUAGES) {
      moves.push({
        from: urls.sectionFeed(language, previousDoc.slug),
        to: urls.sectionFeed(language, doc.slug),
      })
      live.push(urls.sectionFeed(language, doc.slug))
    }
  }
  await applyMoves(req, moves, live)
  return doc
}

/** afterChange (tags): a tag whose slug changed moves its page in every language. */
export const redirectChangedTag: CollectionAfterChangeHook<Tag> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  const slugBefore = previousDoc?.slug
  const slugNow = doc.slug
  if (operation !== 'update' || !slugBefore || !slugNow || slugBefore === slugNow) return doc
  await applyMoves(
    req,
    LANGUAGES.map((language) => ({
      from: urls.tag(language, slugBefore),
      to: urls.tag(language, slugNow),
    })),
    LANGUAGES.map((language) => urls.tag(language, slugNow)),
  )
  return doc
}
