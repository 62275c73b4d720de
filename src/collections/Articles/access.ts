import type { Access } from 'payload'

import { actsOnWhere } from '@/workflow'

/**
 * Who may change an article: the workflow's scope rule (editors and admins: any; authors: the
 * ones they created; translators: language versions in their languages). Which stage changes
 * each may make is the workflow table's business on top of this.
 */
export const canUpdateArticle: Access = ({ req: { user } }) => (user ? actsOnWhere(user) : false)
