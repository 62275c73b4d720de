'use client'

import { useRef, useState, type FormEvent } from 'react'

import { COMMENT_ENDPOINTS, COMMENT_FIELDS } from '@/lib/commentForm'

type Words = {
  formTitle: string
  name: string
  email: string
  body: string
  trap: string
  submit: string
  sending: string
  note: string
  limits: string
  failed: string
  /** the proxy's rate limit (its answer is a page, not JSON) */
  tooMany: string
}

type Notice = { kind: 'ok' | 'error'; text: string } | null

/**
 * The comment form. Without JavaScript it is a plain POST to the submit endpoint, which answers
 * with a redirect back here (a notice by `#fragment`) or a page with the message and the form
 * filled in again. With JavaScript: a fresh render-time token is fetched when the reader starts
 * typing (the page may come from a cache an hour old; the minimum time then counts from the
 * first keystroke), the form posts JSON and shows the answer in place, keeping what was typed
 * on a refusal. A reply form (`parentId`) is the same form under its comment (in a `<details>`,
 * which needs no JavaScript either).
 */
export function CommentForm({
  articleId,
  lang,
  token,
  limits,
  words,
  parentId,
}: {
  articleId: number
  lang: string
  token: string
  limits: { name: number; body: number }
  words: Words
  parentId?: number
}) {
  const form = useRef<HTMLFormElement>(null)
  const fresh = useRef(false)
  const [ts, setTs] = useState(token)
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<Notice>(null)

  const refreshToken = () => {
    if (fresh.current) return
    fresh.current = true
    fetch(COMMENT_ENDPOINTS.formToken, { cache: 'no-store' })
      .then((response) => (response.ok ? response.json() : null))
      .then((json: { token?: string } | null) => {
        if (json?.token) setTs(json.token)
      })
      .catch(() => undefined)
  }

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (busy) return
    setBusy(true)
    setNotice(null)
    const data = Object.fromEntries(new FormData(event.currentTarget))
    try {
      const response = await fetch(COMMENT_ENDPOINTS.submit, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(data),
      })
      const json = (await response.json().catch(() => null)) as {
        message?: string
        errors?: { message?: string }[]
      } | null
      if (response.ok) {
        setNotice({ kind: 'ok', text: json?.message ?? '' })
        const body = form.current?.querySelector('textarea')
        if (body) body.value = ''
      } else {
        const fallback = response.status === 429 ? words.tooMany : words.failed
        setNotice({ kind: 'error', text: json?.errors?.[0]?.message ?? fallback })
      }
    } catch {
      setNotice({ kind: 'error', text: words.failed })
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      ref={form}
      id={parentId ? undefined : 'comment-form'}
      className="comment-form"
      method="post"
      action={COMMENT_ENDPOINTS.submit}
      onSubmit={onSubmit}
      onFocus={refreshToken}
      onInput={refreshToken}
    >
      {parentId ? (
        <p className="comment-form-title">{words.formTitle}</p>
      ) : (
        <h3>{words.formTitle}</h3>
      )}
      <input type="hidden" name={COMMENT_FIELDS.article} value={articleId} />
      <input type="hidden" name={COMMENT_FIELDS.language} value={lang} />
      <input type="hidden" name={COMMENT_FIELDS.token} value={ts} />
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
          <input name={COMMENT_FIELDS.name} required maxLength={limits.name} autoComplete="name" />
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
          <textarea name={COMMENT_FIELDS.body} required rows={6} maxLength={limits.body} />
        </label>
      </p>
      <p className="comment-help">
        {words.note} {words.limits}
      </p>
      {notice && (
        <p
          className={`comment-answer comment-answer-${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
        >
          {notice.text}
        </p>
      )}
      <p>
        <button type="submit" disabled={busy}>
          {busy ? words.sending : words.submit}
        </button>
      </p>
    </form>
  )
}
