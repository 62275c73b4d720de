'use client'

import { toast, useSelection } from '@payloadcms/ui'
import { usePathname, useRouter, useSearchParams } from 'next/navigation'
import { useCallback, useEffect, useMemo, useState } from 'react'

import { failureMessage } from '@/components/admin/adminFetch'
import type { ModerationStatus } from '@/lib/commentModeration'
import type { CommentStatus } from '@/lib/comments'
import { LANGUAGES, languageNameIn } from '@/lib/languages'

import { countComments, moderate } from './moderationApi'
import { DEFAULT_FILTER, filterOf, queryOf, type QueueFilter } from './queueQuery'
import { useCommentWords } from './useCommentWords'
import { VerdictButtons } from './VerdictButtons'
import './moderation.css'

/** The tabs, in a moderator's order: what waits first. */
const TABS: CommentStatus[] = ['pending', 'approved', 'rejected', 'spam', 'unconfirmed']

/**
 * Above the comments list: the moderation queue's status tabs with their counts, the language
 * filter, and the bulk actions on the selected rows (approve, reject, spam, back to pending),
 * each one request to POST /api/comments/moderate, with what changed or why nothing did.
 */
export const ModerationBar = () => {
  const { t, language } = useCommentWords()
  const router = useRouter()
  const pathname = usePathname()
  const params = useSearchParams()
  const { getSelectedIds, selectedIDs, toggleAll } = useSelection()
  // The rows ticked on this page (an action never reaches past what the moderator sees).
  const selectedCount = selectedIDs.length
  const filter = useMemo(() => filterOf(new URLSearchParams(params.toString())), [params])
  const [counts, setCounts] = useState<Partial<Record<CommentStatus, number>>>({})
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<{ text: string; ok: boolean } | null>(null)
  const [round, setRound] = useState(0)

  const go = useCallback(
    (next: QueueFilter, replace = false) => {
      const url = `${pathname}?${queryOf(next, new URLSearchParams(params.toString()))}`
      if (replace) router.replace(url)
      else router.push(url)
    },
    [pathname, params, router],
  )

  // The queue opens on the pending comments, oldest first.
  useEffect(() => {
    if (!filter) go(DEFAULT_FILTER, true)
  }, [filter, go])

  const languageFilter = filter?.language ?? null
  useEffect(() => {
    const controller = new AbortController()
    Promise.all(
      TABS.map((status) =>
        countComments(
          { status, ...(languageFilter ? { language: languageFilter } : {}) },
          controller.signal,
        ).then((n) => [status, n] as const),
      ),
    )
      .then((entries) => setCounts(Object.fromEntries(entries)))
      .catch(() => undefined)
    return () => controller.abort()
  }, [languageFilter, round])

  const act = async (status: ModerationStatus) => {
    const ids = getSelectedIds().map(Number)
    if (!ids.length || busy) return
    setBusy(true)
    setNotice(null)
    try {
      const result = await moderate(ids, status)
      setNotice({ text: result.message, ok: true })
      toast.success(result.message)
      // Payload keeps a selection until the query changes: clear it, the rows are done.
      toggleAll()
      setRound((n) => n + 1)
      router.refresh()
    } catch (error) {
      const text = failureMessage(error, t('queue:failed'))
      setNotice({ text, ok: false })
      toast.error(text)
    } finally {
      setBusy(false)
    }
  }

  const current = filter ?? DEFAULT_FILTER
  return (
    <div className="comments-queue" data-testid="comments-queue">
      <nav className="comments-queue__tabs" aria-label={t('queue:filterStatus')}>
        {TABS.map((status) => (
          <button
            key={status}
            type="button"
            className="comments-queue__tab"
            aria-pressed={current.status === status}
            data-status={status}
            onClick={() => go({ ...current, status })}
          >
            {t(`statuses:${status}`)}
            <span className="comments-queue__count">{counts[status] ?? '…'}</span>
          </button>
        ))}
        <button
          type="button"
          className="comments-queue__tab"
          aria-pressed={current.status === null}
          data-status="all"
          onClick={() => go({ ...current, status: null })}
        >
          {t('queue:all')}
        </button>
      </nav>
      <div className="comments-queue__row">
        <label className="comments-queue__language">
          <span>{t('queue:filterLanguage')}</span>
          <select
            value={current.language ?? ''}
            onChange={(event) =>
              go({
                ...current,
                language: LANGUAGES.find((one) => one === event.target.value) ?? null,
              })
            }
          >
            <option value="">{t('queue:allLanguages')}</option>
            {LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {languageNameIn(language, code)}
              </option>
            ))}
          </select>
        </label>
        {current.status === 'pending' ? (
          <span className="comments-queue__hint">{t('queue:oldestFirst')}</span>
        ) : null}
      </div>
      <div className="comments-queue__row comments-queue__actions" data-testid="comments-bulk">
        {selectedCount > 0 ? (
          <>
            <span>{t('queue:selected', { count: selectedCount })}</span>
            <VerdictButtons current={current.status} busy={busy} onPick={act} />
          </>
        ) : (
          <span className="comments-queue__hint">{t('queue:hint')}</span>
        )}
        {busy ? <span>{t('queue:working')}</span> : null}
        {notice ? (
          <span
            role={notice.ok ? 'status' : 'alert'}
            className={notice.ok ? 'comments-queue__ok' : 'comments-queue__error'}
          >
            {notice.text}
          </span>
        ) : null}
      </div>
    </div>
  )
}
