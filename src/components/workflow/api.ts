/**
 * The browser's side of the workflow endpoints (src/workflow/): what they answer, and one
 * function per call. Same-origin requests with the admin's session cookie.
 */
import type { Stage, TransitionName } from '@/workflow/table'

export type PersonRef = { id: number | string; name: string } | null

export type AvailableTransition = {
  name: TransitionName
  label: string
  to: Stage
  requiresNote?: boolean
  requiresFutureDate?: boolean
  requiresChecklist?: boolean
}

export type TimelineEvent = {
  id: number | string
  kind: 'transition' | 'note' | 'restore'
  transition?: TransitionName | null
  from?: Stage | null
  to?: Stage | null
  note?: string | null
  user: PersonRef
  createdAt: string
}

export type WorkflowState = {
  id: number | string
  title?: string | null
  stage: Stage
  stageLabel: string
  status?: 'draft' | 'published' | null
  language: string
  translationOf?: unknown
  scheduledAt?: string | null
  expiresAt?: string | null
  assignee: PersonRef
  reviewer: PersonRef
  canEdit: boolean
  /** may add an editorial note (acts on this article) */
  canAddNote?: boolean
  transitions: AvailableTransition[]
  checklist: { ok: boolean; missing: string[] }
  timeline: TimelineEvent[]
}

export type TransitionResult = {
  message?: string
  doc: { id: number | string; stage: Stage; _status?: 'draft' | 'published'; scheduledAt?: string }
}

/** A failed call: the server's own message (it says why, and what is allowed from here). */
export class WorkflowRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message)
  }
}

const call = async <T>(url: string, init?: RequestInit): Promise<T> => {
  const response = await fetch(url, {
    credentials: 'include',
    ...init,
    headers: {
      Accept: 'application/json',
      ...(init?.body ? { 'Content-Type': 'application/json' } : {}),
    },
  })
  const body = (await response.json().catch(() => null)) as
    (T & { errors?: { message?: string }[]; message?: string }) | null
  if (!response.ok) {
    const message = body?.errors?.[0]?.message || body?.message || `HTTP ${response.status}`
    throw new WorkflowRequestError(message, response.status)
  }
  return body as T
}

const articleURL = (apiRoute: string, id: number | string, action: string) =>
  `${apiRoute}/articles/${encodeURIComponent(String(id))}/${action}`

export const getWorkflow = (apiRoute: string, id: number | string, signal?: AbortSignal) =>
  call<WorkflowState>(articleURL(apiRoute, id, 'workflow'), { signal, cache: 'no-store' })

export const fireTransition = (
  apiRoute: string,
  id: number | string,
  input: { transition: string; note?: string; date?: string },
) =>
  call<TransitionResult>(articleURL(apiRoute, id, 'transition'), {
    method: 'POST',
    body: JSON.stringify(input),
  })

export const addNote = (apiRoute: string, id: number | string, note: string) =>
  call<unknown>(articleURL(apiRoute, id, 'notes'), {
    method: 'POST',
    body: JSON.stringify({ note }),
  })
