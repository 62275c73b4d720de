'use client'

import {
  Button,
  toast,
  useConfig,
  useDocumentInfo,
  useFormModified,
  useRouteTransition,
  useTranslation,
} from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import type { UIFieldClientComponent } from 'payload'
import { useCallback, useEffect, useId, useRef, useState } from 'react'

import { TRANSITION_NAMES, TRANSITIONS, transitionOf, type Stage } from '@/workflow/table'

import {
  addNote,
  fireTransition,
  getWorkflow,
  type AvailableTransition,
  type WorkflowState,
} from './api'
import { workflowLabels, type WorkflowLabels } from './labels'
import { StageBadge } from './StageBadge'
import { Timeline } from './Timeline'
import './workflow.css'

/** Stages from which a transition that needs the pre-publish checklist starts (from the table). */
const CHECKLIST_STAGES = new Set<Stage>(
  TRANSITION_NAMES.filter((name) => transitionOf(name).requiresChecklist).flatMap(
    (name) => TRANSITIONS[name].from,
  ),
)

/** `datetime-local` wants local time without a zone: 2026-11-24T18:30 */
const toLocalInput = (date: Date) => {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000)
  return local.toISOString().slice(0, 16)
}

const Person = ({
  label,
  person,
  l,
}: {
  label: string
  person: WorkflowState['assignee']
  l: WorkflowLabels
}) => (
  <div className="wf-panel__person">
    <span className="wf-panel__label">{label}</span>
    <span className={person ? 'wf-panel__value' : 'wf-panel__value wf-panel__value--empty'}>
      {person?.name ?? l.t('nobody')}
    </span>
  </div>
)

/**
 * The Workflow panel in an article's sidebar: its stage, who it is assigned to, the pre-publish
 * checklist, the transitions the signed-in person may fire now (as the server lists them), an
 * editorial note, and the timeline. The server decides everything; this only shows and asks.
 */
