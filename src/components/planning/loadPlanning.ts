import type { Payload, PayloadRequest, TypedLocale, Where } from 'payload'

import { isStaffUser } from '@/access/roles'
import {
  DEFAULT_NEWSROOM_TIME_ZONE,
  dayKeyOf,
  isTimeZone,
  PLANNED_STAGES,
  planningRange,
  rangeBounds,
  type PlanningRange,
} from '@/lib/planning'
import { idOf } from '@/lib/relations'
import type { Article } from '@/payload-types'
import { actsOnWhere, allowedTransitions, canEdit, stageOf, type ArticleFacts } from '@/workflow'

import type { PlanningQuery } from './query'

/** At most this many items of each kind (scheduled, planned) per view; the rest are "more". */
export const PLANNING_CAP = 200

const ITEM_SELECT = {
  title: true,
  stage: true,
  language: true,
  category: true,
  assignee: true,
  createdBy: true,
  translationOf: true,
  scheduledAt: true,
  plannedAt: true,
} as const

type ItemDoc = Pick<Article, keyof typeof ITEM_SELECT | 'id'>

/** One item of the calendar: a scheduled publication or a planned draft. */
export type PlanningItem = {
  id: number
  kind: 'scheduled' | 'planned'
  /** when: `scheduledAt` or `plannedAt` (ISO) */
  at: string
  /** the newsroom day it falls on */
  day: string
  title: string
  language: string
  stage: string
  section: string | null
  assignee: string | null
  /** whether this person may move it (reschedule it, or edit its planned date) */
  movable: boolean
}

export type PlanningOption = { value: string; label: string }

export type PlanningData = {
  timeZone: string
  today: string
  range: PlanningRange
  items: PlanningItem[]
  /** more items matched than the cap let through (per kind: shown and matched) */
  more: { shown: number; total: number } | null
  sections: PlanningOption[]
  people: PlanningOption[]
}

const nameOf = (value: unknown): string | null =>
  value && typeof value === 'object' && 'name' in value && typeof value.name === 'string'
    ? value.name
    : null

/** The newsroom's time zone: the site settings' `digestTimeZone` (see src/lib/planning.ts). */
export const newsroomTimeZone = async (payload: Payload): Promise<string> => {
  const settings = await payload
    .findGlobal({ slug: 'site-settings', depth: 0, select: { digestTimeZone: true } })
    .catch(() => null)
  return isTimeZone(settings?.digestTimeZone) ? settings.digestTimeZone : DEFAULT_NEWSROOM_TIME_ZONE
}

type Category = { id: number; name?: string | null; parent?: unknown }

/** A section and every section under it, at any depth. */
const withSubsections = (sections: Category[], root: string): number[] => {
  const children = new Map<string, number[]>()
  for (const section of sections) {
    const parent = idOf(section.parent as never)
    if (parent === null) continue
    children.set(String(parent), [...(children.get(String(parent)) ?? []), section.id])
  }
  const found = new Set<number>([Number(root)])
  const queue = [root]
  while (queue.length) {
    for (const child of children.get(queue.shift() as string) ?? []) {
      if (!found.has(child)) {
        found.add(child)
        queue.push(String(child))
      }
    }
  }
  return [...found]
}

/** Sections for the filter, each under its parent ("World › Europe"). */
const sectionOptions = (sections: Category[]): PlanningOption[] => {
  const byId = new Map(sections.map((section) => [section.id, section]))
  const path = (section: Category, seen = new Set<number>()): string => {
    const parent = byId.get(idOf(section.parent as never) as number)
    const own = section.name ?? String(section.id)
    if (!parent || seen.has(parent.id)) return own
    seen.add(section.id)
    return `${path(parent, seen)} › ${own}`
  }
  return sections
    .map((section) => ({ value: String(section.id), label: path(section) }))
    .sort((a, b) => a.label.localeCompare(b.label))
}

const factsOf = (doc: ItemDoc): ArticleFacts => ({
  stage: stageOf(doc),
  language: doc.language,
  translationOf: idOf(doc.translationOf as never),
  createdBy: idOf(doc.createdBy as never),
})

