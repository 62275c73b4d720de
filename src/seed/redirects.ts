import type { Language } from '@/lib/languages'
import { urls } from '@/lib/urls'

import { context, type SeedRun } from './run'

/**
 * One address of the "old site" per language, redirected (as the importer's `oldUrls` would) to
 * that language's newest published article, so that `npm run dev` shows a 301 and the admin's
 * Redirects list is not empty.
 */
const OLD_ADDRESSES: Record<Language, string> = {
  en: '/archive/2019/05/story.html?id=1',
  az: '/arxiv/2019/05/xeber.html?id=1',
  ru: '/arkhiv/2019/05/novost.html?id=1',
}

export const seedRedirects = async (run: SeedRun) => {
  for (const [language, from] of Object.entries(OLD_ADDRESSES) as [Language, string][]) {
    const { docs: existing } = await run.payload.find({
      collection: 'redirects',
      where: { from: { equals: from } },
      limit: 1,
      depth: 0,
      context,
    })
    if (existing.length > 0) {
      run.tally('redirects', false)
      continue
    }
    const { docs } = await run.payload.find({
      collection: 'articles',
      where: { language: { equals: language }, _status: { equals: 'published' } },
      sort: '-publishedAt',
      limit: 1,
      depth: 0,
      context,
    })
    const article = docs[0]
    if (!article?.slug) continue
    await run.payload.create({
      collection: 'redirects',
      data: { from, to: urls.article(language, article.slug), origin: 'imported' },
      context,
    })
    run.tally('redirects', true)
  }
}
