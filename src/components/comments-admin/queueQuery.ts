/**
 * The moderation queue's filters in the list's URL (Payload's `where` and `sort` query
 * parameters, which its list view reads): the status tab, the language, and an article filter
 * set through Payload's own filters, kept when the tab or the language changes.
 */
import { COMMENT_STATUSES, type CommentStatus } from '@/lib/comments'
import { isLanguage, type Language } from '@/lib/languages'

export type QueueFilter = {
  /** null: every status */
  status: CommentStatus | null
  language: Language | null
  article: string | null
}

/** The queue opens on the comments waiting, the longest-waiting first. */
export const DEFAULT_FILTER: QueueFilter = { status: 'pending', language: null, article: null }

const valueOf = (params: URLSearchParams, field: string): string | null => {
  for (const [key, value] of params) {
    if (key.startsWith('where[') && key.endsWith(`[${field}][equals]`)) return value
  }
  return null
}

/** The filter the URL holds; null when it holds no `where` (the queue's first visit). */
export const filterOf = (params: URLSearchParams): QueueFilter | null => {
  if (![...params.keys()].some((key) => key.startsWith('where['))) return null
  const status = valueOf(params, 'status')
  const language = valueOf(params, 'language')
  return {
    status: COMMENT_STATUSES.find((one) => one === status) ?? null,
    language: isLanguage(language) ? language : null,
    article: valueOf(params, 'article'),
  }
}

/** The list's query string for a filter; the pending tab is sorted oldest first. */
export const queryOf = (filter: QueueFilter, params: URLSearchParams): string => {
  const next = new URLSearchParams()
  for (const [key, value] of params) {
    if (!key.startsWith('where[') && key !== 'page' && key !== 'sort') next.append(key, value)
  }
  const conditions: [string, string][] = []
  if (filter.status) conditions.push(['status', filter.status])
  if (filter.language) conditions.push(['language', filter.language])
  if (filter.article) conditions.push(['article', filter.article])
  conditions.forEach(([field, value], i) => next.set(`where[and][${i}][${field}][equals]`, value))
  // "All" with nothing else: a condition every comment meets, so the URL still holds a filter.
  if (!conditions.length) next.set('where[and][0][status][exists]', 'true')
  next.set('sort', filter.status === 'pending' ? 'createdAt' : '-createdAt')
  return next.toString()
}
