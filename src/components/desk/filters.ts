/**
 * The desk's filters: read from the query string, turned into one Payload `where`. Every filter
 * is a query-string key, so a filtered desk is a link an editor can share.
 */
import type { Where } from 'payload'

import { LANGUAGES } from '@/lib/languages'

export type DeskFilters = {
  /** a section (category) id */
  section?: string
  language?: string
  /** a user id */
  assignee?: string
  /** assigned to or created by the signed-in person */
  mine: boolean
  /** language versions whose original was published again with other text (translations) */
  needsUpdate: boolean
}

type SearchParams = { [key: string]: string | string[] | undefined } | undefined

const one = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value)?.trim() || undefined

const isId = (value: string | undefined) =>
  value && /^[\w-]{1,64}$/.test(value) ? value : undefined

export const parseDeskFilters = (searchParams: SearchParams): DeskFilters => {
  const language = one(searchParams?.language)
  return {
    section: isId(one(searchParams?.section)),
    language:
      language && (LANGUAGES as readonly string[]).includes(language) ? language : undefined,
    assignee: isId(one(searchParams?.assignee)),
    mine: one(searchParams?.mine) === '1',
    needsUpdate: one(searchParams?.needsUpdate) === '1',
  }
}

/** The filters as conditions, to be and-ed with the column's own. */
export const deskWhere = (filters: DeskFilters, userId: number | string): Where[] => {
  const conditions: Where[] = []
  if (filters.section) conditions.push({ category: { equals: filters.section } })
  if (filters.language) conditions.push({ language: { equals: filters.language } })
  if (filters.assignee) conditions.push({ assignee: { equals: filters.assignee } })
  if (filters.mine) {
    conditions.push({ or: [{ assignee: { equals: userId } }, { createdBy: { equals: userId } }] })
  }
  if (filters.needsUpdate) conditions.push({ needsUpdate: { equals: true } })
  return conditions
}

/** The query string for these filters (empty values left out). */
export const deskQuery = (filters: DeskFilters): string => {
  const params = new URLSearchParams()
  if (filters.section) params.set('section', filters.section)
  if (filters.language) params.set('language', filters.language)
  if (filters.assignee) params.set('assignee', filters.assignee)
  if (filters.mine) params.set('mine', '1')
  if (filters.needsUpdate) params.set('needsUpdate', '1')
  const query = params.toString()
  return query ? `?${query}` : ''
}
