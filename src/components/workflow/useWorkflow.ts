'use client'

import { toast, useConfig, useDocumentInfo, useRouteTransition } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useRef, useState } from 'react'

import type {
  AvailableTransition,
  TransitionRequest,
  TransitionResponse,
  WorkflowStateResponse,
} from '@/workflow/api'

import { failureMessage } from '../admin/adminFetch'
import { workflowApi } from '../admin/articleApi'
import type { Words } from '../admin/words'

/**
 * What `GET …/workflow` answers: loaded on open, again whenever the document is saved (the
 * checklist may have changed), and after every action (`reload`).
 */
const useWorkflowState = (
  apiRoute: string,
  id: number | string | undefined,
  savedAt: string | undefined,
  loadFailed: string,
) => {
  const [state, setState] = useState<WorkflowStateResponse | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [loads, setLoads] = useState(0)
  const reload = useCallback(() => setLoads((count) => count + 1), [])
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
  return { state, loadError, reload }
}

/**
 * After a transition the document changed on the server: reload it so the form never keeps the
 * old stage, status or permissions (a writer loses edit rights once the article is in review).
 */
const useDocumentReload = () => {
  const {
    getDocPermissions,
    incrementVersionCount,
    setHasPublishedDoc,
    setUnpublishedVersionCount,
  } = useDocumentInfo()
  const router = useRouter()
  const { startRouteTransition } = useRouteTransition()
  return async (doc: TransitionResponse['doc']) => {
    if (doc?._status) setHasPublishedDoc(doc._status === 'published')
    setUnpublishedVersionCount(0)
    incrementVersionCount()
    await getDocPermissions()
    startRouteTransition(() => router.refresh())
  }
}

/**
 * What firing `transition` sends: the note if one is written, the date if the transition needs
 * one (in the future); or what is missing first.
 */
const transitionInput = (
  transition: AvailableTransition,
  note: string,
  date: string,
): TransitionRequest | { problem: 'needsNote' | 'needsDate' } => {
  const trimmed = note.trim()
  if (transition.requiresNote && !trimmed) return { problem: 'needsNote' }
  let when: string | undefined
  if (transition.requiresFutureDate) {
    const picked = date ? new Date(date) : null
    if (!picked || Number.isNaN(picked.getTime()) || picked <= new Date()) {
      return { problem: 'needsDate' }
    }
    when = picked.toISOString()
  }
  return {
    transition: transition.name,
    ...(trimmed ? { note: trimmed } : {}),
    ...(when ? { date: when } : {}),
  }
}

/**
 * The Workflow panel's state and calls: the server's answer, the note and date being written,
 * which action is running, the last refusal; and the two actions, firing a transition and
 * adding a note. The server decides; this only asks.
 */
export const useWorkflow = (l: Words) => {
  const apiRoute = useConfig().config.routes.api
  const { id, savedDocumentData } = useDocumentInfo()
  const savedAt = savedDocumentData?.updatedAt as string | undefined
  const { state, loadError, reload } = useWorkflowState(
    apiRoute,
    id,
    savedAt,
    l.t('workflow:loadFailed'),
  )
  const reloadDocument = useDocumentReload()

  const [note, setNote] = useState('')
  const [date, setDate] = useState('')
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const noteRef = useRef<HTMLTextAreaElement>(null)
  const dateRef = useRef<HTMLInputElement>(null)

  const refuse = (message: string, field: { current: HTMLElement | null }) => {
    setError(message)
    field.current?.focus()
  }

  /** Runs one call as `action`: busy meanwhile, a refusal shown as the server worded it. */
  const attempt = async (action: string, call: () => Promise<void>) => {
    setBusy(action)
    try {
      await call()
    } catch (err) {
      setError(failureMessage(err, l.t('workflow:failed')))
    } finally {
      setBusy(null)
    }
  }

  const run = async (transition: AvailableTransition) => {
    if (!id) return
    setError(null)
    const input = transitionInput(transition, note, date)
    if ('problem' in input) {
      return refuse(
        l.t(`workflow:${input.problem}`),
        input.problem === 'needsNote' ? noteRef : dateRef,
      )
    }
    await attempt(transition.name, async () => {
      const { doc } = await workflowApi.transition(apiRoute, id, input)
      setNote('')
      setDate('')
      toast.success(l.t('workflow:done', { stage: l.stage(doc?.stage) }))
      await reloadDocument(doc)
      reload()
    })
  }

  const sendNote = async () => {
    if (!id) return
    setError(null)
    const trimmed = note.trim()
    if (!trimmed) return refuse(l.t('workflow:needsNote'), noteRef)
    await attempt('note', async () => {
      await workflowApi.addNote(apiRoute, id, trimmed)
      setNote('')
      toast.success(l.t('workflow:noteAdded'))
      reload()
    })
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
