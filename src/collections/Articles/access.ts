import type { Access, Where } from 'payload'

import { hasRole, isEditorUser } from '@/access/roles'

/**
 * Who may change an article. Editors and admins: any. Authors: the ones they created.
 * Translators: language versions in their own languages (and ones they created).
 * The workflow decides, on top of this, which stage changes each may make.
 */
export const canUpdateArticle: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isEditorUser(user)) return true
  const own: Where = { createdBy: { equals: user.id } }
  if (hasRole(user, 'translator') && user.languages?.length) {
    return {
      or: [
        own,
        { and: [{ translationOf: { exists: true } }, { language: { in: user.languages } }] },
      ],
    }
  }
  if (hasRole(user, 'author', 'translator')) return own
  return false
}
