import type { PayloadRequest } from 'payload'

import type { Article } from '@/payload-types'

/** The id of a relationship value, populated (`{ id }`) or not (a number); null when empty. */
export const idOf = (value: unknown): number | null => {
  if (value && typeof value === 'object' && 'id' in value)
    return Number((value as { id: number }).id)
  return typeof value === 'number' ? value : null
}

/**
 * A relationship value as a comparable key, populated (`{ id }`) or not, number or string (REST
 * and GraphQL clients may send "12"); '' when empty.
 */
export const keyOf = (value: unknown): string => {
  if (value && typeof value === 'object' && 'id' in value) return String(value.id)
  return value === null || value === undefined ? '' : String(value)
}

/**
 * An article's latest version (its pending draft, if any), read by the system inside the
 * request's transaction: what the workflow and the translation hooks reason about. Null when
 * there is no such article.
 */
export const latestArticle = (req: PayloadRequest, id: number): Promise<Article | null> =>
  req.payload.findByID({
    collection: 'articles',
    id,
    req,
    depth: 0,
    draft: true,
    overrideAccess: true,
    disableErrors: true,
  })
