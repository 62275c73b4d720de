import type { Access } from 'payload'

import { hasRole, isEditorUser } from '@/access/roles'
import { idOf, latestArticle } from '@/lib/relations'
import { canEdit, canEditWhere, stageOf } from '@/workflow'

/**
 * Who may change an article: the workflow's rule (editors and admins: any article at any stage;
 * authors: their own, translators: language versions in their languages, both only while the
 * text is in `draft` or `changes_requested`). Stage changes go through the workflow on top.
 */
export const canUpdateArticle: Access = async ({ req, id }) => {
  const { user } = req
  if (!user) return false
  const stored = canEditWhere(user)
  if (typeof stored === 'boolean' || !/^\d+$/.test(String(id ?? ''))) return stored
  // An update of a published text is a pending draft over it: the stored row stays published,
  // and the draft's own stage says whether its writer may still change it.
  const latest = await latestArticle(req, Number(id))
  const draftFacts = latest?._status === 'draft' && {
    stage: stageOf(latest),
    language: latest.language,
    translationOf: idOf(latest.translationOf),
    createdBy: idOf(latest.createdBy),
  }
  return draftFacts && canEdit(user, draftFacts) ? true : stored
}

/**
 * Moving to the trash (an update that sets `deletedAt`) is an editor's action; deleting for good
 * is an admin's.
 */
export const canDeleteArticle: Access = ({ req: { user }, data }) =>
  data?.deletedAt ? isEditorUser(user) : hasRole(user, 'admin')
