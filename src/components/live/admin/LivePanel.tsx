'use client'

import { useDocumentInfo, useTranslation } from '@payloadcms/ui'
import type { UIFieldClientComponent } from 'payload'
import { useState, type KeyboardEvent } from 'react'

import type { liveEn } from '@/i18n/admin/live/en'
import type { Keys } from '@/lib/dictionary'
import { LIVE_KINDS, LIVE_LIMITS, type LiveKind } from '@/lib/live'
import type { LiveUpdate, Media } from '@/payload-types'

import { draftOf, emptyDraft, useLive, type Draft } from './useLive'
import { failureMessage } from '../../admin/adminFetch'
import { useWords } from '../../admin/useWords'
import './livePanel.css'

type LiveKey = Keys<typeof liveEn>
type Say = (key: LiveKey, values?: Record<string, string | number>) => string

/** The article's form must not be submitted by Enter in the composer's one-line fields. */
const noSubmit = (event: KeyboardEvent) => {
  if (event.key === 'Enter') event.preventDefault()
}

const preview = (update: LiveUpdate) =>
  update.headline ||
  update.text ||
  update.linkTitle ||
  update.url ||
  (typeof update.image === 'object' && update.image ? update.image.filename : '') ||
  ''

/** The composer: kind, then what the kind needs; the same form edits an update. */
function Composer({
  initial,
  say,
  busy,
  media,
  loadMedia,
  onSubmit,
  onCancel,
  submitLabel,
}: {
  initial: Draft
  say: Say
  busy: boolean
  media: Media[] | null
  loadMedia: () => Promise<void>
  onSubmit: (draft: Draft) => Promise<boolean>
  onCancel?: () => void
  submitLabel: string
}) {
  const [draft, setDraft] = useState<Draft>(initial)
  const set = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }))
  const kind = draft.kind
  const textLabel: LiveKey =
    kind === 'quote' ? 'kinds:quote' : kind === 'image' ? 'panel:caption' : 'text'
  const submit = async () => {
    if (await onSubmit(draft)) setDraft(onCancel ? draft : { ...emptyDraft, kind })
  }
  if (kind === 'image' && !media) void loadMedia()
  return (
    <div className="live-composer" data-testid="live-composer">
      <div className="live-kinds" role="radiogroup" aria-label={say('kind')}>
        {LIVE_KINDS.map((value: LiveKind) => (
          <label key={value} className="live-kind">
            <input
              type="radio"
              name={`live-kind-${onCancel ? 'edit' : 'new'}`}
              value={value}
              checked={kind === value}
              onChange={() => set({ kind: value })}
              data-testid={`live-kind-${value}`}
            />
            {say(`kinds:${value}`)}
          </label>
        ))}
      </div>
      <label className="live-field">
        <span>{say('headline')}</span>
        <input
          type="text"
          value={draft.headline}
          maxLength={LIVE_LIMITS.headline}
          onKeyDown={noSubmit}
          onChange={(event) => set({ headline: event.target.value })}
          data-testid="live-headline"
        />
      </label>
      {kind === 'image' && (
        <label className="live-field">
          <span>{say('image')}</span>
          {media && media.length === 0 ? (
            <em>{say('panel:noImages')}</em>
          ) : (
            <select
              value={draft.image ?? ''}
              onChange={(event) => set({ image: Number(event.target.value) || null })}
              data-testid="live-image"
            >
              <option value="">{say('panel:chooseImage')}</option>
              {(media ?? []).map((item) => (
                <option key={item.id} value={item.id}>
                  {item.alt || item.filename}
                </option>
              ))}
            </select>
          )}
        </label>
      )}
      {kind === 'link' && (
        <>
          <label className="live-field">
            <span>{say('url')}</span>
            <input
              type="url"
              value={draft.url}
              maxLength={LIVE_LIMITS.url}
              onKeyDown={noSubmit}
              onChange={(event) => set({ url: event.target.value })}
              placeholder="https://"
              data-testid="live-url"
            />
          </label>
          <label className="live-field">
            <span>{say('linkTitle')}</span>
            <input
              type="text"
              value={draft.linkTitle}
              maxLength={LIVE_LIMITS.linkTitle}
              onKeyDown={noSubmit}
              onChange={(event) => set({ linkTitle: event.target.value })}
              data-testid="live-link-title"
            />
          </label>
        </>
      )}
      <label className="live-field">
        <span>{say(textLabel)}</span>
        <textarea
          value={draft.text}
          rows={4}
          maxLength={LIVE_LIMITS.text}
          onChange={(event) => set({ text: event.target.value })}
          data-testid="live-text"
        />
        <small>{say('panel:remaining', { count: LIVE_LIMITS.text - draft.text.length })}</small>
      </label>
      {kind === 'quote' && (
        <label className="live-field">
          <span>{say('attribution')}</span>
          <input
            type="text"
            value={draft.attribution}
            maxLength={LIVE_LIMITS.attribution}
            onKeyDown={noSubmit}
            onChange={(event) => set({ attribution: event.target.value })}
            data-testid="live-attribution"
          />
        </label>
      )}
      <label className="live-check">
        <input
          type="checkbox"
          checked={draft.pinned}
          onChange={(event) => set({ pinned: event.target.checked })}
        />
        {say('pinned')}
      </label>
      <div className="live-actions">
        <button
          type="button"
          className="live-button live-button--primary"
          disabled={busy}
          onClick={submit}
          data-testid="live-submit"
        >
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="live-button" disabled={busy} onClick={onCancel}>
            {say('panel:cancel')}
          </button>
        )}
      </div>
    </div>
  )
}

