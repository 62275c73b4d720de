'use client'

import { Button, useAuth, useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import type { UIFieldClientComponent } from 'payload'
import { useEffect, useState } from 'react'

import { isEditorUser } from '@/access/roles'
import {
  BREAKING_DEFAULT_HOURS,
  BREAKING_MAX_HOURS,
  BREAKING_SLUG,
  type BreakingMarkRequest,
  type BreakingMarkResponse,
} from '@/lib/breaking'

import { adminFetch, failureMessage } from '../admin/adminFetch'
import { useWords } from '../admin/useWords'
import './breaking.css'

/** The durations offered, in hours (the server takes any expiry up to the maximum). */
const DURATIONS = [1, BREAKING_DEFAULT_HOURS, 4, 6, 12, 24, BREAKING_MAX_HOURS]

const endpoint = (api: string, id: string | number) =>
  `${api}/${BREAKING_SLUG}/article/${encodeURIComponent(String(id))}`

/**
 * The breaking-news control in a published article's sidebar, for editors: the current mark and
 * when it runs out; mark for a duration, change it, or remove the mark. It saves the mark only
 * (`/api/breaking-news/article/:id`), never the article: no re-publishing, no new version.
 */
export const BreakingControl: UIFieldClientComponent = () => {
  const { id } = useDocumentInfo()
  const { user } = useAuth()
  const { t } = useTranslation()
  const l = useWords()
  const w = (key: string, values?: Record<string, string | number>) =>
    (t as unknown as (k: string, v?: object) => string)(`custom:breaking:panel:${key}`, values)
  const editor = isEditorUser(user as { roles?: string[] } | null)
  const [state, setState] = useState<BreakingMarkResponse | null>(null)
  const [hours, setHours] = useState(BREAKING_DEFAULT_HOURS)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const failed = w('failed')

  useEffect(() => {
    if (!id || !editor) return
    const controller = new AbortController()
    adminFetch<BreakingMarkResponse>(endpoint(api, id), { signal: controller.signal }).then(
      (next) => {
        setState(next)
        setError(null)
      },
      (failure: unknown) => {
        if (!controller.signal.aborted) setError(failureMessage(failure, failed))
      },
    )
    return () => controller.abort()
  }, [api, id, editor, failed])

  if (!id || !editor) return null

  const send = async (body: BreakingMarkRequest) => {
    setBusy(true)
    setError(null)
    try {
      setState(await adminFetch<BreakingMarkResponse>(endpoint(api, id), { method: 'POST', body }))
    } catch (failure) {
      setError(failureMessage(failure, w('failed')))
    } finally {
      setBusy(false)
    }
  }

  const mark = state?.mark
  const running = mark?.running === true
  return (
    <section className="breaking-control" data-testid="breaking-control">
      <h3 className="breaking-control__title">{w('title')}</h3>
      {!state ? null : !state.published ? (
        <p className="breaking-control__hint" data-testid="breaking-unpublished">
          {w('onlyPublished')}
        </p>
      ) : (
        <>
          <p
            className={`breaking-control__status${running ? ' breaking-control__status--on' : ''}`}
            data-testid="breaking-status"
            data-breaking={running ? 'on' : 'off'}
          >
            {running
              ? w('markedUntil', { time: l.dateTime(mark.expiresAt) })
              : mark
                ? w('expired', { time: l.dateTime(mark.expiresAt) })
                : w('none')}
          </p>
          <label className="breaking-control__lasts">
            {w('lasts')}{' '}
            <select
              value={hours}
              onChange={(event) => setHours(Number(event.target.value))}
              data-testid="breaking-hours"
              disabled={busy}
            >
              {DURATIONS.map((value) => (
                <option key={value} value={value}>
                  {w('hours', { count: value })}
                </option>
              ))}
            </select>
          </label>
          <div className="breaking-control__actions">
            <Button
              buttonStyle="primary"
              size="small"
              disabled={busy}
              onClick={() =>
                void send({ expiresAt: new Date(Date.now() + hours * 3_600_000).toISOString() })
              }
              id="breaking-mark"
            >
              {busy ? w('saving') : mark ? w('change') : w('mark')}
            </Button>
            {mark ? (
              <Button
                buttonStyle="secondary"
                size="small"
                disabled={busy}
                onClick={() => void send({ remove: true })}
                id="breaking-remove"
              >
                {w('remove')}
              </Button>
            ) : null}
          </div>
        </>
      )}
      {error ? (
        <p className="breaking-control__error" role="alert" data-testid="breaking-error">
          {error}
        </p>
      ) : null}
    </section>
  )
}
