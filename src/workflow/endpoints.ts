import type { Endpoint, PayloadRequest } from 'payload'

import { forStaff, optionalText, readArticle, readBody, reply } from '@/access/endpoints'
import { adminText } from '@/i18n/admin'
import { embargoActive, formatEmbargo } from '@/lib/embargo'
import { refuse } from '@/lib/errors'
import { languageOf, message } from '@/lib/messages'
import { idOf } from '@/lib/relations'

import type {
  NoteRequest,
  NoteResponse,
  PersonRef,
  TransitionRequest,
  TransitionResponse,
  WorkflowStateResponse,
} from './api'
import { workflowFacts } from './facts'
import { performTransition } from './perform'
import {
  actsOn,
  allowedTransitions,
  canEdit,
  checklistItems,
  checklistProblems,
  stageOf,
} from './rules'
import { transitionOf, type TransitionName } from './table'

const personOf = async (req: PayloadRequest, value: unknown): Promise<PersonRef> => {
  const id = value && typeof value === 'object' ? (value as { id: number }).id : value
  if (typeof id !== 'number') return null
  const user = await req.payload.findByID({
    collection: 'users',
    id,
    req,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    select: { name: true },
  })
  return user ? { id: user.id, name: user.name } : null
}

/**
 * GET /api/articles/:id/workflow — what the admin's workflow panel shows: the stage, the
 * transitions this person may fire now (from the table), the pre-publish checklist, the
 * assignee and reviewer, and the timeline. Answers `WorkflowStateResponse`; its words (stage and
 * transition labels, checklist items) are in the requester's language (`req.i18n`).
 */
const workflowState = forStaff(async (req, id) => {
  const article = await readArticle(req, id)
  const user = req.user!
  const facts = await workflowFacts(req, article)
  const { docs: events } = await req.payload.find({
    collection: 'editorial-events',
    where: { article: { equals: article.id } },
    sort: '-createdAt',
    limit: 200,
    depth: 1,
    req,
    user,
    overrideAccess: false,
    populate: { users: { name: true } },
  })
  const language = languageOf(req)
  const problems = checklistProblems(facts)
  const embargoed = embargoActive(facts.embargoUntil)
  return reply<WorkflowStateResponse>({
    id: article.id,
    title: article.title,
    stage: stageOf(article),
    stageLabel: adminText(language, `stages:${stageOf(article)}`),
    status: article._status,
    language: article.language,
    translationOf: idOf(article.translationOf),
    scheduledAt: article.scheduledAt ?? null,
    expiresAt: article.expiresAt ?? null,
    assignee: await personOf(req, article.assignee),
    reviewer: await personOf(req, article.reviewer),
    canEdit: canEdit(user, facts),
    canAddNote: actsOn(user, facts),
    transitions: allowedTransitions(user, facts).map((name) => {
      const transition = transitionOf(name)
      return {
        name,
        label: adminText(language, `transitions:${name}`),
        to: transition.to,
        requiresNote: Boolean(transition.requiresNote),
        requiresFutureDate: Boolean(transition.requiresFutureDate),
        requiresChecklist: Boolean(transition.requiresChecklist),
      }
    }),
    checklist: {
      ok: problems.length === 0,
      missing: checklistItems(language, problems),
      problems,
    },
    timeline: events.map((event) => ({
      id: event.id,
      kind: event.kind,
      transition: event.transition ?? null,
      from: event.from ?? null,
      to: event.to ?? null,
      note: event.note ?? null,
      user:
        event.user && typeof event.user === 'object'
          ? { id: event.user.id, name: event.user.name }
          : null,
      createdAt: event.createdAt,
    })),
    embargo: {
      until: facts.embargoUntil ?? null,
      active: embargoed,
      reason: embargoed
        ? message(req, 'embargo:notBefore', {
            until: formatEmbargo(language, facts.embargoUntil),
          })
        : null,
    },
  })
})

/**
 * POST /api/articles/:id/transition `TransitionRequest` — fires one transition of the workflow
 * table. 200 with the article's new stage (`TransitionResponse`), or 4xx with a message saying
 * why not and what is allowed from here.
 */
const transition = forStaff(async (req, id) => {
  await readArticle(req, id)
  const body = await readBody<TransitionRequest>(req)
  if (typeof body.transition !== 'string' || !body.transition) {
    throw refuse(req, 'workflow:sayWhich', 400)
  }
  const doc = await performTransition(req, {
    id,
    transition: body.transition,
    note: optionalText(body.note, 'note', req),
    date: optionalText(body.date, 'date', req),
  })
  return reply<TransitionResponse>({
    message: message(req, 'workflow:done', {
      transition: adminText(languageOf(req), `transitions:${body.transition as TransitionName}`),
    }),
    doc: doc && {
      id: doc.id,
      stage: doc.stage,
      _status: doc._status,
      scheduledAt: doc.scheduledAt,
    },
  })
})

/** POST /api/articles/:id/notes `NoteRequest` — an editorial note on the timeline, no transition. */
const addNote = forStaff(async (req, id) => {
  const article = await readArticle(req, id)
  const facts = await workflowFacts(req, article)
  if (!actsOn(req.user!, facts)) {
    throw refuse(req, 'workflow:notesOnlyYours', 403)
  }
  const note = optionalText((await readBody<NoteRequest>(req)).note, 'note', req)?.trim()
  if (!note) throw refuse(req, 'workflow:noteEmpty', 400)
  const event = await req.payload.create({
    collection: 'editorial-events',
    req,
    overrideAccess: true,
    data: {
      article: article.id,
      kind: 'note',
      from: stageOf(article),
      to: stageOf(article),
      note,
      language: article.language,
      user: req.user!.id,
      summary: `Note on "${article.title}"`,
    },
  })
  return reply<NoteResponse>(
    { message: message(req, 'workflow:noteAdded'), event: { id: event.id } },
    { status: 201 },
  )
})

export const workflowEndpoints: Endpoint[] = [
  { path: '/:id/workflow', method: 'get', handler: workflowState },
  { path: '/:id/transition', method: 'post', handler: transition },
  { path: '/:id/notes', method: 'post', handler: addNote },
]
