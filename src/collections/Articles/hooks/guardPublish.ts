import { APIError, type CollectionBeforeChangeHook } from 'payload'

import { hasRole } from '@/access/roles'
import { TRANSITIONS } from '@/workflow'

/**
 * Publish is not update: a person who may save drafts may not publish by sending
 * `_status: 'published'`, whatever the way in (admin, REST, GraphQL, Local API with a user).
 * Who may publish comes from the workflow table. Calls without a user are the system itself
 * (seed, jobs) and pass.
 */
export const guardPublish: CollectionBeforeChangeHook = ({ data, req }) => {
  if (
    req.user &&
    data?._status === 'published' &&
    !hasRole(req.user, ...TRANSITIONS.publish.roles)
  ) {
    throw new APIError('Only editors and admins can publish articles.', 403, undefined, true)
  }
  return data
}
