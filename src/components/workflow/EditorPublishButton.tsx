'use client'

import { PublishButton, useAuth } from '@payloadcms/ui'
import type { PublishButtonClientProps } from 'payload'

import { hasRole } from '@/access/roles'
import type { User } from '@/payload-types'
import { TRANSITIONS } from '@/workflow/table'

/**
 * Payload's own Publish button, shown only to the roles the workflow table lets publish. Authors
 * and translators never publish, so they never see it (the server refuses them regardless).
 */
export const EditorPublishButton = (props: PublishButtonClientProps) => {
  const { user } = useAuth<User>()
  if (!hasRole(user, ...TRANSITIONS.publish.roles)) return null
  return <PublishButton {...props} />
}
