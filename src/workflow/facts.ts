import type { PayloadRequest } from 'payload'

import { idOf } from '@/lib/relations'
import type { Article } from '@/payload-types'

import { embargoOf } from './embargo'
import type { ArticleFacts, ChecklistFacts } from './rules'
import { stageOf } from './rules'

/**
 * What the workflow rules need to know about an article, read from the document as it will be
 * (the stored document with the incoming changes on top). The hero image is looked up for its
 * alt text in the article's language (the article's own, else the image's), which the
 * pre-publish checklist requires.
 */
export const workflowFacts = async (
  req: PayloadRequest,
  article: Partial<Article>,
): Promise<ArticleFacts & ChecklistFacts> => {
  const heroId = idOf(article.heroImage)
  let heroImage: ChecklistFacts['heroImage'] = null
  if (heroId !== null) {
    const media = await req.payload
      .findByID({
        collection: 'media',
        id: heroId,
        req,
        depth: 0,
        locale: article.language ?? 'en',
        fallbackLocale: 'en',
        select: { alt: true },
        disableErrors: true,
      })
      .catch(() => null)
    // The page shows the article's own alt text (a language version's, in its language) over
    // the image's, so that is the one the checklist asks for.
    heroImage = media ? { alt: article.heroAlt?.trim() || media.alt || null } : null
  }
  return {
    stage: stageOf(article),
    language: article.language ?? 'en',
    translationOf: idOf(article.translationOf),
    createdBy: idOf(article.createdBy),
    embargoUntil: await embargoOf(req, article),
    dek: article.dek ?? null,
    category: idOf(article.category),
    authors: article.authors ?? [],
    heroImage,
  }
}
