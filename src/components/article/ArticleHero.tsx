import { getTranslations } from 'next-intl/server'

import { Img } from '@/components/Img'
import type { ArticleDetail } from '@/data/articles'
import type { Language } from '@/lib/languages'

/**
 * The hero image with its caption and credit; nothing without one. The alt text and caption are
 * the article's, in its language (src/data/shapes.ts `toHero`); the credit is the image's.
 */
export async function ArticleHero({ article, lang }: { article: ArticleDetail; lang: Language }) {
  const { hero } = article
  if (!hero) return null
  const t = await getTranslations({ locale: lang })
  return (
    <figure className="hero">
      <Img
        src={hero.url}
        width={hero.width}
        height={hero.height}
        alt={hero.alt}
        sizes="(min-width: 1100px) 760px, 100vw"
        priority
      />
      {(hero.caption || hero.credit) && (
        <figcaption>
          {hero.caption}
          {hero.credit && (
            <span className="credit"> {t('article.photo', { credit: hero.credit })}</span>
          )}
        </figcaption>
      )}
    </figure>
  )
}
