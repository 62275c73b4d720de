import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'

import { ArticleCard } from '@/components/ArticleCard'
import { SiteShell } from '@/components/SiteShell'
import { getLatestArticles, getSectionBlocks } from '@/data/articles'
import { getSections } from '@/data/sections'
import { getSiteSettings } from '@/data/site'
import { formatDate } from '@/lib/format'
import { pageLanguage } from '@/lib/params'
import { pageMetadata, sameInAllLanguages } from '@/lib/seo'
import { urls } from '@/lib/urls'

type Props = { params: Promise<{ lang: string }> }

/**
 * Cached by Next (ISR): nothing is rendered at build time (no database needed), each URL is
 * rendered on its first request and kept until a cache tag it read is expired by a change
 * (`src/data/revalidate.ts`), or after an hour at most. Draft mode bypasses the cache.
 */
export const revalidate = 3600
export const generateStaticParams = async () => []

/** Sections with a strip of their own instead of a block. */
const STRIPS = ['opinion', 'interview']

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lang = await pageLanguage(params)
  const settings = await getSiteSettings({ language: lang })
  return {
    ...pageMetadata({
      lang,
      path: urls.home(lang),
      title: settings.siteName,
      description: settings.tagline,
      alternates: sameInAllLanguages(urls.home),
    }),
    title: { absolute: settings.siteName },
  }
}

export default async function HomePage({ params }: Props) {
  const lang = await pageLanguage(params)
  const [t, latest, sections] = await Promise.all([
    getTranslations({ locale: lang }),
    getLatestArticles({ language: lang, limit: 30 }),
    getSections({ language: lang }),
  ])
  const minRead = (minutes: number) => t('article.minRead', { minutes })
  const topSections = sections.filter((s) => s.parentId === null)
  const blockSections = topSections.filter((s) => !STRIPS.includes(s.slug))
  const sectionIds = (id: number) => [
    id,
    ...sections.filter((s) => s.parentId === id).map((s) => s.id),
  ]
  const stripSections = STRIPS.map((slug) => topSections.find((s) => s.slug === slug) ?? null)
  const listed = [...blockSections, ...stripSections.filter((s) => s !== null)]
  // Every block's articles in one read.
  const lists = await getSectionBlocks({
    language: lang,
    blocks: listed.map((s) => sectionIds(s.id)),
    perSection: 4,
  })
  const articlesOf = (id: number) => lists[listed.findIndex((s) => s.id === id)] ?? []
  const blocks = blockSections.map((section) => ({ section, articles: articlesOf(section.id) }))
  const strips = stripSections.map((section) =>
    section ? { section, articles: articlesOf(section.id) } : null,
  )

  const [lead, ...rest] = latest
  const topStories = rest.slice(0, 4)
  const newArticles = latest.slice(0, 10)

  return (
    <SiteShell lang={lang} alternates={sameInAllLanguages(urls.home)} isHome>
      <div className="container">
        {!lead ? (
          <p className="empty">{t('home.empty')}</p>
        ) : (
          <>
            <div className="home-top">
              <section className="home-lead" aria-labelledby="lead-title">
                <h2 id="lead-title" className="visually-hidden">
                  {t('home.lead')}
                </h2>
                <ArticleCard
                  article={lead}
                  variant="lead"
                  headingLevel={3}
                  minRead={minRead}
                  priority
                />
                <div className="home-latest" data-testid="latest">
                  <h2 className="block-title">{t('home.latest')}</h2>
                  <div className="grid grid-2">
                    {topStories.map((article) => (
                      <ArticleCard key={article.id} article={article} minRead={minRead} />
                    ))}
                  </div>
                </div>
              </section>
              <aside className="new-articles" aria-labelledby="new-articles-title">
                <h2 id="new-articles-title" className="block-title">
                  {t('home.newArticles')}
                </h2>
                <ol className="article-list" data-testid="new-articles">
                  {newArticles.map((article) => (
                    <li key={article.id}>
                      {article.section && (
                        <a
                          className="section-label"
                          href={urls.section(lang, article.section.path)}
                        >
                          {article.section.name}
                        </a>
                      )}
                      <h3>
                        <a href={urls.article(lang, article.slug)}>{article.title}</a>
                      </h3>
                      {article.publishedAt && (
                        <time className="meta" dateTime={article.publishedAt}>
                          {formatDate(lang, article.publishedAt)}
                        </time>
                      )}
                    </li>
                  ))}
                </ol>
              </aside>
            </div>

            {strips.map((strip) =>
              strip && strip.articles.length > 0 ? (
                <section
                  key={strip.section.id}
                  className={`strip strip-${strip.section.slug}`}
                  aria-labelledby={`strip-${strip.section.slug}`}
                >
                  <h2 id={`strip-${strip.section.slug}`} className="block-title">
                    <a href={urls.section(lang, strip.section.path)}>{strip.section.name}</a>
                  </h2>
                  <div className="grid grid-4">
                    {strip.articles.map((article) => (
                      <ArticleCard
                        key={article.id}
                        article={article}
                        minRead={minRead}
                        showSection={false}
                      />
                    ))}
                  </div>
                </section>
              ) : null,
            )}

            {blocks
              .filter((block) => block.articles.length > 0)
              .map(({ section, articles }) => (
                <section
                  key={section.id}
                  className="section-block"
                  aria-labelledby={`block-${section.slug}`}
                  data-section={section.slug}
                >
                  <h2 id={`block-${section.slug}`} className="block-title">
                    <a href={urls.section(lang, section.path)}>{section.name}</a>
                  </h2>
                  <div className="grid grid-4">
                    {articles.map((article) => (
                      <ArticleCard key={article.id} article={article} minRead={minRead} />
                    ))}
                  </div>
                  <p className="more">
                    <a href={urls.section(lang, section.path)}>
                      {t('home.more', { section: section.name })} →
                    </a>
                  </p>
                </section>
              ))}
          </>
        )}
      </div>
    </SiteShell>
  )
}
