import type { ArticleDetail } from '@/data/articles'
import type { Language } from '@/lib/languages'
import { safeHref } from '@/lib/safeUrl'
import { SITE_NAME } from '@/lib/seo'
import { absoluteUrl, urls } from '@/lib/urls'

/**
 * The article's schema.org `NewsArticle`: byline, dates, section, tags, the original it is a
 * language version of (`translationOfWork`) and the story it reprints (`isBasedOn`).
 */
export const articleJsonLd = (
  article: ArticleDetail,
  { lang, url, originalPath }: { lang: Language; url: string; originalPath?: string },
): Record<string, unknown> => {
  const sourceHref = safeHref(article.source?.url)
  const modified = article.updatedAt ?? article.publishedAt
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': url,
    mainEntityOfPage: url,
    url,
    headline: article.title,
    description: article.dek ?? undefined,
    inLanguage: lang,
    image: article.ogImage ? [absoluteUrl(article.ogImage.url)] : undefined,
    datePublished: article.publishedAt ?? undefined,
    dateModified: modified ?? undefined,
    articleSection: article.section?.name,
    keywords: article.tags.map((tag) => tag.name).join(', ') || undefined,
    author: article.authors.map((a) => ({
      '@type': 'Person',
      name: a.name,
      url: absoluteUrl(urls.author(lang, a.slug)),
    })),
    publisher: { '@type': 'Organization', name: SITE_NAME, url: absoluteUrl(urls.home(lang)) },
    ...(article.translationOf && originalPath
      ? {
          translationOfWork: {
            '@type': 'NewsArticle',
            '@id': absoluteUrl(originalPath),
            url: absoluteUrl(originalPath),
            headline: article.translationOf.title,
            inLanguage: article.translationOf.language,
          },
        }
      : {}),
    ...(sourceHref ? { isBasedOn: sourceHref } : {}),
  }
}
