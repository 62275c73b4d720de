import 'server-only'

import { cacheTags } from '@/cache/tags'
import { drizzleOf } from '@/db/client'
import { HIGHLIGHT_START, HIGHLIGHT_STOP, searchArticles } from '@/db/search'
import type { Language } from '@/lib/languages'

import { cached } from './cached'
import { getPayloadClient } from './payload'

export const SEARCH_PER_PAGE = 10
const MAX_PER_PAGE = 50
const MAX_QUERY_LENGTH = 200

export type SearchParams = {
  language: Language
  q: string | null | undefined
  page?: number
  perPage?: number
}

export type SearchHit = {
  id: number
  slug: string
  publishedAt: string | null
  /** The title, HTML-escaped, with the matched words in `<mark>`. */
  titleHtml: string
  /** A passage or two of the dek and body, HTML-escaped, with the matched words in `<mark>`. */
  snippetHtml: string
}

export type SearchResults = {
  language: Language
  /** The query as searched (trimmed, spaces collapsed); empty when there was nothing to search. */
  q: string
  page: number
  perPage: number
  total: number
  totalPages: number
  hits: SearchHit[]
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Escapes a ts_headline result for HTML and turns its match markers into `<mark>`. */
export const markedToHtml = (marked: string): string =>
  marked
    .replace(/[&<>"']/g, (char) => HTML_ESCAPES[char])
    .replaceAll(HIGHLIGHT_START, '<mark>')
    .replaceAll(HIGHLIGHT_STOP, '</mark>')

type NormalizedSearch = { language: Language; q: string; page: number; perPage: number }

/** Normalises what a reader typed and the paging, within bounds. */
export const normalizeSearch = ({ language, q, page, perPage }: SearchParams): NormalizedSearch => {
  const query = (q ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH)
  const size = Math.min(Math.max(Math.trunc(perPage ?? SEARCH_PER_PAGE) || 1, 1), MAX_PER_PAGE)
  const pageNumber = Math.max(Math.trunc(page ?? 1) || 1, 1)
  return { language, q: query, page: pageNumber, perPage: size }
}

const noResults = (search: NormalizedSearch): SearchResults => ({
  ...search,
  total: 0,
  totalPages: 0,
  hits: [],
})

const cachedSearch = cached(
  'search-articles',
  async (search: NormalizedSearch): Promise<SearchResults> => {
    const { language, q, page, perPage } = search
    const db = drizzleOf(await getPayloadClient())
    const { total, hits } = await searchArticles(db, {
      language,
      q,
      limit: perPage,
      offset: (page - 1) * perPage,
    })
    return {
      ...noResults(search),
      total,
      totalPages: Math.ceil(total / perPage),
      hits: hits.map(({ titleMarked, snippetMarked, ...hit }) => ({
        ...hit,
        titleHtml: markedToHtml(titleMarked),
        snippetHtml: markedToHtml(snippetMarked),
      })),
    }
  },
  ({ language }) => [cacheTags.search, cacheTags.articles, cacheTags.articlesIn(language)],
)

/**
 * Full-text search of the published articles of one language (src/db/search.ts), cached per
 * normalised query and page under the article tags, which publishing and unpublishing expire.
 * Nothing to search (an empty query) answers no results without a read.
 */
export const getSearchResults = async (params: SearchParams): Promise<SearchResults> => {
  const search = normalizeSearch(params)
  return search.q ? cachedSearch(search) : noResults(search)
}
