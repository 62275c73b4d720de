/**
 * The planning calendar's query string: the view (`week`, `month`), the day it is about
 * (`date=YYYY-MM-DD`, today when absent) and the filters (section, language, assignee). Every
 * state is a link an editor can share. Pure: the server view and the client controls both use it.
 */
import { LANGUAGES } from '@/lib/languages'
import { isDayKey, PLANNING_VIEWS, type PlanningView } from '@/lib/planning'

export type PlanningQuery = {
  view: PlanningView
  /** absent: today in the newsroom's time zone */
  date?: string
  /** a section (category) id: that section and its subsections */
  section?: string
  language?: string
  /** a user id */
  assignee?: string
}

type SearchParams = { [key: string]: string | string[] | undefined } | undefined

const one = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value)?.trim() || undefined

const isId = (value: string | undefined) => (value && /^\d{1,12}$/.test(value) ? value : undefined)

export const parsePlanningQuery = (searchParams: SearchParams): PlanningQuery => {
  const view = one(searchParams?.view)
  const date = one(searchParams?.date)
  const language = one(searchParams?.language)
  return {
    view: (PLANNING_VIEWS as readonly string[]).includes(view ?? '')
      ? (view as PlanningView)
      : 'week',
    date: isDayKey(date) ? date : undefined,
    section: isId(one(searchParams?.section)),
    language:
      language && (LANGUAGES as readonly string[]).includes(language) ? language : undefined,
    assignee: isId(one(searchParams?.assignee)),
  }
}

/** The query string of a calendar state (defaults and empty values left out). */
export const planningQuery = (query: PlanningQuery): string => {
  const params = new URLSearchParams()
  if (query.view !== 'week') params.set('view', query.view)
  if (query.date) params.set('date', query.date)
  if (query.section) params.set('section', query.section)
  if (query.language) params.set('language', query.language)
  if (query.assignee) params.set('assignee', query.assignee)
  const text = params.toString()
  return text ? `?${text}` : ''
}
