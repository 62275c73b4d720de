import { getTranslations } from 'next-intl/server'

import type { ArticleSummary } from '@/data/articles'
import { formatDate } from '@/lib/format'
import type { Language } from '@/lib/languages'
import { urls } from '@/lib/urls'

/** The article page's sidebar: the newest articles, headline and date. */
export async function NewArticlesAside({
  articles,
  lang,
}: {
  articles: ArticleSummary[]
  lang: Language
}) {
  const t = await getTranslations({ locale: lang })
  return (
    <aside className="article-aside" aria-labelledby="aside-new">
      <h2 id="aside-new" className="block-title">
        {t('home.newArticles')}
      </h2>
      <ol className="article-list">
        {articles.map((a) => (
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
  )
}
