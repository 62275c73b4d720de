import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { draftMode } from 'next/headers'
import { Img } from '@/components/Img'
import { notFound } from 'next/navigation'

import { ArticleCard } from '@/components/ArticleCard'
import { JsonLd } from '@/components/JsonLd'
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
import { formatDate } from '@/lib/format'
import { pageLanguage } from '@/lib/params'
import { safeHref } from '@/lib/safeUrl'
import { pageMetadata, SITE_NAME } from '@/lib/seo'
import { absoluteUrl, urls } from '@/lib/urls'
import type { Language } from '@/lib/languages'

type Props = { params: Promise<{ lang: string; slug: string }> }

/**
 * Cached by Next (ISR): nothing is rendered at build time (no database needed), each URL is
 * rendered on its first request and kept until a cache tag it read is expired by a change
 * (`src/data/revalidate.ts`), or after an hour at most. Draft mode bypasses the cache.
 */
export const revalidate = 3600
export const generateStaticParams = async () => []

/** The article a reader sees; in draft mode, the newest draft as the logged-in editor sees it. */
const loadArticle = async (lang: Language, slug: string) => {
  const { isEnabled } = await draftMode()
  const decoded = decodeURIComponent(slug)
  if (isEnabled) {
    const draft = await getDraftArticleBySlug({ language: lang, slug: decoded })
    if (draft) return draft
  }
  return getArticleBySlug({ language: lang, slug: decoded })
}

