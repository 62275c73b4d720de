import 'server-only'

import { cacheTags } from '@/cache/tags'
import type { Language } from '@/lib/languages'

import { oneBySlug } from './bySlug'
import { cached } from './cached'
import { getPayloadClient } from './payload'
import { mediaPopulate, toImage, type ImageData } from './shapes'

export type AuthorProfile = {
  id: number
  name: string
  slug: string
  jobTitle: string | null
  bio: string | null
  isHouse: boolean
  photo: ImageData | null
  links: { label: string; url: string }[]
}

/** An author's public profile by slug; null for an unknown one. */
export const getAuthorBySlug = cached(
  'author-by-slug',
  async ({
    language,
    slug,
  }: {
    language: Language
    slug: string
  }): Promise<AuthorProfile | null> => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'authors',
      ...oneBySlug({ language, slug }),
      pagination: false,
      depth: 1,
      populate: { media: mediaPopulate },
    })
    const doc = docs[0]
    if (!doc) return null
    return {
      id: doc.id,
      name: doc.name,
      slug: doc.slug ?? '',
      jobTitle: doc.jobTitle ?? null,
      bio: doc.bio ?? null,
      isHouse: Boolean(doc.isHouse),
      photo: toImage(doc.photo, 'thumbnail'),
      links: (doc.links ?? []).map(({ label, url }) => ({ label, url })),
    }
  },
  () => [cacheTags.authors],
)

export type TagInfo = { id: number; name: string; slug: string }

/** A tag by slug; null for an unknown one. */
export const getTagBySlug = cached(
  'tag-by-slug',
  async ({ language, slug }: { language: Language; slug: string }): Promise<TagInfo | null> => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'tags',
      ...oneBySlug({ language, slug }),
      pagination: false,
      depth: 0,
    })
    const doc = docs[0]
    return doc ? { id: doc.id, name: doc.name, slug: doc.slug ?? '' } : null
  },
  () => [cacheTags.tags],
)
