import { getTranslations } from 'next-intl/server'

import type { ArticleDetail } from '@/data/articles'
import { formatDate } from '@/lib/format'
import type { Language } from '@/lib/languages'

/** The article's public corrections, oldest first; nothing when there are none. */
export async function ArticleCorrections({
  corrections,
  lang,
}: {
  corrections: ArticleDetail['corrections']
  lang: Language
}) {
  if (corrections.length === 0) return null
  const t = await getTranslations({ locale: lang })
  return (
    <section className="corrections" aria-labelledby="corrections-title" data-testid="corrections">
      <h2 id="corrections-title">{t('article.corrections')}</h2>
      <ol>
        {corrections.map((correction, i) => (
          <li key={i}>
            <time dateTime={correction.date}>{formatDate(lang, correction.date)}</time>
            {': '}
            {correction.text}
          </li>
        ))}
      </ol>
    </section>
  )
}
