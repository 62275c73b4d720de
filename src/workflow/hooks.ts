/**
 * The hooks that hold every write to an article to the workflow table, whatever the way in
 * (admin, REST, GraphQL, Local API): the stage moves only through a transition the table allows
 * this person, `_status` follows the stage, and every stage change lands on the timeline.
 */
import {
  type CollectionAfterChangeHook,
  type CollectionBeforeChangeHook,
  type CollectionBeforeOperationHook,
  type PayloadRequest,
} from 'payload'

import { isEditorUser } from '@/access/roles'
import { embargoTime } from '@/lib/embargo'
import { refuse } from '@/lib/errors'
import { languageOf } from '@/lib/messages'
import type { Article } from '@/payload-types'

import { holdToEmbargo } from './embargo'
import { workflowFacts } from './facts'
import { queueNotifications, queueScheduledTransition } from './queue'
import { checkTransition, stageOf, transitionBetween } from './rules'
import { TRANSITIONS, transitionOf, type Stage, type TransitionName } from './table'

/** Set by `performTransition` for the one update it makes after checking the table itself. */
export type SanctionedTransition = {
  id: number | string
  name: TransitionName
  note: string | null
  /** who fired it; null for the scheduler */
  userId: number | null
}

export const sanctionTransition = (req: PayloadRequest, transition: SanctionedTransition) => {
  req.context.workflowTransition = transition
}
export const clearSanctionedTransition = (req: PayloadRequest) => {
  delete req.context.workflowTransition
}

const sanctionedFor = (req: PayloadRequest, id: unknown): SanctionedTransition | undefined => {
  const sanctioned = req.context.workflowTransition
  return sanctioned && String(sanctioned.id) === String(id) ? sanctioned : undefined
}

/**
 * Remembers whether this write saves only a draft version (the published text stays live) or
 * writes the document itself; a beforeChange hook cannot see that, and it decides whether
 * `_status: 'draft'` means "save a draft" or "unpublish". Restoring a version is an editor's
 * action.
 */
export const rememberSaveMode: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'create' || operation === 'update' || operation === 'restoreVersion') {
    req.context.workflowDraftSave =
      Boolean(args.draft) &&
      ('data' in args ? (args.data as Partial<Article> | undefined) : undefined)?._status !==
        'published'
  }
  if (operation === 'restoreVersion' && req.user && !isEditorUser(req.user)) {
    throw refuse(req, 'workflow:restoreEditorsOnly', 403)
  }
  return args
}

/** The fields a restored version must not bring back: they belong to the workflow, not the text. */
const WORKFLOW_FIELDS = [
  'stage',
  'scheduledAt',
  'plannedAt',
  'expiresAt',
  'assignee',
  'reviewer',
  'createdBy',
  'publishedAt',
  'language',
  'translationOf',
  'slug',
  'corrections',
] as const

/**
 * beforeChange: decides the stage and `_status` of the document being written.
 * - A transition fired through `performTransition` was checked there and passes as it is.
 * - Otherwise the stage only changes when the write publishes or unpublishes (Payload's own
 *   Publish and Unpublish, or a client sending `_status`): that is the `publish` or `unpublish`
 *   transition, checked against the table for this person (checklist included), or refused
 *   with a 4xx naming what is allowed from here.
 * - The system (seed, importer; no user) may place an article in any stage.
 * - A restored version keeps the article's current workflow state and never publishes.
 */
const decideWorkflow: CollectionBeforeChangeHook<Article> = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const current: Stage = (operation === 'create' ? null : originalDoc?.stage) ?? 'draft'
  const draftSave = Boolean(req.context.workflowDraftSave)

  if (req.context.isRestoringVersion && originalDoc) {
    if (current === 'published' && !draftSave) {
      throw refuse(req, 'workflow:restorePublished', 400)
    }
    const kept = Object.fromEntries(WORKFLOW_FIELDS.map((field) => [field, originalDoc[field]]))
    return { ...data, ...kept, _status: 'draft' }
  }

  if (operation === 'update' && sanctionedFor(req, originalDoc?.id)) return data

  // The system may set the stage itself; `_status` follows it.
  if (!req.user && data.stage && data.stage !== current) {
    return draftSave
      ? data
      : { ...data, _status: data.stage === 'published' ? 'published' : 'draft' }
  }

  if (draftSave) return { ...data, stage: current }

  // A write of the document itself: published or not afterwards?
  const requested = data._status ?? (current === 'published' ? 'published' : 'draft')
  const willBePublished = requested === 'published'
  let stage = current
  if (willBePublished !== (current === 'published')) {
    const name: TransitionName = willBePublished ? 'publish' : 'unpublish'
    if (req.user) {
      const facts = await workflowFacts(req, { ...originalDoc, ...data, stage: current })
      const check = checkTransition(req.user, facts, name, {}, languageOf(req))
      if (!check.ok) throw refuse(req, check.key, check.status, check.values)
    }
    stage = TRANSITIONS[name].to
  }
  return { ...data, stage, _status: stage === 'published' ? 'published' : 'draft' }
}

