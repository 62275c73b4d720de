'use client'

import { ConfirmationModal, toast, useConfig } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import type { TranslationsResponse } from '@/translations/api'

import { failureMessage } from '../admin/adminFetch'
import { translationsApi, workflowApi } from '../admin/articleApi'
import { useWords } from '../admin/useWords'

type LiveVersion = { id: number; language: string; title: string }

/** The language versions of this original whose published text is on the site. */
const liveVersionsOf = (id: number | string, answer: TranslationsResponse): LiveVersion[] =>
  String(answer.original.id) === String(id)
    ? answer.languages.flatMap((row) =>
        row.version?.live
          ? [{ id: row.version.id, language: row.language, title: row.version.title }]
          : [],
      )
    : []

/**
 * "Unpublish this article?" (open it with `useModal().openModal(modalSlug)`): on an original with
 * live language versions, lists them and offers to unpublish them too. Confirming fires the
 * workflow's `unpublish` on the article, then, if chosen, on each live version
 * (`POST …/unpublish-versions`, each refusable: a refusal is shown, the others still go). Versions
 * left published say on the site that their original is no longer published.
 */
export const UnpublishConfirm = ({
  modalSlug,
  id,
  note,
}: {
  modalSlug: string
  id: number | string
  /** the Workflow panel's note, if one is written */
  note?: string
}) => {
  const l = useWords()
  const apiRoute = useConfig().config.routes.api
  const [versions, setVersions] = useState<LiveVersion[]>([])
  const [alsoVersions, setAlsoVersions] = useState(false)

  useEffect(() => {
    const controller = new AbortController()
    translationsApi
      .list(apiRoute, id, controller.signal)
      .then((answer) => setVersions(liveVersionsOf(id, answer)))
      .catch(() => setVersions([]))
    return () => controller.abort()
  }, [apiRoute, id])

  const confirm = async () => {
    try {
      const trimmed = note?.trim()
      await workflowApi.transition(apiRoute, id, {
        transition: 'unpublish',
        ...(trimmed ? { note: trimmed } : {}),
      })
      if (alsoVersions && versions.length) {
        const result = await translationsApi.unpublishVersions(apiRoute, id)
        toast.success(l.t('workflow:unpublishedVersions', { count: result.unpublished.length }))
        for (const refused of result.refused) {
          toast.error(
            l.t('workflow:versionNotUnpublished', {
              language: l.languageName(refused.language),
              reason: refused.message,
            }),
          )
        }
      }
      window.location.reload()
    } catch (reason) {
      toast.error(failureMessage(reason, l.t('workflow:failed')))
    }
  }

  return (
    <ConfirmationModal
      modalSlug={modalSlug}
      heading={l.t('workflow:unpublishTitle')}
      confirmLabel={l.t('workflow:unpublishConfirm')}
      cancelLabel={l.t('workflow:unpublishCancel')}
      onConfirm={confirm}
      body={
        <div className="wf-unpublish" data-testid="unpublish-confirm">
          <p>{l.t('workflow:unpublishBody')}</p>
          {versions.length ? (
            <>
              <p>{l.t('workflow:unpublishVersions')}</p>
              <ul className="wf-unpublish__versions" data-testid="unpublish-live-versions">
                {versions.map((version) => (
                  <li key={version.id} data-language={version.language}>
                    <strong>{l.languageName(version.language)}</strong>: {version.title}
                  </li>
                ))}
              </ul>
              <label className="wf-unpublish__also">
                <input
                  type="checkbox"
                  id="unpublish-versions-too"
                  checked={alsoVersions}
                  onChange={(event) => setAlsoVersions(event.target.checked)}
                />{' '}
                {l.t('workflow:unpublishVersionsToo')}
              </label>
              {alsoVersions ? null : (
                <p className="wf-panel__hint">{l.t('workflow:unpublishKeep')}</p>
              )}
            </>
          ) : null}
        </div>
      }
    />
  )
}