/** Paths of the story's published versions by language (the switcher and hreflang links). */
const versionPaths = async (article: ArticleDetail) => {
  const versions = await getArticleVersions({ groupId: article.groupId })
  const paths: Partial<Record<string, string>> = {}
  for (const v of versions) paths[v.language] = urls.article(v.language, v.slug)
  // In draft mode the page itself may be unpublished; it still links to itself.
  paths[article.language] = urls.article(article.language, article.slug)
  const original = versions.find((v) => v.id === article.groupId)
  return {
    paths,
    originalPath: original ? urls.article(original.language, original.slug) : undefined,
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lang = await pageLanguage(params)
  const { slug } = await params
  const article = await loadArticle(lang, slug)
  if (!article) return {}
  const { paths, originalPath } = await versionPaths(article)
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
  const article = await loadArticle(lang, slug)
  if (!article) notFound()

  const [t, tLang, { paths, originalPath }, related, latest] = await Promise.all([
    getTranslations({ locale: lang }),
    getTranslations({ locale: lang, namespace: 'languages' }),
    versionPaths(article),
    getRelatedArticles({
      language: lang,
      articleId: article.id,
      relatedIds: article.relatedIds,
      sectionId: article.section?.id ?? 0,
      tagIds: article.tags.map((tag) => tag.id),
      limit: 4,
    }),
    getLatestArticles({ language: lang, limit: 8 }),
  ])
  const minRead = (minutes: number) => t('article.minRead', { minutes })
  const url = absoluteUrl(urls.article(lang, article.slug))
  const newArticles = latest.filter((a) => a.id !== article.id).slice(0, 6)
  const languageName = (code: string) => (tLang.has(code) ? tLang(code) : code)
  const source = article.source
  const sourceHref = safeHref(source?.url)
  const modified = article.updatedAt ?? article.publishedAt

  const jsonLd: Record<string, unknown> = {
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

  return (
    <SiteShell lang={lang} alternates={paths}>
      <JsonLd data={jsonLd} />
      <div className="container article-layout">
        <article className="article" lang={lang}>
          <header className="article-header">
            {article.section && (
              <a className="section-label" href={urls.section(lang, article.section.path)}>
                {article.section.name}
              </a>
            )}
            <h1 className="article-title">{article.title}</h1>
            {article.dek && <p className="article-dek">{article.dek}</p>}
            {article.authors.length > 0 && (
              <p className="byline">
                {t('article.by')}{' '}
                {article.authors.map((author, i) => (
                  <span key={author.id}>
                    {i > 0 && ', '}
                    <a href={urls.author(lang, author.slug)} rel="author">
                      {author.name}
                    </a>
                  </span>
                ))}
              </p>
            )}
            <p className="meta article-meta">
              {article.publishedAt && (
                <time dateTime={article.publishedAt}>
                  {t('article.published', { date: formatDate(lang, article.publishedAt) })}
                </time>
              )}
              {article.updatedAt && (
                <time dateTime={article.updatedAt} data-testid="updated">
                  {t('article.updated', { date: formatDate(lang, article.updatedAt) })}
                </time>
              )}
              {article.readingTime ? <span>{minRead(article.readingTime)}</span> : null}
            </p>
          </header>

          {article.hero && (
            <figure className="hero">
              <Img
                src={article.hero.url}
                width={article.hero.width}
                height={article.hero.height}
                alt={article.hero.alt}
                sizes="(min-width: 1100px) 760px, 100vw"
                priority
              />
              {(article.heroCaption || article.hero.caption || article.hero.credit) && (
                <figcaption>
                  {article.heroCaption || article.hero.caption}
                  {article.hero.credit && (
                    <span className="credit">
                      {' '}
                      {t('article.photo', { credit: article.hero.credit })}
                    </span>
                  )}
                </figcaption>
              )}
            </figure>
          )}

          {(source?.outlet || article.translationOf || source?.originalLanguage) && (
            <div className="source-credit" data-testid="source-credit">
              {source?.outlet && (
                <p>
                  <strong>{t('article.reports', { outlet: source.outlet })}</strong>
                  {sourceHref && (
                    <>
                      {' · '}
                      <a href={sourceHref} rel="noopener">
                        {t('article.originalStory')}
                      </a>
                    </>
                  )}
                </p>
              )}
              {article.translationOf ? (
                <p>
                  {originalPath ? (
                    <a href={originalPath} hrefLang={article.translationOf.language}>
                      {t('article.translatedFromOriginal', {
                        language: languageName(article.translationOf.language),
                        title: article.translationOf.title,
                      })}
                    </a>
                  ) : (
                    t('article.translatedFrom', {
                      language: languageName(article.translationOf.language),
                    })
                  )}
                </p>
              ) : source?.originalLanguage && source.originalLanguage !== lang ? (
                <p>
                  {source.originalTitle
                    ? t('article.translatedFromOriginal', {
                        language: languageName(source.originalLanguage),
                        title: source.originalTitle,
                      })
                    : t('article.translatedFrom', {
                        language: languageName(source.originalLanguage),
                      })}
                </p>
              ) : null}
            </div>
          )}

          {article.body && <RichText data={article.body} lang={lang} className="article-body" />}

          {article.corrections.length > 0 && (
            <section
              className="corrections"
              aria-labelledby="corrections-title"
              data-testid="corrections"
            >
              <h2 id="corrections-title">{t('article.corrections')}</h2>
              <ol>
                {article.corrections.map((correction, i) => (
                  <li key={i}>
                    <time dateTime={correction.date}>{formatDate(lang, correction.date)}</time>
                    {': '}
                    {correction.text}
                  </li>
                ))}
              </ol>
            </section>
          )}

          {article.tags.length > 0 && (
            <section className="tags" aria-labelledby="tags-title">
              <h2 id="tags-title" className="tags-title">
                {t('article.tags')}
              </h2>
              <ul>
                {article.tags.map((tag) => (
                  <li key={tag.id}>
                    <a href={urls.tag(lang, tag.slug)} rel="tag">
                      {tag.name}
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          )}

          <ShareLinks
            url={url}
            title={article.title}
            labels={{
              share: t('article.share'),
              shareOn: (network) => t('article.shareOn', { network }),
              email: t('article.copyLink'),
            }}
          />
        </article>

        <aside className="article-aside" aria-labelledby="aside-new">
          <h2 id="aside-new" className="block-title">
            {t('home.newArticles')}
          </h2>
          <ol className="article-list">
            {newArticles.map((a) => (
              <li key={a.id}>
                {a.section && <span className="section-label">{a.section.name}</span>}
                <h3>
                  <a href={urls.article(lang, a.slug)}>{a.title}</a>
                </h3>
                {a.publishedAt && (
                  <time className="meta" dateTime={a.publishedAt}>
                    {formatDate(lang, a.publishedAt)}
                  </time>
                )}
              </li>
            ))}
          </ol>
        </aside>
      </div>

      {related.length > 0 && (
        <section
          className="container related"
          aria-labelledby="related-title"
          data-testid="related"
        >
          <h2 id="related-title" className="block-title">
            {t('article.related')}
          </h2>
          <div className="grid grid-4">
            {related.map((a) => (
              <ArticleCard key={a.id} article={a} minRead={minRead} />
            ))}
          </div>
        </section>
      )}
    </SiteShell>
  )
}
