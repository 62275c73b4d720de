import { getTranslations } from 'next-intl/server'

import { ArticleCard } from '@/components/ArticleCard'
import type { ArticleSummary } from '@/data/articles'
import type { Language } from '@/lib/languages'

/** "You might also like" under the article; nothing when there is nothing to show. */
export async function RelatedArticles({
  articles,
  lang,
}: {
  articles: ArticleSummary[]
  lang: Language
}) {
  if (articles.length === 0) return null
  const t = await getTranslations({ locale: lang })
  const minRead = (minutes: number) => t('article.minRead', { minutes })
  return (
    <section className="container related" aria-labelledby="related-title" data-testid="related">
      <h2 id="related-title" className="block-title">
        {t('article.related')}
      </h2>
      <div className="grid grid-4">
        {articles.map((a) => (
          <ArticleCard key={a.id} article={a} minRead={minRead} />
        ))}
      </div>
    </section>
  )
}
