import { getTranslations } from 'next-intl/server'

import { ArticleCard } from '@/components/ArticleCard'
import type { ArticleSummary } from '@/data/articles'
import { formatDate } from '@/lib/format'
import type { Language } from '@/lib/languages'
import { urls } from '@/lib/urls'

/** The top of the home page: the lead story, the next top stories and the newest headlines. */
export async function HomeTop({
  lang,
  lead,
  topStories,
  newArticles,
}: {
  lang: Language
  lead: ArticleSummary
  topStories: ArticleSummary[]
  newArticles: ArticleSummary[]
}) {
  const t = await getTranslations({ locale: lang })
  const minRead = (minutes: number) => t('article.minRead', { minutes })
  return (
    <div className="home-top">
      <section className="home-lead" aria-labelledby="lead-title">
        <h2 id="lead-title" className="visually-hidden">
          {t('home.lead')}
        </h2>
        <ArticleCard article={lead} variant="lead" headingLevel={3} minRead={minRead} priority />
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
                <a className="section-label" href={urls.section(lang, article.section.path)}>
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
  )
}
