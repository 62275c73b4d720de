import { getTranslations } from 'next-intl/server'

import { ArticleCard } from '@/components/ArticleCard'
import type { ArticleSummary } from '@/data/articles'
import type { Section } from '@/data/sections'
import type { Language } from '@/lib/languages'
import { urls } from '@/lib/urls'

/**
 * A top-level section on the home page: a block with a link to more, or (`strip`, opinion and
 * interviews) a strip of its own whose cards leave out the section. Nothing when it is empty.
 */
export async function SectionBlock({
  lang,
  section,
  articles,
  strip = false,
}: {
  lang: Language
  section: Section
  articles: ArticleSummary[]
  strip?: boolean
}) {
  if (articles.length === 0) return null
  const t = await getTranslations({ locale: lang })
  const minRead = (minutes: number) => t('article.minRead', { minutes })
  const titleId = `${strip ? 'strip' : 'block'}-${section.slug}`
  return (
    <section
      className={strip ? `strip strip-${section.slug}` : 'section-block'}
      aria-labelledby={titleId}
      data-section={strip ? undefined : section.slug}
    >
      <h2 id={titleId} className="block-title">
        <a href={urls.section(lang, section.path)}>{section.name}</a>
      </h2>
      <div className="grid grid-4">
        {articles.map((article) => (
          <ArticleCard key={article.id} article={article} minRead={minRead} showSection={!strip} />
        ))}
      </div>
      {!strip && (
        <p className="more">
          <a href={urls.section(lang, section.path)}>
            {t('home.more', { section: section.name })} →
          </a>
        </p>
      )}
    </section>
  )
}
