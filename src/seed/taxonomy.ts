import { seedByKey } from './byKey'
import { categories, tags } from './data'
import { context, inLocale, type SeedRun } from './run'

/** The sections with every parent before its children. */
const parentsFirst = () =>
  [...categories].sort((a, b) => Number(Boolean(a.parent)) - Number(Boolean(b.parent)))

/** Sections, parents first, by slug; their az/ru names and descriptions. Returns slug → id. */
export const seedSections = (run: SeedRun): Promise<Map<string, number>> =>
  seedByKey(run, 'categories', 'slug', parentsFirst(), async (category, categoryIds) => {
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
    return doc.id
  })

/** Tags, by slug. Returns slug → id. */
export const seedTags = (run: SeedRun): Promise<Map<string, number>> =>
  seedByKey(run, 'tags', 'slug', tags, async (tag) => {
    const doc = await run.payload.create({
      collection: 'tags',
      data: { name: tag.name, slug: tag.slug },
      context,
    })
    return doc.id
  })
