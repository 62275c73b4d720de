import { blocksToLexical } from '@/lib/lexical'
import type { Article } from '@/payload-types'

import { articles } from './data'
import type { SeedArticle } from './data/types'
import { seedImage } from './media'
import { context, type SeedRun } from './run'

/** The ids an article refers to, by natural key. */
export type ArticleRefs = {
  categoryIds: Map<string, number>
  tagIds: Map<string, number>
  authorIds: Map<string, number>
  userIds: Map<string, number>
  /** `language:slug` → id, filled as articles are found or created */
  articleIds: Map<string, number>
}

const key = (language: string, slug: string) => `${language}:${slug}`

const originalOf = (article: SeedArticle) =>
  article.translationOf
    ? articles.find(
        (a) =>
          a.language === article.translationOf?.language && a.slug === article.translationOf?.slug,
      )
    : undefined

/**
 * One article, looked up by language + slug and created when missing: its hero image (a
 * version shares its original's), published or placed in its workflow stage as a draft.
 */
const seedArticle = async (run: SeedRun, article: SeedArticle, refs: ArticleRefs) => {
  const { categoryIds, tagIds, authorIds, userIds, articleIds } = refs
  const existing = await run.findOne<Article>('articles', {
    and: [{ language: { equals: article.language } }, { slug: { equals: article.slug } }],
  })
  run.tally('articles', !existing)
  if (existing) {
    articleIds.set(key(article.language, article.slug), existing.id)
    return
  }
  const original = originalOf(article)
  const heroKey = original
    ? `${original.language}-${original.slug}`
    : `${article.language}-${article.slug}`
  const heroImage = await seedImage(
    run,
    `article-${heroKey}`,
    article.category,
    (original ?? article).heroCaption ?? (original ?? article).title,
  )
  const published = article.status === 'published'
  const doc = await run.payload.create({
    collection: 'articles',
    draft: !published,
    data: {
      title: article.title,
      slug: article.slug,
      dek: article.dek,
      language: article.language,
      body: blocksToLexical(article.body) as Article['body'],
      heroImage,
      heroCaption: article.heroCaption,
      // A version describes the shared image in its own language; as the originals' images are,
      // with its caption (the image's own alt text is the original's, in English).
      heroAlt: original ? article.heroCaption : undefined,
      category: categoryIds.get(article.category),
      categories: (article.extraCategories ?? [])
        .map((slug) => categoryIds.get(slug)!)
        .filter(Boolean),
      tags: article.tags.map((slug) => tagIds.get(slug)!).filter(Boolean),
      authors: article.authors.map((slug) => authorIds.get(slug)!).filter(Boolean),
      source: article.source,
      translationOf: article.translationOf
        ? articleIds.get(key(article.translationOf.language, article.translationOf.slug))
        : undefined,
      publishedAt: published ? article.publishedAt : undefined,
      corrections: article.corrections,
      _status: published ? 'published' : 'draft',
      // The system places unpublished demo stories in their stage of the workflow.
      ...(published ? {} : { stage: article.stage ?? 'draft' }),
      createdBy: article.writer ? userIds.get(article.writer) : undefined,
    },
    context,
  })
  articleIds.set(key(article.language, article.slug), doc.id)
}

/** The originals, in the order of the data. */
export const seedArticles = async (run: SeedRun, refs: ArticleRefs) => {
  for (const article of articles.filter((a) => !a.translationOf)) {
    await seedArticle(run, article, refs)
  }
}

/** The language versions, once every original exists (`translationOf` points at it). */
export const seedLanguageVersions = async (run: SeedRun, refs: ArticleRefs) => {
  for (const article of articles.filter((a) => a.translationOf)) {
    await seedArticle(run, article, refs)
  }
}

/** Related-article links, once all articles exist; an article that has some keeps them. */
export const linkRelatedArticles = async (run: SeedRun, articleIds: Map<string, number>) => {
  for (const article of articles) {
    if (!article.related?.length) continue
    const id = articleIds.get(key(article.language, article.slug))
    const related = article.related
      .map((slug) => articleIds.get(key(article.language, slug)))
      .filter((value): value is number => Boolean(value))
    if (!id || !related.length) continue
    const current = await run.payload.findByID({
      collection: 'articles',
      id,
      depth: 0,
      draft: true,
      context,
    })
    if (current.relatedArticles?.length) continue
    await run.payload.update({
      collection: 'articles',
      id,
      draft: article.status !== 'published',
      data: { relatedArticles: related },
      context,
    })
  }
}
