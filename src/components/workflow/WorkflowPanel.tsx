'use client'

import { Button, useDocumentInfo, useFormModified } from '@payloadcms/ui'
import type { UIFieldClientComponent } from 'payload'
import type { ReactNode } from 'react'

import { Timeline } from './Timeline'
import { useWorkflow } from './useWorkflow'
import { WorkflowActions } from './WorkflowActions'
import { WorkflowChecklist, WorkflowPeople, WorkflowSchedule } from './WorkflowSummary'
import { StageBadge } from '../admin/StageBadge'
import { useWords } from '../admin/useWords'
import type { Words } from '../admin/words'
import { EmbargoMark } from '../embargo/EmbargoMark'
import './workflow.css'

/** The panel before there is a state to show: not saved yet, loading, or failed to load. */
const PanelWithout = ({ l, children }: { l: Words; children: ReactNode }) => (
  <div className="wf-panel" id="workflow-panel">
    <h3 className="wf-panel__title">{l.t('workflow:title')}</h3>
    {children}
  </div>
)

/**
 * The Workflow panel in an article's sidebar: its stage, who it is assigned to, the pre-publish
 * checklist, the transitions the signed-in person may fire now (as the server lists them), an
 * editorial note, and the timeline. The server decides everything; this only shows and asks
 * (`useWorkflow`).
 */
export const WorkflowPanel: UIFieldClientComponent = () => {
  const l = useWords()
  const { hasPublishedDoc } = useDocumentInfo()
  const modified = useFormModified()
  const panel = useWorkflow(l)
  const { id, state, loadError, reload } = panel

  if (!id) {
    return (
      <PanelWithout l={l}>
        <p className="wf-panel__hint">{l.t('workflow:saveFirst')}</p>
      </PanelWithout>
    )
  }
  if (!state) {
    return (
      <PanelWithout l={l}>
        {loadError ? (
          <div className="wf-panel__error" role="alert">
            <p>{loadError}</p>
            <Button buttonStyle="secondary" size="small" margin={false} onClick={reload}>
              {l.t('workflow:retry')}
            </Button>
          </div>
        ) : (
          <p className="wf-panel__hint">{l.t('workflow:loading')}</p>
        )}
      </PanelWithout>
    )
  }

  return (
    <div className="wf-panel" id="workflow-panel" data-stage={state.stage}>
      <div className="wf-panel__head">
        <h3 className="wf-panel__title">{l.t('workflow:title')}</h3>
        <StageBadge stage={state.stage} label={l.stage(state.stage)} />
      </div>
      {hasPublishedDoc && state.stage !== 'published' ? (
        <p className="wf-panel__hint" data-testid="workflow-pending-update">
          {l.t('workflow:pendingUpdate')}
        </p>
      ) : null}
      {state.embargo.active && state.embargo.until ? (
        <EmbargoMark until={state.embargo.until} detail />
      ) : null}
      <WorkflowChecklist state={state} l={l} />
      <WorkflowActions panel={{ ...panel, state }} modified={modified} l={l} />
      <WorkflowPeople state={state} l={l} />
      <WorkflowSchedule state={state} l={l} />
      <section className="wf-panel__section">
        <h4 className="wf-panel__subtitle">{l.t('workflow:timeline')}</h4>
        <Timeline events={state.timeline} l={l} />
      </section>
    </div>
  )
}
