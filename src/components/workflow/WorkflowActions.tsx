'use client'

import { Button, useModal } from '@payloadcms/ui'
import { useId } from 'react'

import type { AvailableTransition } from '@/workflow/api'

import { UnpublishConfirm } from './UnpublishConfirm'
import type { WorkflowPanelState } from './useWorkflow'
import type { Words } from '../admin/words'

/** `datetime-local` wants local time without a zone: 2026-11-24T18:30 */
const toLocalInput = (date: Date) => {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000)
  return local.toISOString().slice(0, 16)
}

type Props = {
  panel: WorkflowPanelState & { state: NonNullable<WorkflowPanelState['state']> }
  /** the form has unsaved changes: transitions wait for a save */
  modified: boolean
  l: Words
}

/** A button per transition this person may fire, and "Add note" for those who act on it. */
const UNPUBLISH_MODAL = 'workflow-unpublish'

const ActionButtons = ({ panel: { state, busy, run, sendNote }, modified, l }: Props) => {
  const { openModal } = useModal()
  return (
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
          // Unpublishing asks first (and offers the original's live language versions).
          onClick={() =>
            transition.name === 'unpublish' ? openModal(UNPUBLISH_MODAL) : void run(transition)
          }
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
          {busy === 'note' ? '…' : l.t('workflow:addNote')}
        </Button>
      )}
    </div>
  )
}

/**
 * The panel's actions: the note (required by some transitions), the date (for those that need
 * one), a button per transition this person may fire, "Add note", and the last refusal.
 */
export const WorkflowActions = ({ panel, modified, l }: Props) => {
  const { state, note, setNote, noteRef, date, setDate, dateRef, error } = panel
  const fieldId = useId()
  const labelsOf = (which: (transition: AvailableTransition) => boolean) =>
    state.transitions
      .filter(which)
      .map((transition) => l.transition(transition.name, transition.label).toLowerCase())
      .join(', ')
  const dateFor = labelsOf((transition) => transition.requiresFutureDate)
  const noteFor = labelsOf((transition) => transition.requiresNote)
  const startsUpdate = state.transitions.some((transition) => transition.name === 'start_update')

  // Nothing this person can fire and no note to add: say so, and show no form without a button.
  if (state.transitions.length === 0 && state.canAddNote === false) {
    return (
      <section className="wf-panel__section wf-actions">
        <h4 className="wf-panel__subtitle">{l.t('workflow:actions')}</h4>
        <p className="wf-panel__hint" data-testid="workflow-waiting">
          {l.t('workflow:waiting')}
        </p>
      </section>
    )
  }

  return (
    <section className="wf-panel__section wf-actions">
      <h4 className="wf-panel__subtitle">{l.t('workflow:actions')}</h4>
      {startsUpdate ? <p className="wf-panel__hint">{l.t('workflow:startUpdateHint')}</p> : null}
      <label className="wf-panel__label" htmlFor={`${fieldId}-note`}>
        {noteFor ? l.t('workflow:noteRequiredFor', { actions: noteFor }) : l.t('workflow:note')}
      </label>
      <textarea
        id={`${fieldId}-note`}
        ref={noteRef}
        className="wf-actions__note"
        name="workflow-note"
        rows={3}
        value={note}
        placeholder={l.t('workflow:notePlaceholder')}
        onChange={(event) => setNote(event.target.value)}
      />
      {dateFor ? (
        <>
          <label className="wf-panel__label" htmlFor={`${fieldId}-date`}>
            {l.t('workflow:whenFor', { actions: dateFor })}
          </label>
          <input
            id={`${fieldId}-date`}
            ref={dateRef}
            className="wf-actions__date"
            type="datetime-local"
            name="workflow-date"
            // Not before the embargo, when there is one (the server refuses earlier).
            min={toLocalInput(state.embargo.active ? new Date(state.embargo.until!) : new Date())}
            value={date}
            onChange={(event) => setDate(event.target.value)}
            // Enter here must not submit the document form around the panel.
            onKeyDown={(event) => event.key === 'Enter' && event.preventDefault()}
          />
        </>
      ) : null}
      {modified && state.transitions.length > 0 ? (
        <p className="wf-panel__hint wf-panel__hint--warn">{l.t('workflow:saveChangesFirst')}</p>
      ) : null}
      <ActionButtons panel={panel} modified={modified} l={l} />
      {state.transitions.some((transition) => transition.name === 'unpublish') ? (
        <UnpublishConfirm modalSlug={UNPUBLISH_MODAL} id={state.id} note={panel.note} />
      ) : null}
      {error ? (
        <p className="wf-panel__error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  )
}