/**
 * What the planning calendar shows, read through the Local API as the signed-in person
 * (`overrideAccess: false`, latest drafts) and within their role's scope (`actsOnWhere`: an
 * author's own articles, a translator's language versions, every article for editors): the scheduled publications (by `scheduledAt`) and the planned drafts (by `plannedAt`) of
 * the view's days in the newsroom's time zone, at most `PLANNING_CAP` of each, and the filter
 * options. Someone who is not staff sees an empty calendar.
 */
export const loadPlanning = async ({
  payload,
  user,
  locale,
  query,
  now = new Date(),
  cap = PLANNING_CAP,
}: {
  payload: Payload
  user: NonNullable<PayloadRequest['user']>
  locale?: string
  query: PlanningQuery
  now?: Date
  /** at most this many items of each kind */
  cap?: number
}): Promise<PlanningData> => {
  const timeZone = await newsroomTimeZone(payload)
  const today = dayKeyOf(now, timeZone)
  const range = planningRange(query.view, query.date ?? today)
  const empty = { timeZone, today, range, items: [], more: null, sections: [], people: [] }
  // Writers plan their own work: the calendar holds the articles their role acts on (an
  // author's own, a translator's versions in their languages), editors' every article.
  const scope = isStaffUser(user) ? actsOnWhere(user) : false
  if (scope === false) return empty

  const asUser = { user, overrideAccess: false, locale: locale as TypedLocale | undefined } as const
  const [sections, people] = await Promise.all([
    payload.find({
      ...asUser,
      collection: 'categories',
      depth: 0,
      limit: 500,
      sort: 'name',
      select: { name: true, parent: true },
    }),
    payload.find({
      ...asUser,
      collection: 'users',
      depth: 0,
      limit: 200,
      sort: 'name',
      select: { name: true },
    }),
  ])

  const { from, to } = rangeBounds(range, timeZone)
  const filters: Where[] = scope === true ? [] : [scope]
  if (query.section) {
    filters.push({ category: { in: withSubsections(sections.docs as Category[], query.section) } })
  }
  if (query.language) filters.push({ language: { equals: query.language } })
  if (query.assignee) filters.push({ assignee: { equals: query.assignee } })
  const within = (field: 'scheduledAt' | 'plannedAt'): Where[] => [
    { [field]: { greater_than_equal: from.toISOString() } },
    { [field]: { less_than: to.toISOString() } },
  ]
  const itemQuery = {
    ...asUser,
    collection: 'articles',
    // The newest version of each article: a plan lives on the working draft.
    draft: true,
    depth: 1,
    limit: cap,
    select: ITEM_SELECT,
    populate: { categories: { name: true }, users: { name: true } },
  } as const
  const [scheduled, planned] = await Promise.all([
    payload.find({
      ...itemQuery,
      where: { and: [{ stage: { equals: 'scheduled' } }, ...within('scheduledAt'), ...filters] },
      sort: 'scheduledAt',
    }),
    payload.find({
      ...itemQuery,
      where: {
        and: [{ stage: { in: [...PLANNED_STAGES] } }, ...within('plannedAt'), ...filters],
      },
      sort: 'plannedAt',
    }),
  ])

  const itemOf =
    (kind: PlanningItem['kind']) =>
    (doc: ItemDoc): PlanningItem => {
      const at = (kind === 'scheduled' ? doc.scheduledAt : doc.plannedAt) as string
      const facts = factsOf(doc)
      return {
        id: doc.id,
        kind,
        at,
        day: dayKeyOf(at, timeZone),
        title: doc.title,
        language: doc.language,
        stage: facts.stage,
        section: nameOf(doc.category),
        assignee: nameOf(doc.assignee),
        movable:
          kind === 'scheduled'
            ? allowedTransitions(user, facts).includes('reschedule')
            : canEdit(user, facts),
      }
    }
  const items = [
    ...(scheduled.docs as ItemDoc[]).map(itemOf('scheduled')),
    ...(planned.docs as ItemDoc[]).map(itemOf('planned')),
  ].sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id)
  const total = scheduled.totalDocs + planned.totalDocs
  return {
    timeZone,
    today,
    range,
    items,
    more: total > items.length ? { shown: items.length, total } : null,
    sections: sectionOptions(sections.docs as Category[]),
    people: people.docs.map((doc) => ({
      value: String(doc.id),
      label: doc.name ?? String(doc.id),
    })),
  }
}
