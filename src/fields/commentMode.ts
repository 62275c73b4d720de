import type { SelectField } from 'payload'

import { inLanguages, label } from '@/i18n/admin'
import {
  ARTICLE_COMMENT_MODES,
  COMMENT_MODES,
  DEFAULT_COMMENT_MODE,
  type ArticleCommentMode,
  type CommentMode,
} from '@/lib/comments'

const options = (modes: readonly (CommentMode | ArticleCommentMode)[]) =>
  modes.map((mode) => ({ label: label(`comments:modes:${mode}`), value: mode }))

/** Whether readers may comment: on a section (the default for its articles) or on an article. */
export const commentModeField = (on: 'section' | 'article'): SelectField => ({
  name: 'commentMode',
  type: 'select',
  label: label('comments:mode'),
  defaultValue: on === 'section' ? DEFAULT_COMMENT_MODE : 'inherit',
  options: options(on === 'section' ? COMMENT_MODES : ARTICLE_COMMENT_MODES),
  admin: {
    position: 'sidebar',
    description: inLanguages(
      on === 'section' ? 'comments:modeDescriptionSection' : 'comments:modeDescriptionArticle',
    ),
  },
})
