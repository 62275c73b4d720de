import type { CollectionBeforeChangeHook } from 'payload'

import { lexicalToPlainText } from '@/lib/lexical'
import { readingTimeOf } from '@/lib/readingTime'
import type { Article } from '@/payload-types'

/**
 * "N Min Read" and the plain text that search indexes are derived from the text on every save;
 * neither is ever typed in.
 */
export const computeReadingTime: CollectionBeforeChangeHook<Article> = ({ data, originalDoc }) => {
  const pick = <K extends 'title' | 'dek' | 'body'>(key: K) =>
    data[key] !== undefined ? data[key] : originalDoc?.[key]
  const body = pick('body')
  const searchText = [pick('title'), pick('dek'), lexicalToPlainText(body)]
    .filter(Boolean)
    .join('\n\n')
  return { ...data, readingTime: readingTimeOf(body), searchText }
}
