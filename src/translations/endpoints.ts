import type { Endpoint, PayloadRequest } from 'payload'

import { forStaff, readArticle, readBody, reply } from '@/access/endpoints'
import { hasRole, isEditorUser } from '@/access/roles'
import { refusal } from '@/lib/errors'
import { LANGUAGES } from '@/lib/languages'
import { idOf, latestArticle } from '@/lib/relations'
import type { Article } from '@/payload-types'
import { workflowFacts } from '@/workflow/facts'
import { actsOn, stageOf } from '@/workflow/rules'

import type {
  AddTranslationRequest,
  AddTranslationResponse,
  MarkUpdatedResponse,
  OriginalChangesResponse,
  TranslationsResponse,
} from './api'
import { originalChanges } from './diff'
import { markVersionUpdated } from './hooks'
import { LANGUAGE_NAMES, sharedFieldsOf, textOf } from './shared'

/** Whether this person may add a version in `language`: editors any, translators their own. */
const mayAddVersion = (user: PayloadRequest['user'], language: string) =>
  isEditorUser(user) ||
  (hasRole(user, 'translator') &&
    ((user?.languages as string[] | undefined) ?? []).includes(language))

const versionsOf = async (req: PayloadRequest, originalId: number) =>
  (
    await req.payload.find({
      collection: 'articles',
      req,
      depth: 0,
      draft: true,
      limit: 10,
      overrideAccess: true,
      where: { translationOf: { equals: originalId } },
      select: { title: true, language: true, stage: true, needsUpdate: true, assignee: true },
    })
  ).docs

/**
 * GET /api/articles/:id/translations — the story's language versions as the Translations panel
 * shows them: for every language other than the original's, the version with its stage and
 * whether it needs an update, or that it is missing and whether this person may add it.
 */
const listTranslations = forStaff(async (req, id) => {
  const article = await readArticle(req, id)
  const originalId = idOf(article.translationOf) ?? article.id
  const original = originalId === article.id ? article : await latestArticle(req, originalId)
  if (!original) throw refusal(`The original of this version (article ${originalId}) is gone.`, 404)
  const versions = await versionsOf(req, originalId)
  return reply<TranslationsResponse>({
    original: {
      id: original.id,
      title: original.title,
      language: original.language,
      stage: stageOf(original),
    },
    languages: LANGUAGES.filter((language) => language !== original.language).map((language) => {
      const version = versions.find((doc) => doc.language === language)
      return {
        language,
        languageName: LANGUAGE_NAMES[language],
        version: version
          ? {
              id: version.id,
              title: version.title,
              stage: stageOf(version),
              needsUpdate: Boolean(version.needsUpdate),
              assignee: idOf(version.assignee),
            }
          : null,
        canAdd: !version && mayAddVersion(req.user, language),
      }
    }),
  })
})

/**
 * POST /api/articles/:id/translations `AddTranslationRequest` — adds a language version of
 * an original: a draft pre-filled with the original's text and shared fields, assigned to the
 * translator who asked, or to the one an editor chose.
 */
const addTranslation = forStaff(async (req, id) => {
  const original = await readArticle(req, id)
  if (original.translationOf) {
    throw refusal(
      `This is a language version; add translations from its original (article ${idOf(original.translationOf)}).`,
      400,
    )
  }
  const body = await readBody<AddTranslationRequest>(req)
  const language = String(body.language ?? '')
  if (!(LANGUAGES as readonly string[]).includes(language)) {
    throw refusal(`Say which language to add: one of ${LANGUAGES.join(', ')}.`, 400)
  }
  if (!mayAddVersion(req.user, language)) {
    throw refusal(
      `Only editors, and translators working in ${LANGUAGE_NAMES[language]}, can add a version in ${LANGUAGE_NAMES[language]}.`,
      403,
    )
  }
  let assignee = req.user!.id as number
  if (body.translator !== undefined && body.translator !== null) {
    if (!isEditorUser(req.user)) throw refusal('Only editors assign translations to others.', 403)
    const translator = await req.payload.findByID({
      collection: 'users',
      id: Number(body.translator),
      req,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
    })
    if (!translator) throw refusal(`There is no user ${String(body.translator)}.`, 400)
    assignee = translator.id
  }
  // The checks of one version per language, and the shared fields, are the hooks' (followOriginal).
  const version = await req.payload.create({
    collection: 'articles',
    req,
    draft: true,
    overrideAccess: true,
    depth: 0,
    data: {
      title: original.title,
      dek: original.dek,
      body: original.body,
      heroCaption: original.heroCaption,
      language: language as Article['language'],
      translationOf: original.id,
      assignee,
      ...sharedFieldsOf(original),
      _status: 'draft',
    },
  })
  return reply<AddTranslationResponse>(
    {
      message: `${LANGUAGE_NAMES[language]} version created.`,
      doc: { id: version.id, language: version.language, stage: stageOf(version) },
    },
    { status: 201 },
  )
})

const versionAndOriginal = async (req: PayloadRequest, id: string) => {
  const version = await readArticle(req, id)
  const originalId = idOf(version.translationOf)
  if (!originalId) throw refusal('This article is an original, not a language version.', 400)
  const original = await latestArticle(req, originalId)
  if (!original) throw refusal(`The original of this version (article ${originalId}) is gone.`, 404)
  return { version, original }
}

/**
 * GET /api/articles/:id/original-changes — for a language version: what changed in the
 * original's title, dek and body since the version was made (or last marked updated).
 */
const showOriginalChanges = forStaff(async (req, id) => {
  const { version, original } = await versionAndOriginal(req, id)
  const then = {
    title: version.translatedFrom?.title ?? '',
    dek: version.translatedFrom?.dek ?? '',
    bodyText: version.translatedFrom?.bodyText ?? '',
  }
  return reply<OriginalChangesResponse>({
    needsUpdate: Boolean(version.needsUpdate),
    since: version.translatedFrom?.at ?? null,
    original: { id: original.id, title: original.title, language: original.language },
    ...originalChanges(then, textOf(original)),
  })
})

/** POST /api/articles/:id/mark-updated — the translator has brought the version up to date. */
const markUpdated = forStaff(async (req, id) => {
  const { version } = await versionAndOriginal(req, id)
  if (!actsOn(req.user!, await workflowFacts(req, version))) {
    throw refusal('Only the translators of this language and editors can mark it updated.', 403)
  }
  await markVersionUpdated(req, version)
  return reply<MarkUpdatedResponse>({ message: 'Marked as up to date with the original.' })
})

export const translationEndpoints: Endpoint[] = [
  { path: '/:id/translations', method: 'get', handler: listTranslations },
  { path: '/:id/translations', method: 'post', handler: addTranslation },
  { path: '/:id/original-changes', method: 'get', handler: showOriginalChanges },
  { path: '/:id/mark-updated', method: 'post', handler: markUpdated },
]
