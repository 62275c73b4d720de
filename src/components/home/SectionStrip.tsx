import { getTranslations } from 'next-intl/server'

import { ArticleCard } from '@/components/ArticleCard'
import type { ArticleSummary } from '@/data/articles'
import type { Section } from '@/data/sections'
import type { Language } from '@/lib/languages'
import { urls } from '@/lib/urls'

/** A section shown as a strip of its own (opinion, interviews); nothing when it is empty. */
export async function SectionStrip({
  lang,
  section,
  articles,
}: {
  lang: Language
  section: Section
  articles: ArticleSummary[]
}) {
  if (articles.length === 0) return null
  const t = await getTranslations({ locale: lang })
  const minRead = (minutes: number) => t('article.minRead', { minutes })
  return (
    <section className={`strip strip-${section.slug}`} aria-labelledby={`strip-${section.slug}`}>
      <h2 id={`strip-${section.slug}`} className="block-title">
        <a href={urls.section(lang, section.path)}>{section.name}</a>
      </h2>
      <div className="grid grid-4">
        {articles.map((article) => (
          <ArticleCard key={article.id} article={article} minRead={minRead} showSection={false} />
        ))}
      </div>
    </section>
  )
}
