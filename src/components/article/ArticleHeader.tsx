import { getTranslations } from 'next-intl/server'

import type { ArticleDetail } from '@/data/articles'
import { formatDate } from '@/lib/format'
import type { Language } from '@/lib/languages'
import { urls } from '@/lib/urls'

/** Section, headline, dek, byline, dates and reading time. */
export async function ArticleHeader({ article, lang }: { article: ArticleDetail; lang: Language }) {
  const t = await getTranslations({ locale: lang })
  return (
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
        {article.readingTime ? (
          <span>{t('article.minRead', { minutes: article.readingTime })}</span>
        ) : null}
      </p>
    </header>
  )
}