/**
 * The Live panel in an article's sidebar (editors and admins; `src/fields/livePanel.ts`):
 * start, end or resume the article's live coverage, post updates (text, image, quote, link),
 * and correct or delete them, newest first. Writes go to the `live-coverages` and
 * `live-updates` collections: the article itself is never saved, published or versioned.
 */
export const LivePanel: UIFieldClientComponent = () => {
  const { t } = useTranslation()
  const words = useWords()
  const { id, hasPublishedDoc } = useDocumentInfo()
  const live = useLive(id ?? undefined)
  const [editing, setEditing] = useState<number | null>(null)
  const say: Say = (key, values) =>
    (t as (k: string, v?: object) => string)(`custom:live:${key}`, values)
  if (!id) return null
  const { coverage, updates, loaded, busy, error } = live
  const isLive = coverage?.status === 'live'
  return (
    <section
      className="live-panel"
      data-testid="live-panel"
      data-status={coverage?.status ?? 'none'}
    >
      <h3 className="live-panel__title">
        {isLive && <span className="live-panel__badge">{say('statuses:live')}</span>}{' '}
        {say('panel:title')}
      </h3>
      {!loaded && !error && <p className="live-muted">{say('panel:loading')}</p>}
      {error ? (
        <p className="live-error" role="alert" data-testid="live-error">
          {failureMessage(error, say('panel:failed'))}
        </p>
      ) : null}
      {loaded && !coverage && (
        <>
          <p className="live-muted">{say('panel:intro')}</p>
          <button
            type="button"
            className="live-button live-button--primary"
            disabled={busy}
            onClick={() => void live.start()}
            data-testid="live-start"
          >
            {say('panel:start')}
          </button>
        </>
      )}
      {coverage && (
        <>
          <p className="live-muted" data-testid="live-state">
            {isLive
              ? say('panel:live', { time: words.dateTime(coverage.startedAt) })
              : say('panel:ended', { time: words.dateTime(coverage.endedAt) })}
          </p>
          {!hasPublishedDoc && <p className="live-note">{say('panel:draftNote')}</p>}
          {isLive ? (
            <button
              type="button"
              className="live-button"
              disabled={busy}
              onClick={() => {
                if (window.confirm(say('panel:confirmClose'))) void live.setStatus('ended')
              }}
              data-testid="live-close"
            >
              {say('panel:close')}
            </button>
          ) : (
            <button
              type="button"
              className="live-button"
              disabled={busy}
              onClick={() => void live.setStatus('live')}
              data-testid="live-reopen"
            >
              {say('panel:reopen')}
            </button>
          )}
          {isLive && (
            <>
              <h4 className="live-panel__subtitle">{say('panel:composer')}</h4>
              <Composer
                initial={emptyDraft}
                say={say}
                busy={busy}
                media={live.media}
                loadMedia={live.loadMedia}
                onSubmit={live.post}
                submitLabel={say('panel:post')}
              />
            </>
          )}
          <h4 className="live-panel__subtitle">{say('panel:list', { count: updates.length })}</h4>
          {updates.length === 0 && <p className="live-muted">{say('panel:empty')}</p>}
          <ol className="live-list" data-testid="live-list">
            {updates.map((update) => (
              <li key={update.id} className="live-item" data-testid="live-item">
                <p className="live-item__meta">
                  <time dateTime={update.postedAt}>{words.shortDateTime(update.postedAt)}</time> ·{' '}
                  {say(`kinds:${update.kind as LiveKind}`)}
                  {update.pinned ? ` · ${say('pinned')}` : ''}
                </p>
                {editing === update.id ? (
                  <Composer
                    initial={draftOf(update)}
                    say={say}
                    busy={busy}
                    media={live.media}
                    loadMedia={live.loadMedia}
                    onSubmit={async (draft) => {
                      const saved = await live.save(update.id, draft)
                      if (saved) setEditing(null)
                      return saved
                    }}
                    onCancel={() => setEditing(null)}
                    submitLabel={say('panel:save')}
                  />
                ) : (
                  <>
                    <p className="live-item__text">{preview(update)}</p>
                    <div className="live-actions">
                      <button
                        type="button"
                        className="live-link"
                        disabled={busy}
                        onClick={() => setEditing(update.id)}
                        data-testid="live-edit"
                      >
                        {say('panel:edit')}
                      </button>
                      <button
                        type="button"
                        className="live-link live-link--danger"
                        disabled={busy}
                        onClick={() => {
                          if (window.confirm(say('panel:confirmDelete')))
                            void live.remove(update.id)
                        }}
                        data-testid="live-delete"
                      >
                        {say('panel:delete')}
                      </button>
                    </div>
                  </>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  )
}
