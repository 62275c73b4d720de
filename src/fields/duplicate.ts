/**
 * What "Duplicate" (admin, `POST /api/articles/:id/duplicate`, Local API `duplicate`) makes of an
 * article: a new draft with the text, story fields and SEO of the source, and none of its place
 * in the workflow. Payload copies every field and then runs these `beforeDuplicate` field hooks
 * on the copy; the collection's hooks then treat it as any new article (stage `draft`, owned by
 * the person duplicating, `keepInScope`).
 */
import type { FieldHook } from 'payload'

import type { Article } from '@/payload-types'

/** Clears a field on the copy. */
export const notCopied: FieldHook = () => null

/** `false` on the copy (for checkboxes). */
export const notCopiedFlag: FieldHook = () => false

const MAX_TRIES = 100

/**
 * The copy's slug: `<slug>-copy`, then `<slug>-copy-2`, `-copy-3`… the first one free in the
 * article's language (trashed articles included: they keep their slug, and the unique index on
 * language + slug covers them).
 */
export const copySlug: FieldHook<Article> = async ({ value, data, req }) => {
  const base = `${String(value || 'article').replace(/-copy(-\d+)?$/, '')}-copy`
  const language = data?.language ?? 'en'
  for (let n = 1; n < MAX_TRIES; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`
    const { totalDocs } = await req.payload.count({
      collection: 'articles',
      req,
      overrideAccess: true,
      trash: true,
      where: { and: [{ language: { equals: language } }, { slug: { equals: candidate } }] },
    })
    if (totalDocs === 0) return candidate
  }
  return `${base}-${Date.now().toString(36)}`
}
