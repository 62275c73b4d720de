'use client'

import { useConfig, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useEffect, useRef, useTransition } from 'react'

import { planningQuery, type PlanningQuery } from './query'
import { planningWordsOf } from './words'

type Option = { value: string; label: string }

/** The calendar's filters (section, language, assignee): every change is a new query string. */
export const PlanningFilters = ({
  query,
  sections,
  languages,
  people,
}: {
  query: PlanningQuery
  sections: Option[]
  languages: Option[]
  people: Option[]
}) => {
  const { t } = useTranslation()
  const w = planningWordsOf(t)
  const router = useRouter()
  const [pending, startTransition] = useTransition()
  const {
    config: {
      routes: { admin: adminRoute },
    },
  } = useConfig()
  // The filters as last asked for: a second change before the page follows the first builds on it.
  const asked = useRef(query)
  useEffect(() => {
    asked.current = query
  }, [query])
  const go = (change: Partial<PlanningQuery>, replace = false) => {
    const next = replace
      ? { view: query.view, date: query.date, ...change }
      : { ...asked.current, ...change }
    asked.current = next
    startTransition(() => router.push(`${adminRoute}/planning${planningQuery(next)}`))
  }
  const selects = [
    { name: 'section', label: w('section'), anyLabel: w('anySection'), options: sections },
    { name: 'language', label: w('language'), anyLabel: w('anyLanguage'), options: languages },
    { name: 'assignee', label: w('assignee'), anyLabel: w('anyone'), options: people },
  ] as const
  const active = Boolean(query.section || query.language || query.assignee)
  return (
    <div className="desk-filters planning-filters" aria-busy={pending}>
      {selects.map((select) => (
        <label key={select.name} className="desk-filters__field">
          <span className="desk-filters__label">{select.label}</span>
          <select
            name={select.name}
            value={query[select.name] ?? ''}
            onChange={(event) => go({ [select.name]: event.target.value || undefined })}
          >
            <option value="">{select.anyLabel}</option>
            {select.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      ))}
      {active ? (
        <button type="button" className="desk-filters__clear" onClick={() => go({}, true)}>
          {w('clear')}
        </button>
      ) : null}
    </div>
  )
}
