import { getTranslations } from 'next-intl/server'

import type { ArticleDetail } from '@/data/articles'
import type { Language } from '@/lib/languages'
import { urls } from '@/lib/urls'

/** Links to the article's tags; nothing when it has none. */
export async function ArticleTags({ tags, lang }: { tags: ArticleDetail['tags']; lang: Language }) {
  if (tags.length === 0) return null
  const t = await getTranslations({ locale: lang })
  return (
    <section className="tags" aria-labelledby="tags-title">
      <h2 id="tags-title" className="tags-title">
        {t('article.tags')}
      </h2>
      <ul>
        {tags.map((tag) => (
          <li key={tag.id}>
            <a href={urls.tag(lang, tag.slug)} rel="tag">
              {tag.name}
            </a>
          </li>
        ))}
      </ul>
    </section>
  )
}
