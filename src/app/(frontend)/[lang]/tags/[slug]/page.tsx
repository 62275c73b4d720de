import type { Metadata } from 'next'
import { connection } from 'next/server'
import { getTranslations } from 'next-intl/server'

import { ArticleCard } from '@/components/ArticleCard'
import { Pagination, paginationLabels } from '@/components/Pagination'
import { SiteShell } from '@/components/SiteShell'
import { getTagArticles } from '@/data/articles'
import { getTagBySlug } from '@/data/people'
import { notFoundOrMoved } from '@/data/redirects'
import { pageLanguage } from '@/lib/params'
import { pageMetadata, sameInAllLanguages } from '@/lib/seo'
import { urls } from '@/lib/urls'

import { LISTING_PER_PAGE, readListingPage, type ListingSearchParams } from '../../listingPage'

type Props = { params: Promise<{ lang: string; slug: string }>; searchParams: ListingSearchParams }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lang = await pageLanguage(params)
  const tag = await getTagBySlug({ language: lang, slug: decodeURIComponent((await params).slug) })
  if (!tag) return {}
  const t = await getTranslations({ locale: lang })
  return pageMetadata({
    lang,
    path: urls.tag(lang, tag.slug),
    title: t('tag.title', { name: tag.name }),
    alternates: sameInAllLanguages((l) => urls.tag(l, tag.slug)),
  })
}

/** A tag (topic): the articles in this language that carry it. */
export default async function TagPage({ params, searchParams }: Props) {
  const lang = await pageLanguage(params)
  await connection()
  const tag = await getTagBySlug({ language: lang, slug: decodeURIComponent((await params).slug) })
  if (!tag) return notFoundOrMoved(`/${lang}/tags/${(await params).slug}`)
  const { page, t, list, minRead } = await readListingPage(lang, searchParams, (page) =>
    getTagArticles({ language: lang, tagId: tag.id, page, limit: LISTING_PER_PAGE }),
  )

  return (
    <SiteShell lang={lang} alternates={sameInAllLanguages((l) => urls.tag(l, tag.slug))}>
      <div className="container">
        <header className="page-header">
          <h1>{t('tag.title', { name: tag.name })}</h1>
        </header>
        {list.docs.length === 0 ? (
          <p className="empty">{t('tag.empty')}</p>
        ) : (
          <div className="grid grid-3 listing" data-testid="listing">
            {list.docs.map((article) => (
              <ArticleCard key={article.id} article={article} headingLevel={2} minRead={minRead} />
            ))}
          </div>
        )}
        <Pagination
          basePath={urls.tag(lang, tag.slug)}
          page={page}
          totalPages={list.totalPages}
          labels={paginationLabels(t, page, list.totalPages)}
        />
      </div>
    </SiteShell>
  )
}
