import { getTranslations } from 'next-intl/server'

import { getArticleComments, type PublicComment } from '@/data/comments'
import { COMMENT_ENDPOINTS, COMMENT_FIELDS, COMMENT_FRAGMENTS } from '@/lib/commentForm'
import { COMMENT_LIMITS } from '@/lib/comments'
import { commentFormToken } from '@/lib/commentTokens'
import { formatDate } from '@/lib/format'
import type { Language } from '@/lib/languages'

type Words = { formTitle: string; name: string; email: string; body: string; trap: string }
type FormWords = Words & { submit: string; note: string; limits: string }

/** `CommentForm`'s markup as it renders before hydration: a plain POST to the submit endpoint. */
function StaticCommentForm({
  articleId,
  lang,
  token,
  words,
  parentId,
}: {
  articleId: number
  lang: string
  token: string
  words: FormWords
  parentId?: number
}) {
  return (
    <form
      id={parentId ? undefined : 'comment-form'}
      className="comment-form"
      method="post"
      action={COMMENT_ENDPOINTS.submit}
    >
      {parentId ? (
        <p className="comment-form-title">{words.formTitle}</p>
      ) : (
        <h3>{words.formTitle}</h3>
      )}
      <input type="hidden" name={COMMENT_FIELDS.article} value={articleId} />
      <input type="hidden" name={COMMENT_FIELDS.language} value={lang} />
      <input type="hidden" name={COMMENT_FIELDS.token} value={token} />
      <input type="hidden" name={COMMENT_FIELDS.parent} value={parentId ?? ''} />
      <p className="comment-trap" aria-hidden="true">
        <label>
          {words.trap}
          <input type="text" name={COMMENT_FIELDS.trap} tabIndex={-1} autoComplete="off" />
        </label>
      </p>
      <p>
        <label>
          {words.name}
          <input
            name={COMMENT_FIELDS.name}
            required
            maxLength={COMMENT_LIMITS.name}
            autoComplete="name"
          />
        </label>
      </p>
      <p>
        <label>
          {words.email}
          <input type="email" name={COMMENT_FIELDS.email} required autoComplete="email" />
        </label>
      </p>
      <p>
        <label>
          {words.body}
          <textarea name={COMMENT_FIELDS.body} required rows={6} maxLength={COMMENT_LIMITS.body} />
        </label>
      </p>
      <p className="comment-help">
        {words.note} {words.limits}
      </p>
      <p>
        <button type="submit">{words.submit}</button>
      </p>
    </form>
  )
}

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

/** `ArticleComments` with the static form (`StaticCommentForm`); the same read and markup. */
export async function StaticComments({ articleId, lang }: { articleId: number; lang: Language }) {
  const comments = await getArticleComments({ articleId })
  if (!comments || comments.mode === 'hidden') return null
  const t = await getTranslations({ locale: lang, namespace: 'comments' })
  const open = comments.mode === 'moderated'
  const token = commentFormToken()
  const words: FormWords = {
    formTitle: t('formTitle'),
    name: t('name'),
    email: t('email'),
    body: t('body'),
    trap: t('trap'),
    submit: t('submit'),
    note: t('note'),
    limits: t('limits', { max: COMMENT_LIMITS.body, links: COMMENT_LIMITS.links }),
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
                  <StaticCommentForm
                    articleId={articleId}
                    lang={lang}
                    token={token}
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
        <StaticCommentForm articleId={articleId} lang={lang} token={token} words={words} />
      ) : (
        <p className="comments-closed">{t('closed')}</p>
      )}
    </section>
  )
}
