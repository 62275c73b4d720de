/**
 * The contract of the workflow endpoints (`endpoints.ts`): what each accepts and answers. Types
 * only, so the admin's client components import it without pulling any server code; the handlers
 * are checked against these types, so a change on the server breaks the client at compile time.
 */
import type { Language } from '@/lib/languages'
import type { EditorialEvent } from '@/payload-types'

import type { ChecklistProblem } from './rules'
import type { Stage, TransitionName } from './table'

/** A person as the panel names them. */
export type PersonRef = { id: number; name: string } | null

/** A transition this person may fire now, with what it requires; `label` in the requester's language. */
export type AvailableTransition = {
  name: TransitionName
  label: string
  to: Stage
  requiresNote: boolean
  requiresFutureDate: boolean
  requiresChecklist: boolean
}

/** One entry of the editorial timeline. */
export type TimelineEvent = {
  id: number
  kind: EditorialEvent['kind']
  transition: TransitionName | null
  from: Stage | null
  to: Stage | null
  note: string | null
  user: PersonRef
  createdAt: string
}

/** `GET /api/articles/:id/workflow`: what the Workflow panel shows. */
export type WorkflowStateResponse = {
  id: number
  title: string
  stage: Stage
  stageLabel: string
  status: 'draft' | 'published' | null | undefined
  language: Language
  translationOf: number | null
  scheduledAt: string | null
  expiresAt: string | null
  assignee: PersonRef
  reviewer: PersonRef
  canEdit: boolean
  /** may add an editorial note (acts on this article) */
  canAddNote: boolean
  transitions: AvailableTransition[]
  /**
   * The pre-publish checklist: `missing` worded in the requester's language (as the panel lists
   * them), `problems` the same items as stable keys (`checklistItems(language, problems)` words them).
   */
  checklist: { ok: boolean; missing: string[]; problems: ChecklistProblem[] }
  timeline: TimelineEvent[]
  /**
   * The embargo that holds the article (its own or its original's): `until` (ISO) or null;
   * while `active`, no transition that publishes is offered, and `reason` (in the requester's
   * language) says why and until when.
   */
  embargo: { until: string | null; active: boolean; reason: string | null }
}

/** `POST /api/articles/:id/transition` */
export type TransitionRequest = {
  transition: TransitionName
  note?: string
  /** ISO date, for the transitions that require a future date */
  date?: string
}

export type TransitionResponse = {
  /** "Publish: done.", in the requester's language */
  message: string
  doc: {
    id: number
    stage: Stage | null | undefined
    _status: 'draft' | 'published' | null | undefined
    scheduledAt: string | null | undefined
  } | null
}

/** `POST /api/articles/:id/notes` */
export type NoteRequest = { note: string }

export type NoteResponse = { message: string; event: { id: number } }
