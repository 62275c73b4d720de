import { getTranslations } from 'next-intl/server'

import { ArticleCard } from '@/components/ArticleCard'
import type { ArticleSummary } from '@/data/articles'
import type { Section } from '@/data/sections'
import type { Language } from '@/lib/languages'
import { urls } from '@/lib/urls'

/** A top-level section's block on the home page, with a link to more; nothing when empty. */
export async function SectionBlock({
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
    <section
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
        <a href={urls.section(lang, section.path)}>{t('home.more', { section: section.name })} →</a>
      </p>
    </section>
  )
}
