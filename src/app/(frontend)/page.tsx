import { connection } from 'next/server'

import { getLatestArticles } from '@/data/articles'

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' })

/** Minimal home page: the latest published English articles, read through src/data. */
export default async function HomePage() {
  // Rendered per request from cached data, so a build needs no database.
  await connection()
  const articles = await getLatestArticles('en', 30)
  return (
    <>
      <header className="site-header">
        <h1>Caspian Digest</h1>
        <p className="meta">Daily news and analysis on Azerbaijan and its region</p>
      </header>
      <main>
        {articles.length === 0 ? (
          <p>No articles have been published yet.</p>
        ) : (
          <ul className="article-list">
            {articles.map((article) => (
              <li key={article.id}>
                {article.section && <span className="section-label">{article.section.name}</span>}
                <h2>{article.title}</h2>
                {article.dek && <p>{article.dek}</p>}
                <p className="meta">
                  {article.authors.length > 0 && (
                    <>By {article.authors.map((a) => a.name).join(', ')} · </>
                  )}
                  {article.publishedAt && (
                    <time dateTime={article.publishedAt}>
                      {dateFormat.format(new Date(article.publishedAt))}
                    </time>
                  )}
                  {article.readingTime ? <> · {article.readingTime} Min Read</> : null}
                </p>
              </li>
            ))}
          </ul>
        )}
      </main>
    </>
  )
}
