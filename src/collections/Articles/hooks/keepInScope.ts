import type { CollectionBeforeChangeHook } from 'payload'

import { hasRole, isEditorUser } from '@/access/roles'
import { refuse } from '@/lib/errors'
import { joinList, languageName, message, type Audience } from '@/lib/messages'
import { keyOf } from '@/lib/relations'
import type { Article } from '@/payload-types'
import { actsOn } from '@/workflow/rules'

/** A translator's languages by name, joined the requester's way ("Azerbaijani and Russian"). */
const listOf = (req: Audience, codes: readonly string[] | null | undefined) =>
  codes?.length
    ? joinList(
        req,
        codes.map((code) => languageName(req, code)),
      )
    : message(req, 'languages:none')

/**
 * beforeChange, after the other hooks: a write by a writer (author, translator) must END with an
 * article inside their scope (`actsOn`), not only start from one. The update access rule
 * (`canEditWhere`) checks the stored row; this checks the result, the stored article with the
 * write applied, so that nobody can move an article out of their own reach:
 * - a translator cannot put a language version into a language they do not hold, and a writer
 *   cannot create an article they could not then edit (a translator's original, say);
 * - only editors attach a version to another story or make it an original (`translationOf`);
 * - ownership (`createdBy`) is set by `setCreatedBy` and stays; an owner other than the writer
 *   is refused here as well.
 * Writes by the system (no user: seed, import, scheduler) and by editors are not limited. Hooks
 * that write on a person's behalf (story fields copied to versions, transitions) never change
 * the language, the original or the owner, so they pass.
 */
export const keepInScope: CollectionBeforeChangeHook<Article> = ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const user = req.user
  if (!user || isEditorUser(user)) return data
  // On create, `originalDoc` is empty, or the article being duplicated (src/collections/Articles/duplicate.ts).
  const result = { ...originalDoc, ...data } as Partial<Article>
  const before = operation === 'update' ? originalDoc : undefined

  if (before) {
    const relinked = keyOf(result.translationOf) !== keyOf(before.translationOf)
    if (relinked) {
      throw refuse(
        req,
        result.translationOf ? 'articles:attachElsewhere' : 'articles:makeOriginal',
        403,
      )
    }
    const sameLanguage = (result.language ?? 'en') === (before.language ?? 'en')
    const sameOwner = keyOf(result.createdBy) === keyOf(before.createdBy)
    if (sameLanguage && sameOwner) return data
  }

  const facts = {
    stage: result.stage ?? 'draft',
    language: result.language ?? 'en',
    translationOf: keyOf(result.translationOf) || null,
    createdBy: keyOf(result.createdBy) || null,
  }
  if (actsOn(user, facts)) return data

  const languages = (user.languages as string[] | null | undefined) ?? []
  if (hasRole(user, 'translator') && facts.translationOf) {
    throw refuse(req, 'articles:translatorLanguage', 403, {
      languages: listOf(req, languages),
      language: languageName(req, facts.language),
    })
  }
  if (hasRole(user, 'translator') && !hasRole(user, 'author')) {
    throw refuse(req, 'articles:translatorOriginal', 403)
  }
  throw refuse(req, 'articles:writersOwn', 403)
}
