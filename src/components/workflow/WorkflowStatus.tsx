'use client'

import { useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'

import { useWords } from '../admin/useWords'

/**
 * The document header's "Status", in the workflow's words: the stage the Workflow panel's badge
 * shows (not Payload's Draft/Published/Changed), and, while an update is a draft over a live
 * text, that the published version stays on the site.
 */
export const WorkflowStatus = () => {
  const l = useWords()
  const { t } = useTranslation()
  const { hasPublishedDoc, savedDocumentData } = useDocumentInfo()
  const formStage = useFormFields(([fields]) => fields.stage?.value)
  const stage = String(savedDocumentData?.stage ?? formStage ?? 'draft')
  const overLive = hasPublishedDoc && stage !== 'published'
  return (
    <div className="status" data-testid="workflow-status" data-stage={stage}>
      <div className="status__value-wrap">
        <span className="status__label">{t('version:status')}:&nbsp;</span>
        <span className="status__value">{l.stage(stage)}</span>
        {overLive ? (
          <span className="status__value"> ({l.t('workflow:publishedStaysLive')})</span>
        ) : null}
      </div>
    </div>
  )
}
