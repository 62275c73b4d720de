import type { Metadata } from 'next'
import { draftMode } from 'next/headers'
import { getTranslations } from 'next-intl/server'

import { ArticleCorrections } from '@/components/article/ArticleCorrections'
import { ArticleHeader } from '@/components/article/ArticleHeader'
import { ArticleHero } from '@/components/article/ArticleHero'
import { ArticleTags } from '@/components/article/ArticleTags'
import { articleJsonLd } from '@/components/article/jsonLd'
import { NewArticlesAside } from '@/components/article/NewArticlesAside'
import { RelatedArticles } from '@/components/article/RelatedArticles'
import { SourceCredit } from '@/components/article/SourceCredit'
import { ArticleComments } from '@/components/comments/ArticleComments'
import { JsonLd } from '@/components/JsonLd'
import { LiveCoverage } from '@/components/live/LiveCoverage'
import { NewsletterSignup } from '@/components/newsletter/NewsletterSignup'
import { RichText } from '@/components/RichText'
import { ShareLinks } from '@/components/ShareLinks'
import { SiteShell } from '@/components/SiteShell'
import {
  getArticleBySlug,
  getArticleVersions,
  getLatestArticles,
  getRelatedArticles,
  type ArticleDetail,
} from '@/data/articles'
import { getDraftArticleBySlug } from '@/data/preview'
import { notFoundOrMoved } from '@/data/redirects'
import type { Language } from '@/lib/languages'
import { pageLanguage } from '@/lib/params'
import { pageMetadata } from '@/lib/seo'
import { absoluteUrl, urls } from '@/lib/urls'

type Props = { params: Promise<{ lang: string; slug: string }> }

/**
 * Cached by Next (ISR): nothing is rendered at build time (no database needed), each URL is
 * rendered on its first request and kept until a cache tag it read is expired by a change
 * (`src/cache/revalidate.ts`), or after an hour at most. Draft mode bypasses the cache.
 */
export const revalidate = 3600
export const generateStaticParams = async () => []

/** The article a reader sees; in draft mode, the newest draft as the logged-in editor sees it. */
const readArticle = async (lang: Language, slug: string) => {
  const { isEnabled } = await draftMode()
  const decoded = decodeURIComponent(slug)
  if (isEnabled) {
    const draft = await getDraftArticleBySlug({ language: lang, slug: decoded })
    if (draft) return draft
  }
  return getArticleBySlug({ language: lang, slug: decoded })
}

/**
 * Paths of the story's published versions by language (the switcher and hreflang links), and
 * the article with its original as the versions list has it: that list is expired with any
 * version of the story (its group tag), so a retitled or unpublished original shows at once on
 * its versions' pages, where the article's own cached read would keep the old one.
 */
const withVersions = async (article: ArticleDetail, draft: boolean) => {
  const versions = await getArticleVersions({ groupId: article.groupId })
  const paths: Partial<Record<string, string>> = {}
  for (const v of versions) paths[v.language] = urls.article(v.language, v.slug)
  // In draft mode the page itself may be unpublished; it still links to itself.
  paths[article.language] = urls.article(article.language, article.slug)
  const original = versions.find((v) => v.id === article.groupId)
  const isVersion = article.groupId !== article.id
  const shown: ArticleDetail =
    !isVersion || (draft && !original)
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

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lang = await pageLanguage(params)
  const { slug } = await params
  const article = await readArticle(lang, slug)
  if (!article) return {}
  const { paths, originalPath } = await withVersions(article, (await draftMode()).isEnabled)
  return pageMetadata({
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
}

export default async function ArticlePage({ params }: Props) {
  const lang = await pageLanguage(params)
  const { slug } = await params
  const found = await readArticle(lang, slug)
  if (!found) return notFoundOrMoved(`/${lang}/articles/${slug}`)

  const { isEnabled: draft } = await draftMode()
  const [t, { article, paths, originalPath }, related, latest] = await Promise.all([
    getTranslations({ locale: lang }),
    withVersions(found, draft),
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
  const url = absoluteUrl(urls.article(lang, article.slug))

  return (
    <SiteShell lang={lang} alternates={paths}>
      <JsonLd data={articleJsonLd(article, { lang, url, originalPath })} />
      <div className="container article-layout">
        <article className="article" lang={lang}>
          <ArticleHeader article={article} lang={lang} />
          <ArticleHero article={article} lang={lang} />
          <SourceCredit article={article} lang={lang} originalPath={originalPath} />
          <LiveCoverage
            articleId={article.id}
            slug={article.slug}
            lang={lang}
            url={url}
            title={article.title}
          />
          {article.bodyHtml ? (
            // Made from this version's body when it was saved (src/lib/bodyHtml.ts): the same
            // markup RichText would render, escaped and with safe links only.
            <div className="article-body" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
          ) : (
            article.body && <RichText data={article.body} lang={lang} className="article-body" />
          )}
          <ArticleCorrections corrections={article.corrections} lang={lang} />
          <ArticleTags tags={article.tags} lang={lang} />
          <NewsletterSignup
            lang={lang}
            place="article"
            returnTo={urls.article(lang, article.slug)}
          />
          <ShareLinks
            url={url}
            title={article.title}
            labels={{
              share: t('article.share'),
              shareOn: (network) => t('article.shareOn', { network }),
              email: t('article.copyLink'),
            }}
          />
          <ArticleComments articleId={article.id} lang={lang} />
        </article>
        <NewArticlesAside
          articles={latest.filter((a) => a.id !== article.id).slice(0, 6)}
          lang={lang}
        />
      </div>
      <RelatedArticles articles={related} lang={lang} />
    </SiteShell>
  )
}
