/**
 * The editorial workflow as data: the stages an article moves through, the transitions between
 * them, and who may fire each. The server check, the admin UI and the tests all read this table;
 * no other file restates these rules.
 *
 *   draft ─submit→ in_review ─approve→ approved ─publish→ published ─unpublish→ draft
 *   in_review, approved ─request_changes→ changes_requested ─submit→ in_review
 *   draft, in_review, approved ─publish→ published   (editors may skip a stage)
 *   draft, in_review, approved ─schedule→ scheduled ─(its time)→ published
 *   scheduled ─unschedule→ approved
 *   scheduled ─reschedule→ scheduled   (another time; the job for the old time does nothing)
 *   published, draft, changes_requested ─archive→ archived ─reopen→ draft
 *   the scheduler (no person): scheduled ─publish_scheduled→ published ─expire→ draft
 *
 * An update of a published text by its writers (an author, a translator): published
 * ─start_update→ draft, as a pending draft over the published text, which stays live while the
 * draft goes through review (submit, approve, request_changes, schedule: `overLive`) until it is
 * published. Editors change a published text directly.
 */
import type { Role } from '@/access/roles'
import { ADMIN_DICTIONARIES } from '@/i18n/admin'

export const STAGES = [
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'scheduled',
  'published',
  'archived',
] as const
export type Stage = (typeof STAGES)[number]

/** The stages' English names: the admin's dictionary (src/i18n/admin/) is their one source. */
export const STAGE_LABELS: Record<Stage, string> = ADMIN_DICTIONARIES.en.stages

/** A transition's English name, from the same dictionary. */
const named = ADMIN_DICTIONARIES.en.transitions

export type Transition = {
  label: string
  from: readonly Stage[]
  to: Stage
  /** roles that may fire it (within the articles their role lets them act on) */
  roles: readonly Role[]
  /** a note is required (it goes to the timeline and the notification) */
  requiresNote?: boolean
  /** a date in the future is required (when to publish) */
  requiresFutureDate?: boolean
  /** the pre-publish checklist must pass */
  requiresChecklist?: boolean
  /** who is emailed when it fires: the editors, or the article's writers and assignee */
  notify?: 'editors' | 'writers'
  /** fired by the scheduler (the jobs queue) at its time, never by a person */
  bySystem?: boolean
  /**
   * On an article whose published text is live, it moves only the pending draft over it (a
   * draft save): readers keep the published text until the draft is published.
   */
  overLive?: boolean
}

const WRITERS = ['author', 'translator', 'editor', 'admin'] as const
const EDITORS = ['editor', 'admin'] as const
/** The writers who may not change a published text directly. */
const NOT_EDITORS = ['author', 'translator'] as const

export const TRANSITIONS = {
  submit: {
    label: named.submit,
    from: ['draft', 'changes_requested'],
    to: 'in_review',
    roles: WRITERS,
    notify: 'editors',
    overLive: true,
  },
  approve: {
    label: named.approve,
    from: ['in_review'],
    to: 'approved',
    roles: EDITORS,
    notify: 'writers',
    overLive: true,
  },
  request_changes: {
    label: named.request_changes,
    from: ['in_review', 'approved'],
    to: 'changes_requested',
    roles: EDITORS,
    requiresNote: true,
    notify: 'writers',
    overLive: true,
  },
  // Editors may publish straight from a draft or from review: breaking news does not wait for a
  // second pair of eyes, and the editor firing it is that pair.
  publish: {
    label: named.publish,
    from: ['draft', 'in_review', 'approved'],
    to: 'published',
    roles: EDITORS,
    requiresChecklist: true,
    notify: 'writers',
  },
  schedule: {
    label: named.schedule,
    from: ['draft', 'in_review', 'approved'],
    to: 'scheduled',
    roles: EDITORS,
    requiresFutureDate: true,
    requiresChecklist: true,
    overLive: true,
  },
  // Another time for a scheduled publication (the planning calendar moves it): every check of
  // `schedule` again; the job queued for the old time finds it no longer due and does nothing.
  reschedule: {
    label: named.reschedule,
    from: ['scheduled'],
    to: 'scheduled',
    roles: EDITORS,
    requiresFutureDate: true,
    requiresChecklist: true,
    overLive: true,
  },
  unschedule: {
    label: named.unschedule,
    from: ['scheduled'],
    to: 'approved',
    roles: EDITORS,
    overLive: true,
  },
  unpublish: { label: named.unpublish, from: ['published'], to: 'draft', roles: EDITORS },
  archive: {
    label: named.archive,
    from: ['published', 'draft', 'changes_requested'],
    to: 'archived',
    roles: EDITORS,
  },
  reopen: { label: named.reopen, from: ['archived'], to: 'draft', roles: EDITORS },
  // The writers' way back into a published text: a draft over it, reviewed as any other.
  start_update: {
    label: named.start_update,
    from: ['published'],
    to: 'draft',
    roles: NOT_EDITORS,
    overLive: true,
  },
  publish_scheduled: {
    label: named.publish_scheduled,
    from: ['scheduled'],
    to: 'published',
    roles: [],
    bySystem: true,
    notify: 'writers',
  },
  expire: { label: named.expire, from: ['published'], to: 'draft', roles: [], bySystem: true },
} as const satisfies Record<string, Transition>

export type TransitionName = keyof typeof TRANSITIONS
export const TRANSITION_NAMES = Object.keys(TRANSITIONS) as TransitionName[]

/** One transition, with every optional property of the shape visible. */
export const transitionOf = (name: TransitionName): Transition => TRANSITIONS[name]

/** Stages in which an author or translator may still edit their text. */
export const WRITER_EDITABLE_STAGES: readonly Stage[] = ['draft', 'changes_requested']

/** Stages readers can see. Payload's `_status` is `published` exactly in these. */
export const PUBLIC_STAGES: readonly Stage[] = ['published']
