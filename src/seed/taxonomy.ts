import type { Category } from '@/payload-types'

import { categories, tags } from './data'
import { context, inLocale, type SeedRun } from './run'

/** Sections, parents first, by slug; their az/ru names and descriptions. Returns slug → id. */
export const seedSections = async (run: SeedRun): Promise<Map<string, number>> => {
  const categoryIds = new Map<string, number>()
  for (const category of [...categories].sort(
    (a, b) => Number(Boolean(a.parent)) - Number(Boolean(b.parent)),
  )) {
    const existing = await run.findOne<Category>('categories', {
      slug: { equals: category.slug },
    })
    run.tally('categories', !existing)
    if (existing) {
      categoryIds.set(category.slug, existing.id)
      continue
    }
    const doc = await run.payload.create({
      collection: 'categories',
      locale: 'en',
      data: {
        name: category.name.en,
        slug: category.slug,
        description: category.description.en,
        order: category.order,
        parent: category.parent ? categoryIds.get(category.parent) : undefined,
      },
      context,
    })
    await run.localize('categories', doc.id, (locale) =>
      inLocale(category.name, locale)
        ? {
            name: inLocale(category.name, locale),
            description: inLocale(category.description, locale),
          }
        : null,
    )
    categoryIds.set(category.slug, doc.id)
  }
  return categoryIds
}

/** Tags, by slug. Returns slug → id. */
export const seedTags = async (run: SeedRun): Promise<Map<string, number>> => {
  const tagIds = new Map<string, number>()
  for (const tag of tags) {
    const existing = await run.findOne<{ id: number }>('tags', { slug: { equals: tag.slug } })
    run.tally('tags', !existing)
    const id =
      existing?.id ??
      (
        await run.payload.create({
          collection: 'tags',
          data: { name: tag.name, slug: tag.slug },
          context,
        })
      ).id
    tagIds.set(tag.slug, id)
  }
  return tagIds
}
