import type { CollectionBeforeChangeHook } from 'payload'

import { bodyToHtml } from '@/lib/bodyHtml'
import type { Article } from '@/payload-types'

/**
 * The body's HTML (`bodyHtml`, src/lib/bodyHtml.ts) is derived from the body on every save, a
 * draft's included, so each version carries the HTML of its own text; never typed in (whatever a
 * client sends is replaced).
 */
export const storeBodyHtml: CollectionBeforeChangeHook<Article> = ({ data, originalDoc }) => {
  const body = data.body !== undefined ? data.body : originalDoc?.body
  return { ...data, bodyHtml: bodyToHtml(body) }
}
