import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'

import { SiteShell } from '@/components/SiteShell'
import { getCorrections } from '@/data/articles'
import { formatDate } from '@/lib/format'
import { pageLanguage } from '@/lib/params'
import { pageMetadata, sameInAllLanguages } from '@/lib/seo'
import { urls } from '@/lib/urls'

type Props = { params: Promise<{ lang: string }> }

/**
 * Cached by Next (ISR): nothing is rendered at build time (no database needed), each URL is
 * rendered on its first request and kept until a cache tag it read is expired by a change
 * (`src/cache/revalidate.ts`), or after an hour at most. Draft mode bypasses the cache.
 */
export const revalidate = 3600
export const generateStaticParams = async () => []

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lang = await pageLanguage(params)
  const t = await getTranslations({ locale: lang })
  return pageMetadata({
    lang,
    path: urls.corrections(lang),
    title: t('corrections.title'),
    description: t('corrections.intro'),
    alternates: sameInAllLanguages(urls.corrections),
  })
}

/** Every correction made to a published article in this language, newest first. */
export default async function CorrectionsPage({ params }: Props) {
  const lang = await pageLanguage(params)
  const [t, corrections] = await Promise.all([
    getTranslations({ locale: lang }),
    getCorrections({ language: lang }),
  ])
  return (
    <SiteShell lang={lang} alternates={sameInAllLanguages(urls.corrections)}>
      <div className="container narrow">
        <header className="page-header">
          <h1>{t('corrections.title')}</h1>
          <p className="page-intro">{t('corrections.intro')}</p>
        </header>
        {corrections.length === 0 ? (
          <p className="empty">{t('corrections.empty')}</p>
        ) : (
          <ol className="corrections-list" data-testid="corrections-list">
            {corrections.map((entry, i) => (
              <li key={`${entry.article.id}-${i}`}>
                <p className="meta">
                  <time dateTime={entry.date}>{formatDate(lang, entry.date)}</time>
                </p>
                <h2>
                  <span className="visually-hidden">{t('corrections.on')} </span>
                  <a href={urls.article(entry.article.language, entry.article.slug)}>
                    {entry.article.title}
                  </a>
                </h2>
                <p>{entry.text}</p>
              </li>
            ))}
          </ol>
        )}
      </div>
    </SiteShell>
  )
}
