import Link from 'next/link'
import type { AdminViewServerProps } from 'payload'

import { isLanguage, languageOptionsIn } from '@/lib/languages'
import { zonedParts, type PlanningRange } from '@/lib/planning'
import { STAGES, type Stage } from '@/workflow'

import { loadPlanning, type PlanningData } from './loadPlanning'
import { PlanningCalendar, type CalendarDay, type CalendarItem } from './PlanningCalendar'
import { PlanningFilters } from './PlanningFilters'
import { parsePlanningQuery, planningQuery, type PlanningQuery } from './query'
import { planningWordsOf, type PlanningWords } from './words'
import { AdminPage, signedInUser } from '../admin/AdminPage'
import '../desk/desk.css'
import './planning.css'

const utcDate = (key: string) => new Date(`${key}T12:00:00.000Z`)
const pad = (value: number) => String(value).padStart(2, '0')

/** The grid's days, labelled in the admin's language by `Intl`. */
const daysOf = (range: PlanningRange, today: string, language: string): CalendarDay[] => {
  const short = new Intl.DateTimeFormat(language, {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    ...(range.view === 'week' ? { month: 'short' } : {}),
  })
  const long = new Intl.DateTimeFormat(language, { timeZone: 'UTC', dateStyle: 'full' })
  return range.days.map((key) => ({
    key,
    label: short.format(utcDate(key)),
    longLabel: long.format(utcDate(key)),
    outside: range.view === 'month' && !key.startsWith(range.month),
    today: key === today,
    past: key < today,
  }))
}

/** "November 2026", or "Week of 23 Nov 2026". */
const periodTitle = (range: PlanningRange, language: string, w: PlanningWords) =>
  range.view === 'month'
    ? new Intl.DateTimeFormat(language, { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(
        utcDate(`${range.month}-01`),
      )
    : w('weekOf', {
        day: new Intl.DateTimeFormat(language, { timeZone: 'UTC', dateStyle: 'medium' }).format(
          utcDate(range.days[0]),
        ),
      })

const itemsOf = (
  data: PlanningData,
  stageLabel: (stage: string) => string,
  editURL: (id: number) => string,
): CalendarItem[] =>
  data.items.map((item) => {
    const { hour, minute } = zonedParts(item.at, data.timeZone)
    return {
      ...item,
      time: `${pad(hour)}:${pad(minute)}`,
      stageLabel: stageLabel(item.stage),
      href: editURL(item.id),
    }
  })

/**
 * The planning calendar (`/admin/planning`): the scheduled publications and planned drafts of a
 * week or a month, by the newsroom's days, filtered by section, language and assignee, read as
 * the signed-in person (`loadPlanning`); items moved by dragging or with "Move to…".
 */
export const PlanningView = async (view: AdminViewServerProps) => {
  const { req, locale } = view.initPageResult
  const { payload, i18n } = req
  const user = signedInUser(view, '/planning')
  const adminRoute = payload.config.routes.admin
  const language = isLanguage(i18n.language) ? i18n.language : 'en'
  const w = planningWordsOf(i18n.t)
  const stageLabel = (stage: string) =>
    (STAGES as readonly string[]).includes(stage)
      ? (i18n.t as (key: string) => string)(`custom:stages:${stage as Stage}`)
      : stage

  const query = parsePlanningQuery(view.searchParams)
  const data = await loadPlanning({ payload, user, locale: locale?.code, query })
  const { range, today } = data
  const hrefOf = (next: Partial<PlanningQuery>) =>
    `${adminRoute}/planning${planningQuery({ ...query, ...next })}`
  const otherView = (target: PlanningQuery['view']) => (
    <Link
      href={hrefOf({ view: target })}
      className={`planning-switch__link${query.view === target ? ' planning-switch__link--on' : ''}`}
      aria-current={query.view === target ? 'page' : undefined}
      prefetch={false}
      data-view={target}
    >
      {w(target)}
    </Link>
  )

  return (
    <AdminPage view={view} viewType="planning" title={w('title')} className="desk planning">
      <header className="desk__header">
        <div>
          <h1 className="desk__title">{w('title')}</h1>
          <p className="desk__intro">{w('intro', { timeZone: data.timeZone })}</p>
        </div>
        <PlanningFilters
          query={query}
          sections={data.sections}
          languages={languageOptionsIn(language)}
          people={data.people}
        />
      </header>
      <nav className="planning-toolbar" aria-label={w('title')}>
        <div className="planning-switch">
          {otherView('week')}
          {otherView('month')}
        </div>
        <div className="planning-steps">
          <Link href={hrefOf({ date: range.previous })} prefetch={false} rel="prev">
            ‹ {w('previous')}
          </Link>
          <Link href={hrefOf({ date: undefined })} prefetch={false}>
            {w('today')}
          </Link>
          <Link href={hrefOf({ date: range.next })} prefetch={false} rel="next">
            {w('next')} ›
          </Link>
        </div>
        <h2 className="planning-period" data-first={range.days[0]}>
          {periodTitle(range, language, w)}
        </h2>
      </nav>
      {data.more ? (
        <p className="planning-more" role="status">
          {w('more', { count: data.more.shown, total: data.more.total })}
        </p>
      ) : null}
      <PlanningCalendar
        view={range.view}
        days={daysOf(range, today, language)}
        items={itemsOf(data, stageLabel, (id) => `${adminRoute}/collections/articles/${id}`)}
        timeZone={data.timeZone}
      />
    </AdminPage>
  )
}