export const WorkflowPanel: UIFieldClientComponent = () => {
  const { i18n } = useTranslation()
  const l = workflowLabels(i18n.language)
  const {
    config: {
      routes: { api: apiRoute },
    },
  } = useConfig()
  const {
    id,
    savedDocumentData,
    getDocPermissions,
    incrementVersionCount,
    setHasPublishedDoc,
    setUnpublishedVersionCount,
  } = useDocumentInfo()
  const modified = useFormModified()
  const router = useRouter()
  const { startRouteTransition } = useRouteTransition()

  const [state, setState] = useState<WorkflowState | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [note, setNote] = useState('')
  const [date, setDate] = useState('')
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const noteRef = useRef<HTMLTextAreaElement>(null)
  const dateRef = useRef<HTMLInputElement>(null)
  const fieldId = useId()

  // Load on open, again whenever the document is saved (the checklist may have changed), and
  // after every action here (`reload`).
  const [loads, setLoads] = useState(0)
  const reload = useCallback(() => setLoads((count) => count + 1), [])
  const savedAt = savedDocumentData?.updatedAt as string | undefined
  const loadFailed = l.t('loadFailed')
  useEffect(() => {
    if (!id) return
    const controller = new AbortController()
    getWorkflow(apiRoute, id, controller.signal).then(
      (next) => {
        setState(next)
        setLoadError(null)
      },
      (err: unknown) => {
        if (!controller.signal.aborted) {
          setLoadError(err instanceof Error ? err.message : loadFailed)
        }
      },
    )
    return () => controller.abort()
  }, [apiRoute, id, savedAt, loads, loadFailed])

  if (!id) {
    return (
      <div className="wf-panel" id="workflow-panel">
        <h3 className="wf-panel__title">{l.t('workflow')}</h3>
        <p className="wf-panel__hint">{l.t('saveFirst')}</p>
      </div>
    )
  }

  const run = async (transition: AvailableTransition) => {
    setError(null)
    const trimmed = note.trim()
    if (transition.requiresNote && !trimmed) {
      setError(l.t('needsNote'))
      noteRef.current?.focus()
      return
    }
    let when: string | undefined
    if (transition.requiresFutureDate) {
      const picked = date ? new Date(date) : null
      if (!picked || Number.isNaN(picked.getTime()) || picked <= new Date()) {
        setError(l.t('needsDate'))
        dateRef.current?.focus()
        return
      }
      when = picked.toISOString()
    }
    setBusy(transition.name)
    try {
      const { doc } = await fireTransition(apiRoute, id, {
        transition: transition.name,
        ...(trimmed ? { note: trimmed } : {}),
        ...(when ? { date: when } : {}),
      })
      setNote('')
      setDate('')
      toast.success(l.t('done', { stage: l.stage(doc.stage) }))
      // The document changed on the server: reload it so the form never keeps the old stage,
      // status or permissions (a writer loses edit rights once the article is in review).
      if (doc._status) setHasPublishedDoc(doc._status === 'published')
      setUnpublishedVersionCount(0)
      incrementVersionCount()
      await getDocPermissions()
      startRouteTransition(() => router.refresh())
      reload()
    } catch (err) {
      setError(err instanceof Error ? err.message : l.t('failed'))
    } finally {
      setBusy(null)
    }
  }

  const sendNote = async () => {
    setError(null)
    const trimmed = note.trim()
    if (!trimmed) {
      setError(l.t('needsNote'))
      noteRef.current?.focus()
      return
    }
    setBusy('note')
    try {
      await addNote(apiRoute, id, trimmed)
      setNote('')
      toast.success(l.t('noteAdded'))
      reload()
    } catch (err) {
      setError(err instanceof Error ? err.message : l.t('failed'))
    } finally {
      setBusy(null)
    }
  }

  if (!state) {
    return (
      <div className="wf-panel" id="workflow-panel">
        <h3 className="wf-panel__title">{l.t('workflow')}</h3>
        {loadError ? (
          <div className="wf-panel__error" role="alert">
            <p>{loadError}</p>
            <Button buttonStyle="secondary" size="small" margin={false} onClick={reload}>
              {l.t('retry')}
            </Button>
          </div>
        ) : (
          <p className="wf-panel__hint">{l.t('loading')}</p>
        )}
      </div>
    )
  }

  const labelsOf = (which: (transition: AvailableTransition) => boolean | undefined) =>
    state.transitions
      .filter(which)
      .map((transition) => l.transition(transition.name, transition.label).toLowerCase())
      .join(', ')
  const dateFor = labelsOf((transition) => transition.requiresFutureDate)
  const noteFor = labelsOf((transition) => transition.requiresNote)

  return (
    <div className="wf-panel" id="workflow-panel" data-stage={state.stage}>
      <div className="wf-panel__head">
        <h3 className="wf-panel__title">{l.t('workflow')}</h3>
        <StageBadge stage={state.stage} label={l.stage(state.stage)} />
      </div>

      <div className="wf-panel__people">
        <Person label={l.t('assignee')} person={state.assignee} l={l} />
        <Person label={l.t('reviewer')} person={state.reviewer} l={l} />
      </div>

      {state.stage === 'scheduled' && state.scheduledAt ? (
        <p className="wf-panel__meta">
          <span className="wf-panel__label">{l.t('publishAt')}</span>{' '}
          <time dateTime={state.scheduledAt}>{l.dateTime(state.scheduledAt)}</time>
        </p>
      ) : null}
      {state.expiresAt ? (
        <p className="wf-panel__meta">
          <span className="wf-panel__label">{l.t('expiresAt')}</span>{' '}
          <time dateTime={state.expiresAt}>{l.dateTime(state.expiresAt)}</time>
        </p>
      ) : null}

      {CHECKLIST_STAGES.has(state.stage) ? (
        <section className="wf-panel__section wf-checklist" data-ok={state.checklist.ok}>
          <h4 className="wf-panel__subtitle">{l.t('checklist')}</h4>
          {state.checklist.ok ? (
            <p className="wf-checklist__ok">✓ {l.t('checklistOk')}</p>
          ) : (
            <>
              <p className="wf-checklist__lead">{l.t('checklistMissing')}</p>
              <ul className="wf-checklist__missing">
                {state.checklist.missing.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            </>
          )}
        </section>
      ) : null}

      <section className="wf-panel__section wf-actions">
        <h4 className="wf-panel__subtitle">{l.t('actions')}</h4>
        {!state.canEdit && state.transitions.length === 0 ? (
          <p className="wf-panel__hint">{l.t('noActions')}</p>
        ) : null}
        <label className="wf-panel__label" htmlFor={`${fieldId}-note`}>
          {noteFor ? l.t('noteRequiredFor', { actions: noteFor }) : l.t('note')}
        </label>
        <textarea
          id={`${fieldId}-note`}
          ref={noteRef}
          className="wf-actions__note"
          name="workflow-note"
          rows={3}
          value={note}
          placeholder={l.t('notePlaceholder')}
          onChange={(event) => setNote(event.target.value)}
        />
        {dateFor ? (
          <>
            <label className="wf-panel__label" htmlFor={`${fieldId}-date`}>
              {l.t('whenFor', { actions: dateFor })}
            </label>
            <input
              id={`${fieldId}-date`}
              ref={dateRef}
              className="wf-actions__date"
              type="datetime-local"
              name="workflow-date"
              min={toLocalInput(new Date())}
              value={date}
              onChange={(event) => setDate(event.target.value)}
              // Enter here must not submit the document form around the panel.
              onKeyDown={(event) => event.key === 'Enter' && event.preventDefault()}
            />
          </>
        ) : null}
        {modified && state.transitions.length > 0 ? (
          <p className="wf-panel__hint wf-panel__hint--warn">{l.t('saveChangesFirst')}</p>
        ) : null}
        <div className="wf-actions__buttons">
          {state.transitions.map((transition) => (
            <Button
              key={transition.name}
              buttonStyle="secondary"
              size="small"
              margin={false}
              className="wf-actions__button"
              id={`workflow-transition-${transition.name}`}
              disabled={Boolean(busy) || modified}
              onClick={() => void run(transition)}
            >
              {busy === transition.name ? '…' : l.transition(transition.name, transition.label)}
            </Button>
          ))}
          {state.canAddNote === false ? null : (
            <Button
              buttonStyle="subtle"
              size="small"
              margin={false}
              className="wf-actions__button"
              id="workflow-add-note"
              disabled={Boolean(busy)}
              onClick={() => void sendNote()}
            >
              {busy === 'note' ? '…' : l.t('addNote')}
            </Button>
          )}
        </div>
        {error ? (
          <p className="wf-panel__error" role="alert">
            {error}
          </p>
        ) : null}
      </section>

      <section className="wf-panel__section">
        <h4 className="wf-panel__subtitle">{l.t('timeline')}</h4>
        <Timeline events={state.timeline} l={l} />
      </section>
    </div>
  )
}
