import { ValidationError, type CollectionBeforeValidateHook } from 'payload'

import { languageName, message } from '@/lib/messages'
import { slugify } from '@/lib/slug'
import type { Article } from '@/payload-types'

/**
 * Slugs are unique per language (the same slug may exist in English and in Russian). A slug made
 * from the title gets a numeric suffix when taken; a slug typed by hand that is taken is refused
 * with a message naming the language (in the requester's), before the database's unique index
 * would be hit.
 */
export const ensureUniqueSlug: CollectionBeforeValidateHook<Article> = async ({
  data,
  originalDoc,
  req,
}) => {
  if (!data) return data
  const language = data.language ?? originalDoc?.language ?? 'en'
  const slug = data.slug ?? originalDoc?.slug
  if (!slug) return data
  const slugChanged = slug !== originalDoc?.slug || language !== originalDoc?.language
  if (!slugChanged) return data

  const isTaken = async (candidate: string) => {
    const { totalDocs } = await req.payload.count({
      collection: 'articles',
      req,
      where: {
        and: [
          { language: { equals: language } },
          { slug: { equals: candidate } },
          ...(originalDoc?.id ? [{ id: { not_equals: originalDoc.id } }] : []),
        ],
      },
    })
    return totalDocs > 0
  }

  if (!(await isTaken(slug))) return data
  const title = data.title ?? originalDoc?.title
  const typedByHand = !title || slug !== slugify(title)
  if (typedByHand) {
    throw new ValidationError(
      {
        collection: 'articles',
        errors: [
          {
            path: 'slug',
            message: message(req, 'articles:slugTaken', {
              slug,
              language: languageName(req, language),
            }),
          },
        ],
      },
      req.t,
    )
  }
  for (let n = 2; n < 100; n++) {
    const candidate = `${slug}-${n}`
    if (!(await isTaken(candidate))) return { ...data, slug: candidate }
  }
  return data
}
