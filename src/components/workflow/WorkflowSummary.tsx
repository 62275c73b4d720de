import type { PersonRef, WorkflowStateResponse } from '@/workflow/api'
import { TRANSITION_NAMES, TRANSITIONS, transitionOf, type Stage } from '@/workflow/table'

import type { Words } from '../admin/words'

/** Stages from which a transition that needs the pre-publish checklist starts (from the table). */
const CHECKLIST_STAGES = new Set<Stage>(
  TRANSITION_NAMES.filter((name) => transitionOf(name).requiresChecklist).flatMap(
    (name) => TRANSITIONS[name].from,
  ),
)

const Person = ({ label, person, l }: { label: string; person: PersonRef; l: Words }) => (
  <div className="wf-panel__person">
    <span className="wf-panel__label">{label}</span>
    <span className={person ? 'wf-panel__value' : 'wf-panel__value wf-panel__value--empty'}>
      {person?.name ?? l.t('workflow:nobody')}
    </span>
  </div>
)

/** Who the article is assigned to and who reviews it. */
export const WorkflowPeople = ({ state, l }: { state: WorkflowStateResponse; l: Words }) => (
  <div className="wf-panel__people">
    <Person label={l.t('workflow:assignee')} person={state.assignee} l={l} />
    <Person label={l.t('workflow:reviewer')} person={state.reviewer} l={l} />
  </div>
)

const Moment = ({ label, value, l }: { label: string; value: string; l: Words }) => (
  <p className="wf-panel__meta">
    <span className="wf-panel__label">{label}</span>{' '}
    <time dateTime={value}>{l.dateTime(value)}</time>
  </p>
)

/** When a scheduled article publishes, and when any article unpublishes. */
export const WorkflowSchedule = ({ state, l }: { state: WorkflowStateResponse; l: Words }) => (
  <>
    {state.stage === 'scheduled' && state.scheduledAt ? (
      <Moment label={l.t('workflow:publishAt')} value={state.scheduledAt} l={l} />
    ) : null}
    {state.expiresAt ? (
      <Moment label={l.t('workflow:expiresAt')} value={state.expiresAt} l={l} />
    ) : null}
  </>
)

/** The pre-publish checklist, shown in the stages a checklist-bound transition starts from. */
export const WorkflowChecklist = ({ state, l }: { state: WorkflowStateResponse; l: Words }) =>
  CHECKLIST_STAGES.has(state.stage) ? (
    <section className="wf-panel__section wf-checklist" data-ok={state.checklist.ok}>
      <h4 className="wf-panel__subtitle">{l.t('workflow:checklist')}</h4>
      {state.checklist.ok ? (
        <p className="wf-checklist__ok">✓ {l.t('workflow:checklistOk')}</p>
      ) : (
        <>
          <p className="wf-checklist__lead">{l.t('workflow:checklistMissing')}</p>
          <ul className="wf-checklist__missing">
            {state.checklist.missing.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  ) : null
