import type { CollectionBeforeChangeHook } from 'payload'

import { readingTimeOf } from '@/lib/readingTime'
import type { Article } from '@/payload-types'

/** "N Min Read" is derived from the body on every save; it is never typed in. */
export const computeReadingTime: CollectionBeforeChangeHook<Article> = ({ data, originalDoc }) => {
  const body = data.body !== undefined ? data.body : originalDoc?.body
  return { ...data, readingTime: readingTimeOf(body) }
}