/**
 * beforeChange: the workflow's decision (`decideWorkflow`), then the embargo (src/workflow/embargo.ts):
 * whatever the way in, a result that publishes the article, or schedules it (anew, or for
 * another time) before its embargo, is refused while the embargo holds. An edit of an article
 * already live, and a restore, are not new publications; an embargo moved past an existing
 * schedule is the embargo field's to refuse (src/workflow/embargo.ts).
 */
export const applyWorkflow: CollectionBeforeChangeHook<Article> = async (args) => {
  const result = await decideWorkflow(args)
  const { originalDoc, operation, req } = args
  const before = operation === 'update' ? originalDoc : undefined
  const publishing = result.stage === 'published' || result._status === 'published'
  const scheduling =
    result.stage === 'scheduled' &&
    !(
      before?.stage === 'scheduled' &&
      embargoTime(result.scheduledAt ?? before.scheduledAt) === embargoTime(before.scheduledAt)
    )
  const alreadyLive = publishing && before?.stage === 'published'
  if (!req.context.isRestoringVersion && ((publishing && !alreadyLive) || scheduling)) {
    await holdToEmbargo(req, { ...originalDoc, ...result })
  }
  return result
}

/**
 * afterChange: every stage change goes on the timeline (who, when, from, to, note, language),
 * notifications are queued for it, and a schedule or an expiry date queues the job that will
 * act on it. All of it in the write's own transaction: a change that rolls back leaves no event
 * and no job behind.
 */
export const recordWorkflow: CollectionAfterChangeHook<Article> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  const from: Stage | undefined =
    operation === 'create' ? undefined : (previousDoc?.stage ?? 'draft')
  const sanctioned = sanctionedFor(req, doc.id)

  if (req.context.isRestoringVersion) {
    await req.payload.create({
      collection: 'editorial-events',
      req,
      overrideAccess: true,
      data: {
        article: doc.id,
        kind: 'restore',
        from: doc.stage,
        to: doc.stage,
        language: doc.language,
        user: req.user?.id ?? null,
        note: 'Restored an earlier version as the working draft.',
        summary: `Restored an earlier version of "${doc.title}"`,
      },
    })
    return doc
  }

  const stageChanged = operation === 'create' ? doc.stage !== 'draft' : from !== doc.stage
  const start: Stage = from ?? 'draft'
  const to = stageOf(doc)
  // Named by the transition that was fired, or by the publish/unpublish that a write of
  // `_status` amounts to. A stage the system set directly (an import placing an article in
  // review) is not an event.
  const inferred = stageChanged ? transitionBetween(start, to) : undefined
  const name =
    sanctioned?.name ?? (inferred === 'publish' || inferred === 'unpublish' ? inferred : undefined)
  if (name) {
    const event = await req.payload.create({
      collection: 'editorial-events',
      req,
      overrideAccess: true,
      data: {
        article: doc.id,
        kind: 'transition',
        transition: name,
        from: start,
        to,
        note: sanctioned?.note ?? null,
        language: doc.language,
        user: sanctioned ? sanctioned.userId : ((req.user?.id as number | undefined) ?? null),
        summary: `${TRANSITIONS[name].label}: "${doc.title}"`,
      },
    })
    if (transitionOf(name).notify && !req.context.seeding) {
      await queueNotifications(req, event.id)
    }
  }

  const rescheduled =
    doc.stage === 'scheduled' &&
    doc.scheduledAt &&
    (from !== 'scheduled' || previousDoc?.scheduledAt !== doc.scheduledAt)
  if (rescheduled && doc.scheduledAt) {
    await queueScheduledTransition(req, doc.id, 'publish_scheduled', doc.scheduledAt)
  }
  const expiryChanged =
    doc.stage === 'published' &&
    doc.expiresAt &&
    (from !== 'published' || previousDoc?.expiresAt !== doc.expiresAt)
  if (expiryChanged && doc.expiresAt) {
    await queueScheduledTransition(req, doc.id, 'expire', doc.expiresAt)
  }
  return doc
}
