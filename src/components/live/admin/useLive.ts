'use client'

import { useConfig } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'

import { LIVE_LIMITS, type LiveKind } from '@/lib/live'
import type { LiveCoverage, LiveUpdate, Media } from '@/payload-types'

import { adminFetch } from '../../admin/adminFetch'

/** What the composer edits: one update's fields. */
export type Draft = {
  kind: LiveKind
  headline: string
  text: string
  attribution: string
  url: string
  linkTitle: string
  image: number | null
  pinned: boolean
}

export const emptyDraft: Draft = {
  kind: 'text',
  headline: '',
  text: '',
  attribution: '',
  url: '',
  linkTitle: '',
  image: null,
  pinned: false,
}

export const draftOf = (update: LiveUpdate): Draft => ({
  kind: update.kind as LiveKind,
  headline: update.headline ?? '',
  text: update.text ?? '',
  attribution: update.attribution ?? '',
  url: update.url ?? '',
  linkTitle: update.linkTitle ?? '',
  image:
    typeof update.image === 'object' && update.image ? update.image.id : (update.image ?? null),
  pinned: Boolean(update.pinned),
})

/** Only what the kind uses is sent; the rest is cleared. */
const bodyOf = (draft: Draft) => ({
  kind: draft.kind,
  headline: draft.headline.trim() || null,
  text: draft.text.trim() || null,
  attribution: draft.kind === 'quote' ? draft.attribution.trim() || null : null,
  url: draft.kind === 'link' ? draft.url.trim() || null : null,
  linkTitle: draft.kind === 'link' ? draft.linkTitle.trim() || null : null,
  image: draft.kind === 'image' ? draft.image : null,
  pinned: draft.pinned,
})

type Docs<T> = { docs: T[] }
type One<T> = { doc: T }
type Loaded = { coverage: LiveCoverage | null; updates: LiveUpdate[] }

/** The article's coverage and its newest updates, as the signed-in editor reads them. */
const fetchLive = async (api: string, articleId: number | string): Promise<Loaded> => {
  const where = `where[article][equals]=${encodeURIComponent(String(articleId))}`
  const [coverages, list] = await Promise.all([
    adminFetch<Docs<LiveCoverage>>(`${api}/live-coverages?${where}&depth=0&limit=1`),
    adminFetch<Docs<LiveUpdate>>(
      `${api}/live-updates?${where}&depth=1&sort=-postedAt&limit=${LIVE_LIMITS.page}`,
    ),
  ])
  return { coverage: coverages.docs[0] ?? null, updates: list.docs }
}

/**
 * The Live panel's state: the article's coverage and its updates, newest first, read and
 * written through Payload's own REST API on `live-coverages` and `live-updates` (whose access
 * and hooks decide: editors only, posting only while live, the bounds). Nothing here touches
 * the article document.
 */
export const useLive = (articleId: number | string | undefined) => {
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const [coverage, setCoverage] = useState<LiveCoverage | null>(null)
  const [updates, setUpdates] = useState<LiveUpdate[]>([])
  const [media, setMedia] = useState<Media[] | null>(null)
  const [loaded, setLoaded] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  const apply = useCallback((state: Loaded) => {
    setCoverage(state.coverage)
    setUpdates(state.updates)
    setLoaded(true)
  }, [])

  const reload = useCallback(async () => {
    if (articleId) apply(await fetchLive(api, articleId))
  }, [api, articleId, apply])

  useEffect(() => {
    if (!articleId) return
    let cancelled = false
    fetchLive(api, articleId)
      .then((state) => {
        if (!cancelled) apply(state)
      })
      .catch((failure: unknown) => {
        if (!cancelled) setError(failure)
      })
    return () => {
      cancelled = true
    }
  }, [api, articleId, apply])

  /** Runs one write, then reads everything again; a refusal is kept for the panel to show. */
  const act = useCallback(
    async (write: () => Promise<unknown>): Promise<boolean> => {
      setBusy(true)
      setError(null)
      try {
        await write()
        await reload()
        return true
      } catch (failure) {
        setError(failure)
        return false
      } finally {
        setBusy(false)
      }
    },
    [reload],
  )

  const loadMedia = useCallback(async () => {
    if (media) return
    const { docs } = await adminFetch<Docs<Media>>(
      `${api}/media?depth=0&limit=50&sort=-createdAt&select[filename]=true&select[alt]=true&select[sizes]=true&select[url]=true`,
    )
    setMedia(docs)
  }, [api, media])

  return {
    coverage,
    updates,
    media,
    loaded,
    busy,
    error,
    loadMedia,
    start: () =>
      act(() =>
        adminFetch<One<LiveCoverage>>(`${api}/live-coverages`, {
          method: 'POST',
          body: { article: Number(articleId) },
        }),
      ),
    setStatus: (status: 'live' | 'ended') =>
      act(() =>
        adminFetch<One<LiveCoverage>>(`${api}/live-coverages/${coverage?.id}`, {
          method: 'PATCH',
          body: { status },
        }),
      ),
    post: (draft: Draft) =>
      act(() =>
        adminFetch<One<LiveUpdate>>(`${api}/live-updates`, {
          method: 'POST',
          body: { article: Number(articleId), ...bodyOf(draft) },
        }),
      ),
    save: (id: number, draft: Draft) =>
      act(() =>
        adminFetch<One<LiveUpdate>>(`${api}/live-updates/${id}`, {
          method: 'PATCH',
          body: bodyOf(draft),
        }),
      ),
    remove: (id: number) =>
      act(() => adminFetch<One<LiveUpdate>>(`${api}/live-updates/${id}`, { method: 'DELETE' })),
  }
}
