import { getTranslations } from 'next-intl/server'

import { getArticleComments, type PublicComment } from '@/data/comments'
import { COMMENT_FRAGMENTS } from '@/lib/commentForm'
import { COMMENT_LIMITS } from '@/lib/comments'
import { commentFormToken } from '@/lib/commentTokens'
import { formatDate } from '@/lib/format'
import type { Language } from '@/lib/languages'

import { CommentForm } from './CommentForm'

/** One comment: name (or "Newsroom"), date, the text as written (React escapes it), line breaks kept. */
function CommentBody({
  comment,
  lang,
  newsroom,
}: {
  comment: PublicComment
  lang: Language
  newsroom: string
}) {
  return (
    <>
      <p className="comment-meta">
        <span className="comment-name">{comment.name}</span>
        {comment.byNewsroom && <span className="comment-badge">{newsroom}</span>}
        <time dateTime={comment.createdAt}>{formatDate(lang, comment.createdAt)}</time>
      </p>
      <div className="comment-text">{comment.body}</div>
    </>
  )
}

/**
 * The comments section of an article page, below the body: approved comments oldest first, each
 * with its replies, then the form (or a line saying comments are closed). Nothing at all when
 * comments are hidden. Part of the cached page: an approval expires it (the comments' tag).
 */
export async function ArticleComments({ articleId, lang }: { articleId: number; lang: Language }) {
  const comments = await getArticleComments({ articleId })
  if (!comments || comments.mode === 'hidden') return null
  const t = await getTranslations({ locale: lang, namespace: 'comments' })
  const open = comments.mode === 'moderated'
  const token = commentFormToken()
  const limits = { name: COMMENT_LIMITS.name, body: COMMENT_LIMITS.body }
  const words = {
    formTitle: t('formTitle'),
    name: t('name'),
    email: t('email'),
    body: t('body'),
    trap: t('trap'),
    submit: t('submit'),
    sending: t('sending'),
    note: t('note'),
    limits: t('limits', { max: COMMENT_LIMITS.body, links: COMMENT_LIMITS.links }),
    failed: t('failed'),
    tooMany: t('tooMany'),
  }
  return (
    <section className="comments" id="comments" aria-labelledby="comments-title">
      <h2 id="comments-title">
        {t('title')}
        {comments.count > 0 && (
          <span className="comments-count"> · {t('count', { count: comments.count })}</span>
        )}
      </h2>
      <p className="comment-notice" id={COMMENT_FRAGMENTS.sent} role="status">
        {t('sent')}
      </p>
      <p className="comment-notice" id={COMMENT_FRAGMENTS.checkEmail} role="status">
        {t('checkEmail')}
      </p>
      {comments.threads.length > 0 ? (
        <ol className="comment-list">
          {comments.threads.map((thread) => (
            <li key={thread.id} className="comment" id={`comment-${thread.id}`}>
              <CommentBody comment={thread} lang={lang} newsroom={t('newsroom')} />
              {open && (
                <details className="comment-reply">
                  <summary>{t('reply')}</summary>
                  <CommentForm
                    articleId={articleId}
                    lang={lang}
                    token={token}
                    limits={limits}
                    words={{ ...words, formTitle: t('replyTo', { name: thread.name }) }}
                    parentId={thread.id}
                  />
                </details>
              )}
              {thread.replies.length > 0 && (
                <ol className="comment-replies">
                  {thread.replies.map((reply) => (
                    <li
                      key={reply.id}
                      className={`comment${reply.byNewsroom ? ' comment-newsroom' : ''}`}
                      id={`comment-${reply.id}`}
                    >
                      <CommentBody comment={reply} lang={lang} newsroom={t('newsroom')} />
                    </li>
                  ))}
                </ol>
              )}
            </li>
          ))}
        </ol>
      ) : (
        open && <p className="comments-none">{t('none')}</p>
      )}
      {open ? (
        <CommentForm
          articleId={articleId}
          lang={lang}
          token={token}
          limits={limits}
          words={words}
        />
      ) : (
        <p className="comments-closed">{t('closed')}</p>
      )}
    </section>
  )
}
