import 'server-only'

import { cacheTags } from '@/cache/tags'
import { drizzleOf } from '@/db/client'
import { approvedCommentCounts, approvedComments, commentTarget } from '@/db/comments'
import { commentModeOf, type CommentMode } from '@/lib/comments'

import { cached } from './cached'
import { getPayloadClient } from './payload'

/** What a reader sees of one approved comment: never the email or the address hash. */
export type PublicComment = {
  id: number
  name: string
  body: string
  byNewsroom: boolean
  createdAt: string
}

export type CommentThread = PublicComment & { replies: PublicComment[] }

export type ArticleComments = {
  /** the mode that applies (`hidden`: the page shows nothing of comments) */
  mode: CommentMode
  /** top-level approved comments, oldest first, each with its approved replies, oldest first */
  threads: CommentThread[]
  count: number
}

/** The most comments one page shows (the newest beyond it wait for a later page, not built). */
export const MAX_PAGE_COMMENTS = 500

const toPublic = (row: Awaited<ReturnType<typeof approvedComments>>[number]): PublicComment => ({
  id: Number(row.id),
  name: row.name,
  body: row.body,
  byNewsroom: Boolean(row.by_newsroom),
  createdAt: row.created_at,
})

/**
 * An article's approved comments and its comment mode, for its page. Null when the article is
 * not published. Tagged with the article's comments (expired by any change of an approved
 * comment, src/collections/Comments/hooks/cache.ts), the article itself (its own mode) and the
 * sections (a section's mode).
 */
export const getArticleComments = cached(
  'article-comments',
  async ({ articleId }: { articleId: number }): Promise<ArticleComments | null> => {
    const db = drizzleOf(await getPayloadClient())
    const target = await commentTarget(db, articleId)
    if (!target) return null
    const mode = commentModeOf(target.article_mode, target.section_mode)
    if (mode === 'hidden') return { mode, threads: [], count: 0 }
    const rows = await approvedComments(db, articleId, MAX_PAGE_COMMENTS)
    const threads = new Map<number, CommentThread>()
    for (const row of rows) {
      if (row.parent_id === null) threads.set(Number(row.id), { ...toPublic(row), replies: [] })
    }
    for (const row of rows) {
      if (row.parent_id !== null) threads.get(Number(row.parent_id))?.replies.push(toPublic(row))
    }
    const shown = [...threads.values()]
    return {
      mode,
      threads: shown,
      count: shown.reduce((sum, thread) => sum + 1 + thread.replies.length, 0),
    }
  },
  ({ articleId }) => [
    cacheTags.comments(articleId),
    cacheTags.article(articleId),
    cacheTags.categories,
  ],
)

/**
 * Approved comment counts of the articles of one list (cards), in one grouped query; articles
 * without comments, or whose comments are hidden, are absent. The lists that show counts read
 * this beside their articles; it is tagged `commentCounts`, which every change of an approved
 * comment expires (one tag for all lists: approving is rare next to reading).
 */
export const getCommentCounts = cached(
  'comment-counts',
  async ({ articleIds }: { articleIds: number[] }): Promise<Record<string, number>> => {
    const counts = await approvedCommentCounts(
      drizzleOf(await getPayloadClient()),
      articleIds.slice(0, 200),
    )
    return Object.fromEntries([...counts].map(([id, count]) => [String(id), count]))
  },
  () => [cacheTags.commentCounts, cacheTags.articles, cacheTags.categories],
)
