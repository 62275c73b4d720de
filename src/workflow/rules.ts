/**
 * Pure functions over the workflow table: who may act on an article, which transitions they may
 * fire from its stage, and why not when they may not. No I/O; the hook, the endpoint, the admin
 * components and the tests call these.
 */
import type { Where } from 'payload'

import { hasRole, isEditorUser, type Role } from '@/access/roles'
import type { Language } from '@/lib/languages'
import { keyOf } from '@/lib/relations'

import {
  STAGE_LABELS,
  TRANSITIONS,
  TRANSITION_NAMES,
  WRITER_EDITABLE_STAGES,
  type Stage,
  type Transition,
  type TransitionName,
} from './table'

export type Actor = {
  id: number | string
  roles?: (Role | string)[] | null
  languages?: (Language | string)[] | null
}

/** What the rules need to know about an article. */
export type ArticleFacts = {
  stage: Stage
  language: string
  /** the original, when this is a language version */
  translationOf?: unknown
  createdBy?: number | string | { id: number | string } | null
}

/** What the pre-publish checklist looks at. */
export type ChecklistFacts = {
  dek?: string | null
  category?: unknown
  authors?: unknown[] | null
  /** the hero image, populated (its alt text is checked), or null */
  heroImage?: { alt?: string | null } | null
}

/** An article's stage; one written before the workflow existed counts as a draft. */
export const stageOf = (article: { stage?: Stage | null }): Stage => article.stage ?? 'draft'

/**
 * Whether the person's role reaches this article at all. Editors and admins: every article.
 * Translators: language versions in the languages of their profile. Authors: what they created.
 */
export const actsOn = (user: Actor, article: ArticleFacts): boolean => {
  if (isEditorUser(user)) return true
  if (
    hasRole(user, 'translator') &&
    article.translationOf &&
    (user.languages ?? []).includes(article.language)
  ) {
    return true
  }
  return hasRole(user, 'author') && keyOf(article.createdBy) === String(user.id)
}

/**
 * The same scope as `actsOn`, as a query for Payload's access control (so lists are filtered):
 * `true` for every article, `false` for none.
 */
export const actsOnWhere = (user: Actor): Where | boolean => {
  if (isEditorUser(user)) return true
  const scopes: Where[] = []
  if (hasRole(user, 'author')) scopes.push({ createdBy: { equals: user.id } })
  if (hasRole(user, 'translator') && user.languages?.length) {
    scopes.push({
      and: [{ translationOf: { exists: true } }, { language: { in: user.languages } }],
    })
  }
  if (scopes.length === 0) return false
  return scopes.length === 1 ? scopes[0] : { or: scopes }
}

/** Whether the person may change the article's text in its current stage. */
export const canEdit = (user: Actor, article: ArticleFacts): boolean =>
  actsOn(user, article) && (isEditorUser(user) || WRITER_EDITABLE_STAGES.includes(article.stage))

/**
 * `canEdit` as a query for Payload's update access: the scope rule, narrowed for authors and
 * translators to the stages in which their text is still theirs to change. The admin shows
 * everything else to them read-only.
 */
export const canEditWhere = (user: Actor): Where | boolean => {
  const scope = actsOnWhere(user)
  if (isEditorUser(user) || typeof scope === 'boolean') return scope
  return { and: [scope, { stage: { in: [...WRITER_EDITABLE_STAGES] } }] }
}

/** The transitions this person may fire on this article now, in table order. */
export const allowedTransitions = (user: Actor, article: ArticleFacts): TransitionName[] =>
  actsOn(user, article)
    ? TRANSITION_NAMES.filter((name) => {
        const transition = TRANSITIONS[name]
        return (
          (transition.from as readonly Stage[]).includes(article.stage) &&
          hasRole(user, ...transition.roles)
        )
      })
    : []

/**
 * Whether the scheduler may fire a `bySystem` transition on an article in this stage. It runs
 * for nobody, so only the stage matters; a stale job (the article moved on) finds `false`.
 */
export const systemMayFire = (name: TransitionName, stage: Stage): boolean => {
  const transition: Transition = TRANSITIONS[name]
  return Boolean(transition.bySystem) && transition.from.includes(stage)
}

/** The transition a direct stage change amounts to (publish, unpublish), if the table has one. */
export const transitionBetween = (from: Stage, to: Stage): TransitionName | undefined =>
  TRANSITION_NAMES.find((name) => {
    const transition: Transition = TRANSITIONS[name]
    return !transition.bySystem && transition.to === to && transition.from.includes(from)
  })

/** What an article lacks before it may be published, in an editor's words; empty when ready. */
export const checklistProblems = (article: ChecklistFacts): string[] => {
  const problems: string[] = []
  if (!article.heroImage) problems.push('a hero image')
  else if (!article.heroImage.alt?.trim()) problems.push('alt text on the hero image')
  if (!article.category) problems.push('a section')
  if (!article.dek?.trim()) problems.push('a dek')
  if (!article.authors?.length) problems.push('at least one author')
  return problems
}

export type TransitionInput = { note?: string | null; date?: string | Date | null; now?: Date }

export type TransitionCheck =
  { ok: true; to: Stage } | { ok: false; status: 400 | 403 | 409; message: string }

const listOf = (names: TransitionName[]) => (names.length ? names.join(', ') : 'none for you')

/**
 * Whether `user` may fire `name` on `article` with this input, and if not, a 4xx status and a
 * message that says what is allowed from here.
 */
export const checkTransition = (
  user: Actor,
  article: ArticleFacts & ChecklistFacts,
  name: string,
  input: TransitionInput = {},
): TransitionCheck => {
  const allowed = allowedTransitions(user, article)
  const stage = STAGE_LABELS[article.stage]
  if (!(name in TRANSITIONS)) {
    return {
      ok: false,
      status: 400,
      message: `Unknown transition "${name}". Allowed from ${stage}: ${listOf(allowed)}.`,
    }
  }
  const transition = TRANSITIONS[name as TransitionName]
  if (!allowed.includes(name as TransitionName)) {
    const possibleHere = (transition.from as readonly Stage[]).includes(article.stage)
    return {
      ok: false,
      // The stage is wrong for anyone: a conflict. The stage is right but not for this person: forbidden.
      status: possibleHere ? 403 : 409,
      message: `You cannot ${transition.label.toLowerCase()} an article that is ${stage.toLowerCase()}. Allowed from here: ${listOf(allowed)}.`,
    }
  }
  if ('requiresNote' in transition && transition.requiresNote && !input.note?.trim()) {
    return { ok: false, status: 400, message: `${transition.label} needs a note saying why.` }
  }
  if ('requiresFutureDate' in transition && transition.requiresFutureDate) {
    const when = input.date ? new Date(input.date) : null
    if (!when || Number.isNaN(when.getTime()) || when <= (input.now ?? new Date())) {
      return { ok: false, status: 400, message: `${transition.label} needs a date in the future.` }
    }
  }
  if ('requiresChecklist' in transition && transition.requiresChecklist) {
    const problems = checklistProblems(article)
    if (problems.length) {
      return {
        ok: false,
        status: 400,
        message: `Cannot ${transition.label.toLowerCase()} yet: add ${problems.join(', ')}.`,
      }
    }
  }
  return { ok: true, to: transition.to }
}
