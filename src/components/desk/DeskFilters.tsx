'use client'

import { useConfig } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useTransition } from 'react'

import { deskQuery, type DeskFilters as Filters } from './filters'
import { useWords } from '../admin/useWords'

type Option = { value: string; label: string }

/** One drop-down filter: "any" first, then the options. */
const FilterSelect = ({
  name,
  label,
  anyLabel,
  options,
  filters,
  go,
}: {
  name: 'section' | 'language' | 'assignee'
  label: string
  anyLabel: string
  options: Option[]
  filters: Filters
  go: (next: Filters) => void
}) => (
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

/** One on/off filter, shown as a pressed or unpressed button. */
const FilterToggle = ({
  name,
  label,
  title,
  filters,
  go,
}: {
  name: 'mine' | 'needsUpdate'
  label: string
  title: string
  filters: Filters
  go: (next: Filters) => void
}) => (
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
  const l = useWords()
  const router = useRouter()
  const [pending, startTransition] = useTransition()
  const {
    config: {
      routes: { admin: adminRoute },
    },
  } = useConfig()

  const go = (next: Filters) =>
    startTransition(() => router.push(`${adminRoute}/desk${deskQuery(next)}`))
  const active = Boolean(
    filters.section || filters.language || filters.assignee || filters.mine || filters.needsUpdate,
  )
  const shared = { filters, go }
  const selects = [
    {
      name: 'section',
      label: l.t('desk:section'),
      anyLabel: l.t('desk:anySection'),
      options: sections,
    },
    {
      name: 'language',
      label: l.t('desk:language'),
      anyLabel: l.t('desk:anyLanguage'),
      options: languages,
    },
    {
      name: 'assignee',
      label: l.t('desk:assignee'),
      anyLabel: l.t('desk:anyone'),
      options: people,
    },
  ] as const

  return (
    <div className="desk-filters" aria-busy={pending}>
      {selects.map((select) => (
        <FilterSelect key={select.name} {...select} {...shared} />
      ))}
      <FilterToggle
        name="mine"
        label={l.t('desk:mine')}
        title={l.t('desk:mineTitle')}
        {...shared}
      />
      <FilterToggle
        name="needsUpdate"
        label={l.t('desk:needsUpdate')}
        title={l.t('desk:needsUpdateTitle')}
        {...shared}
      />
      {active ? (
        <button
          type="button"
          className="desk-filters__clear"
          onClick={() => go({ mine: false, needsUpdate: false })}
        >
          {l.t('desk:clear')}
        </button>
      ) : null}
    </div>
  )
}
