import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'

import { articleStylesheets, renderDocument } from '@/components/static/renderHtml'
import { StaticArticleDocument } from '@/components/static/StaticArticleDocument'
import {
  getArticleBySlug,
  getArticleVersions,
  getLatestArticles,
  getRelatedArticles,
  type ArticleDetail,
} from '@/data/articles'
import { pageLanguage } from '@/lib/params'
import { pageMetadata } from '@/lib/seo'
import { absoluteUrl, urls } from '@/lib/urls'

/**
 * Prototype (bench builds only, `BENCH_REFERENCE_PAGES=true`): the article page at
 * `/next/static/{lang}/articles/{slug}` without Next's client runtime. The same reads as the
 * page (so the same cache entries and tags) and the same server components, rendered to one HTML
 * string by react-dom/static (`renderDocument`) in a route handler. Cached by Next like the page:
 * an ISR route handler, rendered on its first request, kept until a tag its reads used is
 * expired (`unstable_cache` hands its tags to the route's cache entry) or after an hour.
 * Draft mode goes to the real page, which keeps the live preview.
 */
export const revalidate = 3600
export const generateStaticParams = async () => []

type Context = { params: Promise<{ lang: string; slug: string }> }

/** `withVersions` of the page: the switcher's paths and the original as the versions list has it. */
const withVersions = async (article: ArticleDetail) => {
  const versions = await getArticleVersions({ groupId: article.groupId })
  const paths: Partial<Record<string, string>> = {}
  for (const v of versions) paths[v.language] = urls.article(v.language, v.slug)
  paths[article.language] = urls.article(article.language, article.slug)
  const original = versions.find((v) => v.id === article.groupId)
  const isVersion = article.groupId !== article.id
  const shown: ArticleDetail = !isVersion
    ? article
    : {
        ...article,
        translationOf: original
          ? {
              id: original.id,
              title: original.title,
              slug: original.slug,
              language: original.language,
            }
          : null,
        originalWithdrawn: !original,
      }
  return {
    article: shown,
    paths,
    originalPath: original ? urls.article(original.language, original.slug) : undefined,
  }
}

export async function GET(_request: Request, { params }: Context) {
  const lang = await pageLanguage(params)
  const slug = decodeURIComponent((await params).slug)
  if ((await draftMode()).isEnabled) redirect(urls.article(lang, slug))
  const found = await getArticleBySlug({ language: lang, slug })
  if (!found) {
    return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } })
  }
  const [{ article, paths, originalPath }, related, latest] = await Promise.all([
    withVersions(found),
    getRelatedArticles({
      language: lang,
      articleId: found.id,
      relatedIds: found.relatedIds,
      sectionId: found.section?.id ?? 0,
      tagIds: found.tags.map((tag) => tag.id),
      limit: 4,
    }),
    getLatestArticles({ language: lang, limit: 8 }),
  ])
  const metadata = pageMetadata({
    lang,
    path: urls.article(lang, article.slug),
    title: article.meta.title || article.title,
    description: article.meta.description || article.dek,
    alternates: paths,
    xDefault: originalPath,
    image: article.ogImage,
    type: 'article',
    article: {
      publishedTime: article.publishedAt ?? undefined,
      modifiedTime: article.updatedAt ?? article.publishedAt ?? undefined,
      authors: article.authors.map((a) => absoluteUrl(urls.author(lang, a.slug))),
      section: article.section?.name,
    },
  })
  const html = await renderDocument(
    <StaticArticleDocument
      lang={lang}
      article={article}
      paths={paths}
      originalPath={originalPath}
      related={related}
      latest={latest}
      metadata={metadata}
      stylesheets={articleStylesheets()}
    />,
  )
  return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } })
}
