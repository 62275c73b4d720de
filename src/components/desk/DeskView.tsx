import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter, SetStepNav } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'

import { languageOptionsIn } from '@/lib/languages'
import type { Stage } from '@/workflow'

import { DeskBoard } from './DeskBoard'
import { DeskFilters } from './DeskFilters'
import { DeskSchedule } from './DeskSchedule'
import { parseDeskFilters, type DeskFilters as Filters } from './filters'
import { loadDesk } from './loadDesk'
import { wordsOf } from '../admin/words'
import './desk.css'

/** The list view, filtered the same way (all but "mine", which the list has no words for). */
const listURLFor = (adminRoute: string, filters: Filters) => (stage: Stage) =>
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

/**
 * The desk: every article the signed-in person may see, in columns by stage, with the next 24
 * hours of scheduled publications on top (`loadDesk` reads them as that person).
 */
export const DeskView = async ({ initPageResult, params, searchParams }: AdminViewServerProps) => {
  const { req, permissions, visibleEntities, locale } = initPageResult
  const { payload, user, i18n } = req
  const adminRoute = payload.config.routes.admin
  if (!user) redirect(`${adminRoute}/login?redirect=${encodeURIComponent(`${adminRoute}/desk`)}`)
  const l = wordsOf(i18n.t as never, i18n.language)

  const filters = parseDeskFilters(searchParams)
  const desk = await loadDesk({ payload, user, locale: locale?.code, filters })
  const editURL = (id: number | string) => `${adminRoute}/collections/articles/${id}`

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
      <SetStepNav nav={[{ label: l.t('desk:title') }]} />
      <Gutter className="desk">
        <header className="desk__header">
          <div>
            <h1 className="desk__title">{l.t('desk:title')}</h1>
            <p className="desk__intro">{l.t('desk:intro')}</p>
          </div>
          <DeskFilters
            filters={filters}
            sections={desk.sections}
            languages={languageOptionsIn(i18n.language)}
            people={desk.people}
          />
        </header>
        <DeskSchedule upcoming={desk.upcoming} user={user} editURL={editURL} l={l} />
        <DeskBoard
          columns={desk.columns}
          editURL={editURL}
          listURL={listURLFor(adminRoute, filters)}
          l={l}
        />
      </Gutter>
    </DefaultTemplate>
  )
}
