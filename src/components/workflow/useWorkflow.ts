'use client'

import { toast, useConfig, useDocumentInfo, useRouteTransition } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useRef, useState } from 'react'

import type { AvailableTransition, WorkflowStateResponse } from '@/workflow/api'

import { failureMessage } from '../admin/adminFetch'
import { workflowApi } from '../admin/articleApi'
import type { WorkflowLabels } from './labels'

/**
 * The Workflow panel's state and calls: what `GET …/workflow` answers (loaded on open, again
 * whenever the document is saved, since the checklist may have changed, and after every action),
 * the note and date being written, which action is running, the last refusal; and the two
 * actions, firing a transition and adding a note. The server decides; this only asks.
 */
export const useWorkflow = (l: WorkflowLabels) => {
  const {
    config: {
      routes: { api: apiRoute },
    },
  } = useConfig()
  const {
    id,
    savedDocumentData,
    getDocPermissions,
    incrementVersionCount,
    setHasPublishedDoc,
    setUnpublishedVersionCount,
  } = useDocumentInfo()
  const router = useRouter()
  const { startRouteTransition } = useRouteTransition()

  const [state, setState] = useState<WorkflowStateResponse | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [note, setNote] = useState('')
  const [date, setDate] = useState('')
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const noteRef = useRef<HTMLTextAreaElement>(null)
  const dateRef = useRef<HTMLInputElement>(null)

  const [loads, setLoads] = useState(0)
  const reload = useCallback(() => setLoads((count) => count + 1), [])
  const savedAt = savedDocumentData?.updatedAt as string | undefined
  const loadFailed = l.t('loadFailed')
  useEffect(() => {
    if (!id) return
    const controller = new AbortController()
    workflowApi.state(apiRoute, id, controller.signal).then(
      (next) => {
        setState(next)
        setLoadError(null)
      },
      (err: unknown) => {
        if (!controller.signal.aborted) setLoadError(failureMessage(err, loadFailed))
      },
    )
    return () => controller.abort()
  }, [apiRoute, id, savedAt, loads, loadFailed])

  const refuse = (message: string, field: { current: HTMLElement | null }) => {
    setError(message)
    field.current?.focus()
  }

  const run = async (transition: AvailableTransition) => {
    if (!id) return
    setError(null)
    const trimmed = note.trim()
    if (transition.requiresNote && !trimmed) return refuse(l.t('needsNote'), noteRef)
    let when: string | undefined
    if (transition.requiresFutureDate) {
      const picked = date ? new Date(date) : null
      if (!picked || Number.isNaN(picked.getTime()) || picked <= new Date()) {
        return refuse(l.t('needsDate'), dateRef)
      }
      when = picked.toISOString()
    }
    setBusy(transition.name)
    try {
      const { doc } = await workflowApi.transition(apiRoute, id, {
        transition: transition.name,
        ...(trimmed ? { note: trimmed } : {}),
        ...(when ? { date: when } : {}),
      })
      setNote('')
      setDate('')
      toast.success(l.t('done', { stage: l.stage(doc?.stage) }))
      // The document changed on the server: reload it so the form never keeps the old stage,
      // status or permissions (a writer loses edit rights once the article is in review).
      if (doc?._status) setHasPublishedDoc(doc._status === 'published')
      setUnpublishedVersionCount(0)
      incrementVersionCount()
      await getDocPermissions()
      startRouteTransition(() => router.refresh())
      reload()
    } catch (err) {
      setError(failureMessage(err, l.t('failed')))
    } finally {
      setBusy(null)
    }
  }

  const sendNote = async () => {
    if (!id) return
    setError(null)
    const trimmed = note.trim()
    if (!trimmed) return refuse(l.t('needsNote'), noteRef)
    setBusy('note')
    try {
      await workflowApi.addNote(apiRoute, id, trimmed)
      setNote('')
      toast.success(l.t('noteAdded'))
      reload()
    } catch (err) {
      setError(failureMessage(err, l.t('failed')))
    } finally {
      setBusy(null)
    }
  }

  return {
    id,
    state,
    loadError,
    reload,
    note,
    setNote,
    noteRef,
    date,
    setDate,
    dateRef,
    busy,
    error,
    run,
    sendNote,
  }
}

export type WorkflowPanelState = ReturnType<typeof useWorkflow>
