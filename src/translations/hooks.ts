/**
 * Hooks that keep language versions in step with their original: one version per language,
 * never a version of a version, shared fields copied from the original, and a "needs update"
 * flag when the original is published again with different text.
 */
import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { hasRole, isEditorUser } from '@/access/roles'
import { writeLiveRowOnly } from '@/db/languageVersions'
import { refuse } from '@/lib/errors'
import { languageName } from '@/lib/messages'
import { idOf, latestArticle } from '@/lib/relations'
import type { Article } from '@/payload-types'
import { isLive } from '@/workflow/live'

import { sameSharedFields, sameText, sharedFieldsOf, textOf } from './shared'

/**
 * The original a write links to, as an id (`null` when it links to none). REST and GraphQL
 * clients may send the id as a string ("12"), which Payload stores as it is: it names the
 * original all the same, and is checked as one.
 */
const linkedOriginalId = (
  req: PayloadRequest,
  data: Partial<Article>,
  originalDoc: Article | undefined,
): number | null => {
  const linked: unknown =
    data.translationOf !== undefined ? data.translationOf : originalDoc?.translationOf
  const originalId =
    typeof linked === 'string' && /^\d+$/.test(linked) ? Number(linked) : idOf(linked)
  if (!originalId && linked !== null && linked !== undefined && linked !== '') {
    throw refuse(req, 'translations:notAnId', 400)
  }
  return originalId || null
}

/** Writers other than editors link a version only as translators in their own languages. */
const assertMayLink = (req: PayloadRequest, language: string): void => {
  if (!req.user || isEditorUser(req.user)) return
  const mayTranslate =
    hasRole(req.user, 'translator') &&
    ((req.user.languages as string[] | undefined) ?? []).includes(language)
  if (!mayTranslate) {
    throw refuse(req, 'translations:mayNotAdd', 403, { language: languageName(req, language) })
  }
}

/** The original exists, is an original itself and is in another language. */
const assertOriginal = (
  req: PayloadRequest,
  original: Article | null | undefined,
  originalId: number,
  language: string,
): Article => {
  if (!original) throw refuse(req, 'translations:noOriginal', 400, { id: originalId })
  if (original.translationOf) {
    throw refuse(req, 'translations:originalIsVersion', 400, {
      id: originalId,
      originalId: idOf(original.translationOf) ?? '',
    })
  }
  if (original.language === language) {
    throw refuse(req, 'translations:sameLanguage', 409, {
      language: languageName(req, language),
    })
  }
  return original
}

/** A story has one version per language (trashed ones count). */
const assertLanguageFree = async (
  req: PayloadRequest,
  originalId: number,
  language: string,
  selfId: number | undefined,
): Promise<void> => {
  const { docs: taken } = await req.payload.find({
    collection: 'articles',
    req,
    depth: 0,
    limit: 1,
    overrideAccess: true,
    trash: true,
    where: {
      and: [
        { translationOf: { equals: originalId } },
        { language: { equals: language } },
        ...(selfId !== undefined ? [{ id: { not_equals: selfId } }] : []),
      ],
    },
  })
  if (taken.length) {
    throw refuse(req, 'translations:languageTaken', 409, {
      language: languageName(req, language),
      id: taken[0].id,
      title: taken[0].title,
    })
  }
}

/** An article with language versions of its own cannot become a version: no version of a version. */
const assertHasNoVersions = async (req: PayloadRequest, selfId: number): Promise<void> => {
  const { totalDocs } = await req.payload.count({
    collection: 'articles',
    req,
    overrideAccess: true,
    where: { translationOf: { equals: selfId } },
  })
  if (totalDocs) {
    throw refuse(req, 'translations:hasVersions', 409)
  }
}

/**
 * beforeChange: a language version is checked against its original and takes the original's
 * shared fields; a new version (or one linked to another original) records the original's text
 * it starts from. Writers other than editors create versions only as translators in their own
 * languages.
 */
export const followOriginal: CollectionBeforeChangeHook<Article> = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const originalId = linkedOriginalId(req, data, originalDoc)
  if (!originalId) return data
  const language = data.language ?? originalDoc?.language ?? 'en'
  const selfId = originalDoc?.id

  if (selfId !== undefined && originalId === selfId) {
    throw refuse(req, 'translations:ofItself', 400)
  }
  const relinked = operation === 'create' || idOf(originalDoc?.translationOf) !== originalId
  if (relinked) assertMayLink(req, language)

  const original = assertOriginal(req, await latestArticle(req, originalId), originalId, language)
  await assertLanguageFree(req, originalId, language, selfId)
  if (selfId !== undefined && relinked) await assertHasNoVersions(req, selfId)

  return {
    ...data,
    ...(data.translationOf !== undefined ? { translationOf: originalId } : {}),
    ...sharedFieldsOf(original),
    ...(relinked
      ? {
          translatedFrom: { ...textOf(original), at: new Date().toISOString() },
          needsUpdate: false,
        }
      : {}),
  }
}

/** Writes what a version takes from its original without publishing a pending draft of it. */
const updateVersion = async (
  req: PayloadRequest,
  version: Article,
  data: Partial<Article>,
): Promise<void> => {
  const context = { ...req.context, followingOriginal: true }
  // The stored row is live and the latest version is a draft over it (an editor's unpublished
  // changes, or an update going through review): whatever the draft's stage.
  const pendingDraftOverLive = version._status === 'draft' && (await isLive(req, version.id))
  if (pendingDraftOverLive) {
    // The live row takes the change directly; the pending draft takes it as a draft.
    await writeLiveRowOnly(req, version.id, data)
  }
  await req.payload.update({
    collection: 'articles',
    id: version.id,
    data,
    req,
    draft: pendingDraftOverLive,
    depth: 0,
    overrideAccess: true,
    context,
  })
}

/**
 * afterChange on an original: its shared fields go to every version, and when it is published
 * with text that differs from what a version was made from, that version is marked as needing
 * an update (until its translator marks it updated).
 */
export const updateLanguageVersions: CollectionAfterChangeHook<Article> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  if (doc.translationOf || operation === 'create' || req.context.followingOriginal) return doc
  const sharedChanged = !sameSharedFields(doc, previousDoc ?? {})
  const published = doc._status === 'published'
  if (!sharedChanged && !published) return doc

  const { docs: versions } = await req.payload.find({
    collection: 'articles',
    req,
    depth: 0,
    draft: true,
    limit: 10,
    overrideAccess: true,
    where: { translationOf: { equals: doc.id } },
  })
  const shared = sharedFieldsOf(doc)
  const text = textOf(doc)
  for (const version of versions) {
    const outdated = published && !version.needsUpdate && !sameText(text, version.translatedFrom)
    if (!sharedChanged && !outdated) continue
    await updateVersion(req, version, {
      ...(sharedChanged ? shared : {}),
      ...(outdated ? { needsUpdate: true } : {}),
    })
  }
  return doc
}

/** Marks a version as brought up to date with its original's current text. */
export const markVersionUpdated = async (req: PayloadRequest, version: Article) => {
  const original = await latestArticle(req, idOf(version.translationOf) ?? 0)
  if (!original) {
    throw refuse(req, 'translations:originalGone', 404, { id: idOf(version.translationOf) ?? '' })
  }
  await updateVersion(req, version, {
    needsUpdate: false,
    translatedFrom: { ...textOf(original), at: new Date().toISOString() },
  })
}
