import type { AdminViewServerProps } from 'payload'

import { languageOptionsIn } from '@/lib/languages'
import type { Stage } from '@/workflow'

import { DeskBoard } from './DeskBoard'
import { DeskFilters } from './DeskFilters'
import { DeskSchedule } from './DeskSchedule'
import { parseDeskFilters, type DeskFilters as Filters } from './filters'
import { loadDesk } from './loadDesk'
import { AdminPage, signedInUser } from '../admin/AdminPage'
import { wordsOf } from '../admin/words'
import { DeskBreaking } from '../breaking/DeskBreaking'
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
export const DeskView = async (view: AdminViewServerProps) => {
  const { req, locale } = view.initPageResult
  const { payload, i18n } = req
  const user = signedInUser(view, '/desk')
  const adminRoute = payload.config.routes.admin
  const l = wordsOf(i18n.t as never, i18n.language)

  const filters = parseDeskFilters(view.searchParams)
  const desk = await loadDesk({ payload, user, locale: locale?.code, filters })
  const editURL = (id: number | string) => `${adminRoute}/collections/articles/${id}`

  return (
    <AdminPage view={view} viewType="desk" title={l.t('desk:title')} className="desk">
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
      <DeskBreaking req={req} editURL={editURL} />
      <DeskSchedule upcoming={desk.upcoming} user={user} editURL={editURL} l={l} />
      <DeskBoard
        columns={desk.columns}
        editURL={editURL}
        listURL={listURLFor(adminRoute, filters)}
        l={l}
      />
    </AdminPage>
  )
}
