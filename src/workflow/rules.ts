/**
 * Pure functions over the workflow table: who may act on an article, which transitions they may
 * fire from its stage, and why not when they may not. No I/O; the hook, the endpoint, the admin
 * components and the tests call these.
 */
import type { Where } from 'payload'

import { hasRole, isEditorUser, type Role } from '@/access/roles'
import { adminText } from '@/i18n/admin'
import { EMBARGO_STATUS, embargoActive, embargoBlocks, formatEmbargo } from '@/lib/embargo'
import { DEFAULT_LANGUAGE, type Language } from '@/lib/languages'
import {
  joinList,
  message,
  type Audience,
  type MessageKey,
  type MessageValues,
} from '@/lib/messages'
import { keyOf } from '@/lib/relations'

import {
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
  /** the embargo that holds it (its own or its original's, src/workflow/embargo.ts), if any */
  embargoUntil?: string | null
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

/**
 * The transitions this person may fire on this article now, in table order. While an embargo
 * holds, none that publishes (src/lib/embargo.ts): nobody publishes before it.
 */
export const allowedTransitions = (
  user: Actor,
  article: ArticleFacts,
  now: Date = new Date(),
): TransitionName[] =>
  actsOn(user, article)
    ? TRANSITION_NAMES.filter((name) => {
        const transition: Transition = TRANSITIONS[name]
        return (
          transition.from.includes(article.stage) &&
          hasRole(user, ...transition.roles) &&
          !(transition.to === 'published' && embargoActive(article.embargoUntil, now))
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

/** What the pre-publish checklist can find missing: the keys of `checklist:` in src/lib/messages. */
export const CHECKLIST_PROBLEMS = ['heroImage', 'heroAlt', 'section', 'dek', 'author'] as const
export type ChecklistProblem = (typeof CHECKLIST_PROBLEMS)[number]

/** What an article lacks before it may be published, in checklist order; empty when ready. */
export const checklistProblems = (article: ChecklistFacts): ChecklistProblem[] => {
  const problems: ChecklistProblem[] = []
  if (!article.heroImage) problems.push('heroImage')
  else if (!article.heroImage.alt?.trim()) problems.push('heroAlt')
  if (!article.category) problems.push('section')
  if (!article.dek?.trim()) problems.push('dek')
  if (!article.authors?.length) problems.push('author')
  return problems
}

/**
 * The checklist's items in a language, as the Workflow panel lists them ("a hero image",
 * "əsas şəkil", "главное фото"). `audience` is a request (its `i18n`) or a language code.
 */
export const checklistItems = (
  audience: Audience,
  problems: readonly ChecklistProblem[],
): string[] => problems.map((problem) => message(audience, `checklist:${problem}`))

export type TransitionInput = { note?: string | null; date?: string | Date | null; now?: Date }

/**
 * A refusal carries its message key and the values that fill it, already worded in the language
 * `checkTransition` was given, and the message itself in that language: the caller answers
 * `refuse(req, check.key, check.status, check.values)`.
 */
export type TransitionCheck =
  | { ok: true; to: Stage }
  | {
      ok: false
      status: 400 | 403 | typeof EMBARGO_STATUS
      key: MessageKey
      values: MessageValues
      message: string
    }

/**
 * A transition's or a stage's name inside a sentence: English lower-cases it ("You cannot
 * approve an article that is in review"); Azerbaijani and Russian quote the button's words
 * («Təsdiqlə», «Одобрить»). `start`: where English keeps the capital.
 */
const named = (language: Language, text: string, start = false) =>
  language === 'en' ? (start ? text : text.toLowerCase()) : `«${text}»`

const transitionName = (language: Language, name: TransitionName, start = false) =>
  named(language, adminText(language, `transitions:${name}`), start)

const stageName = (language: Language, stage: Stage, start = false) =>
  named(language, adminText(language, `stages:${stage}`), start)

/** The transitions one may fire, as "x or y" in the language, or "none for you". */
const allowedList = (language: Language, names: TransitionName[]) =>
  names.length
    ? joinList(
        language,
        names.map((name) => transitionName(language, name)),
        'disjunction',
      )
    : message(language, 'workflow:noneForYou')

const refused = (
  language: Language,
  status: 400 | 403 | typeof EMBARGO_STATUS,
  key: MessageKey,
  values: MessageValues,
): TransitionCheck => ({
  ok: false,
  status,
  key,
  values,
  message: message(language, key, values),
})

/**
 * Whether `user` may fire `name` on `article` with this input, and if not, a 4xx status and a
 * message (in `language`, English by default) that says what is allowed from here.
 */
export const checkTransition = (
  user: Actor,
  article: ArticleFacts & ChecklistFacts,
  name: string,
  input: TransitionInput = {},
  language: Language = DEFAULT_LANGUAGE,
): TransitionCheck => {
  const now = input.now ?? new Date()
  const allowed = allowedTransitions(user, article, now)
  if (!Object.hasOwn(TRANSITIONS, name)) {
    return refused(language, 400, 'workflow:unknownTransition', {
      name,
      stage: stageName(language, article.stage, true),
      allowed: allowedList(language, allowed),
    })
  }
  const transitionKey = name as TransitionName
  const transition = TRANSITIONS[transitionKey]
  const until = { until: formatEmbargo(language, article.embargoUntil) }
  // Allowed but for the embargo: say so, and until when.
  if (
    !allowed.includes(transitionKey) &&
    allowedTransitions(user, { ...article, embargoUntil: null }, now).includes(transitionKey)
  ) {
    return refused(language, EMBARGO_STATUS, 'embargo:notBefore', until)
  }
  if (!allowed.includes(transitionKey)) {
    const possibleHere = (transition.from as readonly Stage[]).includes(article.stage)
    // The stage is wrong for anyone: a conflict. The stage is right but not for this person: forbidden.
    return refused(language, possibleHere ? 403 : 409, 'workflow:notAllowed', {
      transition: transitionName(language, transitionKey),
      stage: stageName(language, article.stage),
      allowed: allowedList(language, allowed),
    })
  }
  if ('requiresNote' in transition && transition.requiresNote && !input.note?.trim()) {
    return refused(language, 400, 'workflow:needsNote', {
      transition: transitionName(language, transitionKey, true),
    })
  }
  if ('requiresFutureDate' in transition && transition.requiresFutureDate) {
    const when = input.date ? new Date(input.date) : null
    if (!when || Number.isNaN(when.getTime()) || when <= now) {
      return refused(language, 400, 'workflow:needsFutureDate', {
        transition: transitionName(language, transitionKey, true),
      })
    }
  }
  if (
    transition.to === 'scheduled' &&
    embargoBlocks({ stage: 'scheduled', scheduledAt: input.date }, article.embargoUntil, now)
  ) {
    return refused(language, EMBARGO_STATUS, 'embargo:scheduleBefore', until)
  }
  if ('requiresChecklist' in transition && transition.requiresChecklist) {
    const problems = checklistProblems(article)
    if (problems.length) {
      return refused(language, 400, 'workflow:checklist', {
        transition: transitionName(language, transitionKey),
        items: joinList(language, checklistItems(language, problems)),
      })
    }
  }
  return { ok: true, to: transition.to }
}
