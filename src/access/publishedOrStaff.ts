import type { Access } from 'payload'

import { isStaffUser } from './roles'

/**
 * Read access for drafts-enabled collections: newsroom staff read everything, everyone else
 * only what is published. The query form lets Payload filter lists instead of refusing them.
 */
export const publishedOrStaff: Access = ({ req }) => {
  if (isStaffUser(req.user)) return true
  return { _status: { equals: 'published' } }
}
