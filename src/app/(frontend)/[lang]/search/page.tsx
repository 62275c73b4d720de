import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { getTranslations } from 'next-intl/server'

import { SearchForm } from '@/components/search/SearchForm'
import { SearchResults } from '@/components/search/SearchResults'
import { SiteShell } from '@/components/SiteShell'
import { getSearchResults } from '@/data/search'
import { isLanguage } from '@/lib/languages'
import { pageLanguage } from '@/lib/params'
import { sameInAllLanguages } from '@/lib/seo'
import { urls } from '@/lib/urls'

type Props = {
  params: Promise<{ lang: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { lang } = await params
  if (!isLanguage(lang)) notFound()
  const q = first((await searchParams).q)?.trim()
  const t = await getTranslations({ locale: lang, namespace: 'search' })
  return {
    title: q ? t('title', { q }) : t('heading'),
    // Result pages are endless variations of other pages: crawlers follow them, never index them.
    robots: { index: false, follow: true },
    alternates: { canonical: urls.search(lang) },
  }
}

/** Full-text search of the published articles in the page's language. */
export default async function SearchPage({ params, searchParams }: Props) {
  const lang = await pageLanguage(params)
  const query = await searchParams
  const q = first(query.q) ?? ''
  const page = Number.parseInt(first(query.page) ?? '1', 10) || 1
  const results = await getSearchResults({ language: lang, q, page })
  const t = await getTranslations({ locale: lang, namespace: 'search' })
  return (
    <SiteShell
      lang={lang}
      alternates={sameInAllLanguages((l) => urls.search(l))}
      showSearch={false}
    >
      <div className="container narrow search-page">
        <h1>{t('heading')}</h1>
        <SearchForm lang={lang} q={results.q} />
        <SearchResults results={results} />
      </div>
    </SiteShell>
  )
}
