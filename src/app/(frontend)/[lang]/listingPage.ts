import { notFound } from 'next/navigation'
import { getTranslations } from 'next-intl/server'

import { pageParam } from '@/components/Pagination'
import type { Language } from '@/lib/languages'

/** The query string of a paginated listing page. */
export type ListingSearchParams = Promise<{ page?: string | string[] }>

/** How many articles a listing page (section, author, tag) shows. */
export const LISTING_PER_PAGE = 12

/**
 * What a paginated listing page (section, author, tag) reads: the page asked for (`?page=`), the
 * translations and that page of the list, together. A page past the last is a 404.
 */
export const readListingPage = async <List extends { totalPages: number }>(
  lang: Language,
  searchParams: ListingSearchParams,
  load: (page: number) => Promise<List>,
) => {
  const page = pageParam((await searchParams).page)
  const [t, list] = await Promise.all([getTranslations({ locale: lang }), load(page)])
  if (page > 1 && page > list.totalPages) notFound()
  const minRead = (minutes: number) => t('article.minRead', { minutes })
  return { page, t, list, minRead }
}
