'use client'

import { useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'

import { useWords } from '../admin/useWords'

/**
 * The document header's "Status", in the workflow's words: the stage the Workflow panel's badge
 * shows (not Payload's Draft/Published/Changed), and, while an update is a draft over a live
 * text, that the published version stays on the site; on a published text with saved changes,
 * that they are not yet published.
 */
export const WorkflowStatus = () => {
  const l = useWords()
  const { t } = useTranslation()
  const { hasPublishedDoc, savedDocumentData, unpublishedVersionCount } = useDocumentInfo()
  const formStage = useFormFields(([fields]) => fields.stage?.value)
  const stage = String(savedDocumentData?.stage ?? formStage ?? 'draft')
  const overLive = hasPublishedDoc && stage !== 'published'
  // An editor's saved changes to a published text, not yet published (Payload's "Changed").
  const changed = stage === 'published' && unpublishedVersionCount > 0
  return (
    <div className="status" data-testid="workflow-status" data-stage={stage}>
      <div className="status__value-wrap">
        <span className="status__label">{t('version:status')}:&nbsp;</span>
        <span className="status__value">{l.stage(stage)}</span>
        {overLive || changed ? (
          <span className="status__value">
            {' '}
            ({l.t(overLive ? 'workflow:publishedStaysLive' : 'workflow:unpublishedChanges')})
          </span>
        ) : null}
      </div>
    </div>
  )
}
