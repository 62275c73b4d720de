import type { Access } from 'payload'

import { hasRole, isEditorUser } from '@/access/roles'
import { canEditWhere } from '@/workflow'

/**
 * Who may change an article: the workflow's rule (editors and admins: any article at any stage;
 * authors: their own, translators: language versions in their languages, both only while the
 * text is in `draft` or `changes_requested`). Stage changes go through the workflow on top.
 */
export const canUpdateArticle: Access = ({ req: { user } }) => (user ? canEditWhere(user) : false)

/**
 * Moving to the trash (an update that sets `deletedAt`) is an editor's action; deleting for good
 * is an admin's.
 */
export const canDeleteArticle: Access = ({ req: { user }, data }) =>
  data?.deletedAt ? isEditorUser(user) : hasRole(user, 'admin')
