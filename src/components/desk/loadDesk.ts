import type { Payload, PayloadRequest, TypedLocale, Where } from 'payload'

import { isStaffUser } from '@/access/roles'
import type { Article } from '@/payload-types'
import { allowedTransitions, STAGES, type Stage } from '@/workflow'

import { deskWhere, type DeskFilters } from './filters'

/** How many articles a column shows; the rest are one click away in the list view. */
const PER_COLUMN = 12
const DAY_MS = 24 * 60 * 60 * 1000

const CARD_SELECT = {
  title: true,
  stage: true,
  language: true,
  category: true,
  assignee: true,
  createdBy: true,
  translationOf: true,
  needsUpdate: true,
  scheduledAt: true,
  updatedAt: true,
  embargoUntil: true,
} as const

/** An article as the desk shows it (section and people populated with their names). */
export type DeskCard = Pick<Article, keyof typeof CARD_SELECT | 'id'>

export type DeskColumn = { stage: Stage; cards: DeskCard[]; totalDocs: number }

export type DeskOption = { value: string; label: string }

export type DeskData = {
  columns: DeskColumn[]
  /** scheduled within the next 24 hours (overdue ones included), soonest first */
  upcoming: DeskCard[]
  sections: DeskOption[]
  people: DeskOption[]
}

/** The name of a populated relationship, if it is one. */
export const nameOf = (value: unknown): string | undefined =>
  value && typeof value === 'object' && 'name' in value && typeof value.name === 'string'
    ? value.name
    : undefined

const optionsOf = (docs: { id: number }[]): DeskOption[] =>
  docs.map((doc) => ({ value: String(doc.id), label: nameOf(doc) ?? String(doc.id) }))

/**
 * What the desk shows, read through the Local API as the signed-in person
 * (`overrideAccess: false`, latest drafts), so an author's desk holds their own articles only:
 * one column per stage, the next 24 hours of scheduled publications, and the filter options.
 * Someone who is not staff sees an empty desk.
 */
export const loadDesk = async ({
  payload,
  user,
  locale,
  filters,
}: {
  payload: Payload
  user: NonNullable<PayloadRequest['user']>
  locale: string | undefined
  filters: DeskFilters
}): Promise<DeskData> => {
  if (!isStaffUser(user)) {
    const columns = STAGES.map((stage) => ({ stage, cards: [], totalDocs: 0 }))
    return { columns, upcoming: [], sections: [], people: [] }
  }
  const base = deskWhere(filters, user.id)
  const asUser = { user, overrideAccess: false, locale: locale as TypedLocale | undefined } as const
  const cardQuery = {
    ...asUser,
    collection: 'articles',
    // The newest version of each article, drafts included: the desk is about work in progress.
    draft: true,
    depth: 1,
    select: CARD_SELECT,
    populate: { categories: { name: true }, users: { name: true } },
  } as const
  const and = (...conditions: Where[]): Where => ({ and: [...base, ...conditions] })
  const now = new Date()
  const [columns, upcoming, sections, people] = await Promise.all([
    Promise.all(
      STAGES.map((stage) =>
        payload.find({
          ...cardQuery,
          where: and({ stage: { equals: stage } }),
          sort: '-updatedAt',
          limit: PER_COLUMN,
        }),
      ),
    ),
    // Due within a day, overdue ones included (the scheduler has not run yet).
    payload.find({
      ...cardQuery,
      where: and(
        { stage: { equals: 'scheduled' } },
        { scheduledAt: { less_than_equal: new Date(now.getTime() + DAY_MS).toISOString() } },
      ),
      sort: 'scheduledAt',
      limit: 50,
    }),
    payload.find({
      ...asUser,
      collection: 'categories',
      depth: 0,
      limit: 200,
      sort: 'name',
      select: { name: true },
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
  return {
    columns: STAGES.map((stage, index) => ({
      stage,
      cards: (columns[index]?.docs ?? []) as DeskCard[],
      totalDocs: columns[index]?.totalDocs ?? 0,
    })),
    upcoming: upcoming.docs as DeskCard[],
    sections: optionsOf(sections.docs),
    people: optionsOf(people.docs),
  }
}

/** Whether this person may cancel this scheduled publication (the `unschedule` transition). */
export const mayCancel = (user: NonNullable<PayloadRequest['user']>, card: DeskCard) =>
  allowedTransitions(user, {
    stage: card.stage as Stage,
    language: card.language,
    translationOf: card.translationOf,
    createdBy: card.createdBy as Parameters<typeof allowedTransitions>[1]['createdBy'],
  }).includes('unschedule')
