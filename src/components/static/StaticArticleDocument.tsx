import type { Metadata } from 'next'
import { getImageProps } from 'next/image'
import { getTranslations } from 'next-intl/server'

import { ArticleCorrections } from '@/components/article/ArticleCorrections'
import { ArticleHeader } from '@/components/article/ArticleHeader'
import { ArticleHero } from '@/components/article/ArticleHero'
import { ArticleTags } from '@/components/article/ArticleTags'
import { articleJsonLd } from '@/components/article/jsonLd'
import { NewArticlesAside } from '@/components/article/NewArticlesAside'
import { RelatedArticles } from '@/components/article/RelatedArticles'
import { SourceCredit } from '@/components/article/SourceCredit'
import { BreakingBanner } from '@/components/breaking/BreakingBanner'
import { JsonLd } from '@/components/JsonLd'
import type { Alternates } from '@/components/LanguageSwitcher'
import { LiveCoverage } from '@/components/live/LiveCoverage'
import { RichText } from '@/components/RichText'
import { ShareLinks } from '@/components/ShareLinks'
import type { ArticleDetail, ArticleSummary } from '@/data/articles'
import { getNavigation, getSiteSettings } from '@/data/site'
import type { Language } from '@/lib/languages'
import { readerPreferencesScript } from '@/lib/readerPreferences'
import { absoluteUrl, urls } from '@/lib/urls'

import { STATIC_PAGE_SCRIPT } from './enhance'
import { HeadTags } from './HeadTags'
import { StaticComments } from './StaticComments'
import { StaticFooter } from './StaticFooter'
import { StaticHeader } from './StaticHeader'
import { StaticNewsletter } from './StaticNewsletter'

/** The hero's `<link rel=preload>` (what `Img priority` asks React to hoist on the real page). */
function HeroPreload({ hero }: { hero: ArticleDetail['hero'] }) {
  if (!hero) return null
  const { props } = getImageProps({
    src: hero.url,
    width: hero.width,
    height: hero.height,
    alt: hero.alt,
    sizes: '(min-width: 1100px) 760px, 100vw',
    priority: true,
  })
  return (
    <link
      rel="preload"
      as="image"
      href={props.srcSet ? undefined : props.src}
      imageSrcSet={props.srcSet}
      imageSizes={props.sizes}
      fetchPriority="high"
    />
  )
}

/**
 * The article page as one HTML document for readers who need no client-side React: the same
 * server components and the same markup and CSS as `[lang]/articles/[slug]/page.tsx` with its
 * layout and `SiteShell`, the four interactive leaves replaced by plain markup
 * (`StaticHeader`, `StaticNewsletter`, `StaticComments`) and one small script
 * (`STATIC_PAGE_SCRIPT`). Rendered by `renderDocument` (react-dom/static), not by Next, so the
 * page carries no React, no App Router runtime and no RSC payload.
 */
export async function StaticArticleDocument({
  lang,
  article,
  paths,
  originalPath,
  related,
  latest,
  metadata,
  stylesheets,
}: {
  lang: Language
  article: ArticleDetail
  paths: Alternates
  originalPath?: string
  related: ArticleSummary[]
  latest: ArticleSummary[]
  metadata: Metadata
  stylesheets: string[]
}) {
  const [t, nav, settings] = await Promise.all([
    getTranslations({ locale: lang }),
    getNavigation({ language: lang }),
    getSiteSettings({ language: lang }),
  ])
  const url = absoluteUrl(urls.article(lang, article.slug))
  return (
    <html lang={lang} data-font-size="md">
      {/* eslint-disable-next-line @next/next/no-head-element -- a document rendered outside Next */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0b3d5c" />
        <HeadTags metadata={metadata} />
        <script dangerouslySetInnerHTML={{ __html: readerPreferencesScript(lang) }} />
        {stylesheets.map((href) => (
          <link key={href} rel="stylesheet" href={href} />
        ))}
        <HeroPreload hero={article.hero} />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t('site.skipToContent')}
        </a>
        <StaticHeader lang={lang} alternates={paths} menu={nav.header} settings={settings} />
        <BreakingBanner lang={lang} />
        <main id="main" tabIndex={-1}>
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
              {article.body && (
                <RichText data={article.body} lang={lang} className="article-body" />
              )}
              <ArticleCorrections corrections={article.corrections} lang={lang} />
              <ArticleTags tags={article.tags} lang={lang} />
              <StaticNewsletter
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
              <StaticComments articleId={article.id} lang={lang} />
            </article>
            <NewArticlesAside
              articles={latest.filter((a) => a.id !== article.id).slice(0, 6)}
              lang={lang}
            />
          </div>
          <RelatedArticles articles={related} lang={lang} />
        </main>
        <StaticFooter lang={lang} links={nav.footer} settings={settings} />
        <script dangerouslySetInnerHTML={{ __html: STATIC_PAGE_SCRIPT }} />
      </body>
    </html>
  )
}
