import 'server-only'

import { cacheTags } from '@/cache/tags'
import type { Language } from '@/lib/languages'
import { idOf } from '@/lib/relations'

import { cached } from './cached'
import { getPayloadClient } from './payload'
import { sectionPath } from './shapes'

export type Section = {
  id: number
  name: string
  slug: string
  description: string | null
  order: number
  parentId: number | null
  /** slugs from the top, e.g. ['news', 'economy'] */
  path: string[]
}

/** Every section with its localized name, in menu order. */
export const getSections = cached(
  'sections',
  async ({ language }: { language: Language }): Promise<Section[]> => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'categories',
      overrideAccess: false,
      locale: language,
      fallbackLocale: 'en',
      depth: 0,
      limit: 500,
      pagination: false,
      sort: 'order',
      select: {
        name: true,
        slug: true,
        description: true,
        order: true,
        parent: true,
        breadcrumbs: true,
      },
    })
    return docs.map((doc) => ({
      id: doc.id,
      name: doc.name,
      slug: doc.slug ?? '',
      description: doc.description ?? null,
      order: doc.order ?? 100,
      parentId: idOf(doc.parent),
      path: sectionPath(doc),
    }))
  },
  () => [cacheTags.categories],
)

/** The section at a path of slugs, its ancestors (breadcrumb) and its children; null if unknown. */
export const getSectionByPath = async ({
  language,
  path,
}: {
  language: Language
  path: string[]
}) => {
  const sections = await getSections({ language })
  const section = sections.find((s) => s.path.join('/') === path.join('/'))
  if (!section) return null
  const ancestors = section.path
    .slice(0, -1)
    .map((_, i) =>
      sections.find((s) => s.path.join('/') === section.path.slice(0, i + 1).join('/')),
    )
    .filter((s): s is Section => Boolean(s))
  const children = sections.filter((s) => s.parentId === section.id)
  const descendants = (id: number): number[] =>
    sections.filter((s) => s.parentId === id).flatMap((s) => [s.id, ...descendants(s.id)])
  return { section, ancestors, children, ids: [section.id, ...descendants(section.id)] }
}
