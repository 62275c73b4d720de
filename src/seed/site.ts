import { blocksToLexical } from '@/lib/lexical'

import { seedByKey } from './byKey'
import { categories, pages, settings } from './data'
import { context, inLocale, OTHER_LOCALES, type SeedRun } from './run'

/** Static pages, by slug, published in every language the data has. Returns slug → id. */
export const seedPages = (run: SeedRun): Promise<Map<string, number>> =>
  seedByKey(run, 'pages', 'slug', pages, async (page) => {
    const doc = await run.payload.create({
      collection: 'pages',
      locale: 'en',
      data: {
        title: page.title.en,
        slug: page.slug,
        body: blocksToLexical(page.body.en) as never,
        _status: 'published',
      },
      context,
    })
    await run.localize('pages', doc.id, (locale) => {
      const title = inLocale(page.title, locale)
      const body = page.body[locale]
      if (!title && !body) return null
      return { title, ...(body ? { body: blocksToLexical(body) } : {}), _status: 'published' }
    })
    return doc.id
  })

/** Site settings, written once (while there is no contact email): an editor's changes stay. */
export const seedSettings = async ({ payload }: SeedRun) => {
  const siteSettings = await payload.findGlobal({ slug: 'site-settings', depth: 0, context })
  if (siteSettings.contactEmail) return
  await payload.updateGlobal({
    slug: 'site-settings',
    locale: 'en',
    data: {
      siteName: settings.siteName,
      tagline: settings.tagline.en,
      about: settings.about.en,
      contactEmail: settings.contactEmail,
      social: settings.social,
    },
    context,
  })
  for (const locale of OTHER_LOCALES) {
    await payload.updateGlobal({
      slug: 'site-settings',
      locale,
      data: { tagline: settings.tagline[locale], about: settings.about[locale] },
      context,
    })
  }
}

/**
 * The header menu (top-level sections with their subsections) and the footer (the pages),
 * written once (while the header is empty): an editor's changes stay.
 */
export const seedNavigation = async (
  { payload }: SeedRun,
  categoryIds: Map<string, number>,
  pageIds: Map<string, number>,
) => {
  const navigation = await payload.findGlobal({ slug: 'navigation', depth: 0, context })
  if (navigation.header?.length) return
  const topLevel = categories.filter((c) => !c.parent).sort((a, b) => a.order - b.order)
  await payload.updateGlobal({
    slug: 'navigation',
    data: {
      header: topLevel.map((category) => ({
        type: 'category' as const,
        category: categoryIds.get(category.slug),
        children: categories
          .filter((c) => c.parent === category.slug)
          .sort((a, b) => a.order - b.order)
          .map((child) => ({ type: 'category' as const, category: categoryIds.get(child.slug) })),
      })),
      footer: pages.map((page) => ({ type: 'page' as const, page: pageIds.get(page.slug) })),
    },
    context,
  })
}
