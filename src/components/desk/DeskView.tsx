import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter, SetStepNav } from '@payloadcms/ui'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps, TypedLocale, Where } from 'payload'

import { isStaffUser } from '@/access/roles'
import type { Article } from '@/payload-types'
import { allowedTransitions, STAGES, type Stage } from '@/workflow'
import { LANGUAGE_OPTIONS } from '@/lib/languages'

import { StageBadge } from '../workflow/StageBadge'
import { workflowLabels } from '../workflow/labels'
import { CancelScheduleButton } from './CancelScheduleButton'
import { DeskFilters } from './DeskFilters'
import { deskWhere, parseDeskFilters } from './filters'
import { LocalTime } from './LocalTime'
import './desk.css'

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
} as const

type Card = Pick<Article, keyof typeof CARD_SELECT | 'id'>

const nameOf = (value: unknown): string | undefined =>
  value && typeof value === 'object' && 'name' in value && typeof value.name === 'string'
    ? value.name
    : undefined

/**
 * The desk: every article the signed-in person may see, in columns by stage, with the next 24
 * hours of scheduled publications on top. Reads through the Local API as that person
 * (`overrideAccess: false`), so an author's desk holds their own articles only.
 */
export const DeskView = async ({ initPageResult, params, searchParams }: AdminViewServerProps) => {
  const { req, permissions, visibleEntities, locale } = initPageResult
  const { payload, user, i18n } = req
  const adminRoute = payload.config.routes.admin
  if (!user) redirect(`${adminRoute}/login?redirect=${encodeURIComponent(`${adminRoute}/desk`)}`)
  const l = workflowLabels(i18n.language)

  const filters = parseDeskFilters(searchParams)
  const base = deskWhere(filters, user.id)
  const asUser = {
    user,
    overrideAccess: false,
    locale: locale?.code as TypedLocale | undefined,
  } as const
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
  const [columns, upcoming, sections, people] = isStaffUser(user)
    ? await Promise.all([
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
    : [[], { docs: [] }, { docs: [] }, { docs: [] }]

  const editURL = (id: number | string) => `${adminRoute}/collections/articles/${id}`
  // The list view, filtered the same way (all but "mine", which the list has no words for).
  const listURL = (stage: Stage) =>
    `${adminRoute}/collections/articles?` +
    (
      [
        ['stage', stage],
        ['category', filters.section],
        ['language', filters.language],
        ['assignee', filters.assignee],
      ].filter(([, value]) => value) as [string, string][]
    )
      .map(([field, value], i) => `where[and][${i}][${field}][equals]=${encodeURIComponent(value)}`)
      .join('&')
  const mayCancel = (card: Card) =>
    allowedTransitions(user, {
      stage: card.stage as Stage,
      language: card.language,
      translationOf: card.translationOf,
      createdBy: card.createdBy as Parameters<typeof allowedTransitions>[1]['createdBy'],
    }).includes('unschedule')

  return (
    <DefaultTemplate
      i18n={i18n}
      locale={locale}
      params={params}
      payload={payload}
      permissions={permissions}
      req={req}
      searchParams={searchParams}
      user={user}
      viewType="desk"
      visibleEntities={visibleEntities}
    >
      <SetStepNav nav={[{ label: l.t('desk') }]} />
      <Gutter className="desk">
        <header className="desk__header">
          <div>
            <h1 className="desk__title">{l.t('desk')}</h1>
            <p className="desk__intro">{l.t('deskIntro')}</p>
          </div>
          <DeskFilters
            filters={filters}
            sections={sections.docs.map((doc) => ({
              value: String(doc.id),
              label: nameOf(doc) ?? String(doc.id),
            }))}
            languages={LANGUAGE_OPTIONS}
            people={people.docs.map((doc) => ({
              value: String(doc.id),
              label: nameOf(doc) ?? String(doc.id),
            }))}
          />
        </header>

        <section className="desk-schedule" aria-labelledby="desk-next24">
          <h2 id="desk-next24" className="desk__subtitle">
            {l.t('next24')}
          </h2>
          {upcoming.docs.length === 0 ? (
            <p className="desk__empty">{l.t('nothingScheduled')}</p>
          ) : (
            <ol className="desk-schedule__list">
              {(upcoming.docs as Card[]).map((card) => (
                <li key={card.id} className="desk-schedule__item" data-id={card.id}>
                  <span className="desk-schedule__time">
                    {card.scheduledAt ? <LocalTime value={card.scheduledAt} short /> : null}
                  </span>
                  <Link className="desk-schedule__title" href={editURL(card.id)} prefetch={false}>
                    {card.title || l.t('untitled')}
                  </Link>
                  <span className="desk-card__lang">{card.language}</span>
                  {mayCancel(card) ? (
                    <CancelScheduleButton id={card.id} title={card.title || l.t('untitled')} />
                  ) : null}
                </li>
              ))}
            </ol>
          )}
        </section>

        <div className="desk-board">
          {STAGES.map((stage, index) => {
            const column = columns[index]
            const more = (column?.totalDocs ?? 0) - (column?.docs.length ?? 0)
            return (
              <section key={stage} className="desk-column" data-stage={stage}>
                <h2 className="desk-column__head">
                  <StageBadge stage={stage} label={l.stage(stage)} size="small" />
                  <span className="desk-column__count">{column?.totalDocs ?? 0}</span>
                </h2>
                {column?.docs.length ? (
                  <ul className="desk-column__cards">
                    {(column.docs as Card[]).map((card) => (
                      <li key={card.id} className="desk-card" data-id={card.id}>
                        <Link className="desk-card__title" href={editURL(card.id)} prefetch={false}>
                          {card.title || l.t('untitled')}
                        </Link>
                        <div className="desk-card__meta">
                          <span className="desk-card__lang">{card.language}</span>
                          {card.needsUpdate ? (
                            <span className="desk-card__flag" title={l.t('needsUpdateTitle')}>
                              {l.t('needsUpdate')}
                            </span>
                          ) : null}
                          {nameOf(card.category) ? (
                            <span className="desk-card__section">{nameOf(card.category)}</span>
                          ) : null}
                        </div>
                        <div className="desk-card__meta">
                          <span className="desk-card__who" title={l.t('assignee')}>
                            {nameOf(card.assignee) ?? ''}
                          </span>
                          {stage === 'scheduled' && card.scheduledAt ? (
                            <LocalTime value={card.scheduledAt} short title={l.t('publishAt')} />
                          ) : card.updatedAt ? (
                            <LocalTime value={card.updatedAt} short title={l.t('updated')} />
                          ) : null}
                        </div>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="desk__empty">{l.t('empty')}</p>
                )}
                {more > 0 ? (
                  <Link className="desk-column__more" href={listURL(stage)} prefetch={false}>
                    {l.t('more', { count: more })}
                  </Link>
                ) : null}
              </section>
            )
          })}
        </div>
      </Gutter>
    </DefaultTemplate>
  )
}
