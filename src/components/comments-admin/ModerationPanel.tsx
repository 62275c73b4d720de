'use client'

import {
  Button,
  toast,
  useAuth,
  useDocumentInfo,
  useForm,
  useFormFields,
  useFormModified,
} from '@payloadcms/ui'
import { useState } from 'react'

import { failureMessage } from '@/components/admin/adminFetch'
import type { ModerationStatus } from '@/lib/commentModeration'
import { COMMENT_LIMITS, COMMENT_STATUSES, type CommentStatus } from '@/lib/comments'

import { moderate, replyAsNewsroom } from './moderationApi'
import { useCommentWords } from './useCommentWords'
import { VerdictButtons } from './VerdictButtons'
import './moderation.css'

const statusOf = (value: unknown): CommentStatus | null =>
  COMMENT_STATUSES.find((status) => status === value) ?? null

/**
 * In a comment's sidebar: its status, one button per verdict (through the same endpoint as the
 * queue's bulk actions), and the box to reply as the newsroom (POST /api/comments/:id/reply).
 * The status field of the form follows what the server did, so a later Save keeps it.
 */
export const ModerationPanel = () => {
  const { t } = useCommentWords()
  const { id } = useDocumentInfo()
  const { user } = useAuth()
  const { dispatchFields, setModified } = useForm()
  const modified = useFormModified()
  const statusValue = useFormFields(([fields]) => fields.status?.value)
  const byNewsroom = useFormFields(([fields]) => fields.byNewsroom?.value) === true
  const status = statusOf(statusValue)
  const [busy, setBusy] = useState(false)
  const [text, setText] = useState('')
  const [notice, setNotice] = useState<{ text: string; ok: boolean } | null>(null)

  if (id === undefined || id === null) return null
  const commentId = Number(id)

  /** The form shows what the server did: the status, and who moderated it just now. */
  const showStatus = (next: ModerationStatus) => {
    const at = new Date().toISOString()
    dispatchFields({ type: 'UPDATE', path: 'status', value: next, initialValue: next })
    if (user?.id !== undefined) {
      dispatchFields({ type: 'UPDATE', path: 'moderatedBy', value: user.id, initialValue: user.id })
    }
    dispatchFields({ type: 'UPDATE', path: 'moderatedAt', value: at, initialValue: at })
    setModified(false)
  }

  const run = async (work: () => Promise<string>) => {
    if (busy) return
    if (modified) {
      setNotice({ text: t('panel:unsaved'), ok: false })
      return
    }
    setBusy(true)
    setNotice(null)
    try {
      const said = await work()
      setNotice({ text: said, ok: true })
      toast.success(said)
    } catch (error) {
      const said = failureMessage(error, t('queue:failed'))
      setNotice({ text: said, ok: false })
      toast.error(said)
    } finally {
      setBusy(false)
    }
  }

  const decide = (next: ModerationStatus) =>
    run(async () => {
      const result = await moderate([commentId], next)
      showStatus(next)
      return result.message
    })

  const reply = () =>
    run(async () => {
      const result = await replyAsNewsroom(commentId, text)
      if (result.approved.includes(commentId)) showStatus('approved')
      setText('')
      return result.message
    })

  const left = COMMENT_LIMITS.body - text.length
  return (
    <div className="comments-panel" data-testid="comment-moderation">
      <h4 className="comments-panel__title">{t('panel:title')}</h4>
      {status ? (
        <p className="comments-panel__status">
          {t('panel:current', { status: t(`statuses:${status}`) })}
        </p>
      ) : null}
      {byNewsroom ? <p className="comments-panel__hint">{t('panel:byNewsroom')}</p> : null}
      <div className="comments-panel__actions">
        <VerdictButtons current={status} busy={busy} onPick={decide} />
      </div>
      <label className="comments-panel__reply">
        <span className="comments-panel__title">{t('panel:replyTitle')}</span>
        <span className="comments-panel__hint">{t('panel:replyHint')}</span>
        <textarea
          name="newsroomReply"
          rows={5}
          maxLength={COMMENT_LIMITS.body}
          value={text}
          placeholder={t('panel:replyPlaceholder')}
          onChange={(event) => setText(event.target.value)}
        />
        <span className="comments-panel__hint">{t('panel:charactersLeft', { count: left })}</span>
      </label>
      <Button
        buttonStyle="primary"
        size="small"
        margin={false}
        disabled={busy || !text.trim()}
        onClick={reply}
        extraButtonProps={{ 'data-action': 'reply' }}
      >
        {t('panel:replyButton')}
      </Button>
      {notice ? (
        <p
          role={notice.ok ? 'status' : 'alert'}
          className={notice.ok ? 'comments-queue__ok' : 'comments-queue__error'}
        >
          {notice.text}
        </p>
      ) : null}
    </div>
  )
}
