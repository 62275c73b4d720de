'use client'

import { PublishButton, useAuth, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import type { PublishButtonClientProps } from 'payload'

import { hasRole } from '@/access/roles'
import { embargoActive } from '@/lib/embargo'
import type { User } from '@/payload-types'
import { TRANSITIONS } from '@/workflow/table'

import { useWords } from '../admin/useWords'

/**
 * Payload's own Publish button, shown only to the roles the workflow table lets publish, and not
 * while the article's embargo holds. Authors and translators never publish, so they never see
 * it (the server refuses them regardless). An
 * article never published offers "Publish" (the workflow's word), not "Publish changes".
 */
export const EditorPublishButton = (props: PublishButtonClientProps) => {
  const { user } = useAuth<User>()
  const { hasPublishedDoc } = useDocumentInfo()
  const l = useWords()
  // While an embargo holds nobody publishes (the Workflow panel says until when).
  const embargoUntil = useFormFields(([fields]) => fields?.embargoUntil?.value) as string | null
  if (!hasRole(user, ...TRANSITIONS.publish.roles) || embargoActive(embargoUntil)) return null
  return (
    <PublishButton {...props} {...(hasPublishedDoc ? {} : { label: l.transition('publish') })} />
  )
}
