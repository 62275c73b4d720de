'use client'

import { useConfig, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useTransition } from 'react'

import { deskQuery, type DeskFilters as Filters } from './filters'
import { workflowLabels } from '../workflow/labels'

type Option = { value: string; label: string }

/** The desk's filter bar: every change is a new query string, read by the server view. */
export const DeskFilters = ({
  filters,
  sections,
  languages,
  people,
}: {
  filters: Filters
  sections: Option[]
  languages: Option[]
  people: Option[]
}) => {
  const { i18n } = useTranslation()
  const l = workflowLabels(i18n.language)
  const router = useRouter()
  const [pending, startTransition] = useTransition()
  const {
    config: {
      routes: { admin: adminRoute },
    },
  } = useConfig()

  const go = (next: Filters) =>
    startTransition(() => router.push(`${adminRoute}/desk${deskQuery(next)}`))

  const select = (
    name: 'section' | 'language' | 'assignee',
    label: string,
    anyLabel: string,
    options: Option[],
  ) => (
    <label className="desk-filters__field">
      <span className="desk-filters__label">{label}</span>
      <select
        name={name}
        value={filters[name] ?? ''}
        onChange={(event) => go({ ...filters, [name]: event.target.value || undefined })}
      >
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  )

  const active = Boolean(
    filters.section || filters.language || filters.assignee || filters.mine || filters.needsUpdate,
  )
  const toggle = (name: 'mine' | 'needsUpdate', label: string, title: string) => (
    <button
      type="button"
      name={name}
      className={`desk-filters__toggle${filters[name] ? ' desk-filters__toggle--on' : ''}`}
      aria-pressed={filters[name]}
      title={title}
      onClick={() => go({ ...filters, [name]: !filters[name] })}
    >
      {label}
    </button>
  )

  return (
    <div className="desk-filters" aria-busy={pending}>
      {select('section', l.t('section'), l.t('anySection'), sections)}
      {select('language', l.t('language'), l.t('anyLanguage'), languages)}
      {select('assignee', l.t('assignee'), l.t('anyone'), people)}
      {toggle('mine', l.t('mine'), l.t('mineTitle'))}
      {toggle('needsUpdate', l.t('needsUpdate'), l.t('needsUpdateTitle'))}
      {active ? (
        <button
          type="button"
          className="desk-filters__clear"
          onClick={() => go({ mine: false, needsUpdate: false })}
        >
          {l.t('clear')}
        </button>
      ) : null}
    </div>
  )
}
