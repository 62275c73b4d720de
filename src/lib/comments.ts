/**
 * Readers' comments: the statuses, the commenting modes and the limits, shared by the
 * collection (src/collections/Comments/), the public form and the read layer.
 */

/**
 * A comment's life: `unconfirmed` until a first-time commenter opens the link in the
 * confirmation email, then `pending` in the moderation queue, then an editor's verdict. Only
 * `approved` is ever public.
 */
export const COMMENT_STATUSES = ['unconfirmed', 'pending', 'approved', 'rejected', 'spam'] as const
export type CommentStatus = (typeof COMMENT_STATUSES)[number]

/**
 * Who may comment, set on a section and overridden per article (`inherit` follows the section):
 * `moderated` takes comments into the queue (pre-moderation, the default), `closed` shows the
 * approved ones and takes no more, `hidden` shows none and takes none.
 */
export const COMMENT_MODES = ['moderated', 'closed', 'hidden'] as const
export type CommentMode = (typeof COMMENT_MODES)[number]
export const ARTICLE_COMMENT_MODES = ['inherit', ...COMMENT_MODES] as const
export type ArticleCommentMode = (typeof ARTICLE_COMMENT_MODES)[number]
export const DEFAULT_COMMENT_MODE: CommentMode = 'moderated'

/** The mode that applies to an article: its own, else its section's, else the default. */
export const commentModeOf = (
  articleMode: string | null | undefined,
  sectionMode: string | null | undefined,
): CommentMode => {
  const own = COMMENT_MODES.find((mode) => mode === articleMode)
  if (own) return own
  return COMMENT_MODES.find((mode) => mode === sectionMode) ?? DEFAULT_COMMENT_MODE
}

/** Limits of one comment (characters). */
export const COMMENT_LIMITS = {
  name: 80,
  body: 2000,
  /** links (http(s) URLs or www. addresses) a comment may hold */
  links: 2,
} as const
