import type { Endpoint, PayloadRequest } from 'payload'

import { forStaff, readArticle, readBody, reply } from '@/access/endpoints'
import { hasRole, isEditorUser } from '@/access/roles'
import { refuse } from '@/lib/errors'
import { LANGUAGES, languageNameIn } from '@/lib/languages'
import { languageName, languageOf, message } from '@/lib/messages'
import { idOf, latestArticle } from '@/lib/relations'
import type { Article } from '@/payload-types'
import { workflowFacts } from '@/workflow/facts'
import { isLive } from '@/workflow/live'
import { performTransition } from '@/workflow/perform'
import { actsOn, stageOf } from '@/workflow/rules'

import type {
  AddTranslationRequest,
  AddTranslationResponse,
  MarkUpdatedResponse,
  OriginalChangesResponse,
  TranslationsResponse,
  UnpublishVersionsResponse,
} from './api'
import { originalChanges } from './diff'
import { markVersionUpdated } from './hooks'
import { sharedFieldsOf, textOf } from './shared'
import { updatedSinceFlagged } from './updates'

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
  if (!original) throw refuse(req, 'translations:originalGone', 404, { id: originalId })
  const versions = await versionsOf(req, originalId)
  const live = new Map(
    await Promise.all(versions.map(async (doc) => [doc.id, await isLive(req, doc.id)] as const)),
  )
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
        languageName: languageNameIn(languageOf(req), language),
        version: version
          ? {
              id: version.id,
              title: version.title,
              stage: stageOf(version),
              needsUpdate: Boolean(version.needsUpdate),
              assignee: idOf(version.assignee),
              live: Boolean(live.get(version.id)),
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
    throw refuse(req, 'translations:addFromOriginal', 400, {
      id: idOf(original.translationOf) ?? '',
    })
  }
  const body = await readBody<AddTranslationRequest>(req)
  const language = String(body.language ?? '')
  if (!(LANGUAGES as readonly string[]).includes(language)) {
    throw refuse(req, 'translations:whichLanguage', 400, { languages: LANGUAGES.join(', ') })
  }
  if (!mayAddVersion(req.user, language)) {
    throw refuse(req, 'translations:mayNotAdd', 403, { language: languageName(req, language) })
  }
  let assignee = req.user!.id as number
  if (body.translator !== undefined && body.translator !== null) {
    if (!isEditorUser(req.user)) throw refuse(req, 'translations:onlyEditorsAssign', 403)
    const translator = await req.payload.findByID({
      collection: 'users',
      id: Number(body.translator),
      req,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
    })
    if (!translator)
      throw refuse(req, 'translations:noSuchUser', 400, { id: String(body.translator) })
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
      message: message(req, 'translations:created', { language: languageName(req, language) }),
      doc: { id: version.id, language: version.language, stage: stageOf(version) },
    },
    { status: 201 },
  )
})

const versionAndOriginal = async (req: PayloadRequest, id: string) => {
  const version = await readArticle(req, id)
  const originalId = idOf(version.translationOf)
  if (!originalId) throw refuse(req, 'translations:notAVersion', 400)
  const original = await latestArticle(req, originalId)
  if (!original) throw refuse(req, 'translations:originalGone', 404, { id: originalId })
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
    updatedSinceFlagged: await updatedSinceFlagged(req, version),
    original: { id: original.id, title: original.title, language: original.language },
    ...originalChanges(then, textOf(original)),
  })
})

/** POST /api/articles/:id/mark-updated — the translator has brought the version up to date. */
const markUpdated = forStaff(async (req, id) => {
  const { version } = await versionAndOriginal(req, id)
  if (!actsOn(req.user!, await workflowFacts(req, version))) {
    throw refuse(req, 'translations:mayNotMarkUpdated', 403)
  }
  if (!(await updatedSinceFlagged(req, version))) {
    throw refuse(req, 'translations:notUpdatedYet', 409)
  }
  await markVersionUpdated(req, version)
  return reply<MarkUpdatedResponse>({ message: message(req, 'translations:markedUpdated') })
})

/**
 * POST /api/articles/:id/unpublish-versions — on an original: its language versions that are
 * live are unpublished, each through the workflow's own `unpublish` transition for this person
 * (each may be refused, and the others still go). Asked by the admin when an editor unpublishes
 * the original; the original itself is the workflow's.
 */
const unpublishVersions = forStaff(async (req, id) => {
  const original = await readArticle(req, id)
  if (original.translationOf) {
    throw refuse(req, 'translations:addFromOriginal', 400, {
      id: idOf(original.translationOf) ?? '',
    })
  }
  const unpublished: UnpublishVersionsResponse['unpublished'] = []
  const refused: UnpublishVersionsResponse['refused'] = []
  for (const version of await versionsOf(req, original.id)) {
    if (!(await isLive(req, version.id))) continue
    try {
      await performTransition(req, { id: version.id, transition: 'unpublish' })
      unpublished.push({ id: version.id, language: version.language })
    } catch (error) {
      refused.push({
        id: version.id,
        language: version.language,
        message: error instanceof Error ? error.message : String(error),
      })
    }
  }
  return reply<UnpublishVersionsResponse>({
    message: message(req, 'translations:versionsUnpublished', { count: unpublished.length }),
    unpublished,
    refused,
  })
})

export const translationEndpoints: Endpoint[] = [
  { path: '/:id/translations', method: 'get', handler: listTranslations },
  { path: '/:id/translations', method: 'post', handler: addTranslation },
  { path: '/:id/original-changes', method: 'get', handler: showOriginalChanges },
  { path: '/:id/mark-updated', method: 'post', handler: markUpdated },
  { path: '/:id/unpublish-versions', method: 'post', handler: unpublishVersions },
]
