import { getTranslations } from 'next-intl/server'

import type { SearchResults as Results } from '@/data/search'
import { formatDate } from '@/lib/format'
import type { Language } from '@/lib/languages'
import { urls } from '@/lib/urls'

import styles from './search.module.css'

/** The search page's words in one language (`search` in src/i18n/messages/*.json). */
type SearchWords = Awaited<ReturnType<typeof getTranslations<'search'>>>

const pageUrl = (lang: Language, q: string, page: number) =>
  `${urls.search(lang, q)}${page > 1 ? `&page=${page}` : ''}`

/** The pages to link: the first, the last, and two either side of the current one. */
const pageWindow = (page: number, totalPages: number): (number | null)[] => {
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, totalPages])]
    .filter((n) => n >= 1 && n <= totalPages)
    .sort((a, b) => a - b)
  return shown.flatMap((n, i) => (i > 0 && n - shown[i - 1] > 1 ? [null, n] : [n]))
}

type Hit = Results['hits'][number]

/** One ranked result: its highlighted title, snippet and date. */
function SearchHit({ hit, lang }: { hit: Hit; lang: Language }) {
  return (
    <li>
      <article>
        <h2>
          <a
            href={urls.article(lang, hit.slug)}
            dangerouslySetInnerHTML={{ __html: hit.titleHtml }}
          />
        </h2>
        {hit.snippetHtml && (
          <p className={styles.snippet} dangerouslySetInnerHTML={{ __html: hit.snippetHtml }} />
        )}
        {hit.publishedAt && (
          <p className={styles.meta}>
            <time dateTime={hit.publishedAt}>{formatDate(lang, hit.publishedAt)}</time>
          </p>
        )}
      </article>
    </li>
  )
}

/** The page links: previous, a window of numbered pages with gaps, next. */
function SearchPagination({
  lang,
  q,
  page,
  totalPages,
  t,
}: {
  lang: Language
  q: string
  page: number
  totalPages: number
  t: SearchWords
}) {
  return (
    <nav aria-label={t('pages')} className={styles.pagination}>
      <ul>
        {page > 1 && (
          <li>
            <a href={pageUrl(lang, q, Math.min(page - 1, totalPages))} rel="prev">
              {t('previous')}
            </a>
          </li>
        )}
        {pageWindow(page, totalPages).map((n, i) =>
          n === null ? (
            <li key={`gap-${i}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={n}>
              <a
                href={pageUrl(lang, q, n)}
                aria-current={n === page ? 'page' : undefined}
                aria-label={t('page', { page: n })}
              >
                {n}
              </a>
            </li>
          ),
        )}
        {page < totalPages && (
          <li>
            <a href={pageUrl(lang, q, page + 1)} rel="next">
              {t('next')}
            </a>
          </li>
        )}
      </ul>
    </nav>
  )
}

/**
 * The outcome of a search: the prompt when nothing was asked, the no-results state, or the
 * ranked results with their highlighted snippets and page links. `titleHtml` and `snippetHtml`
 * come HTML-escaped from src/data/search.ts with `<mark>` as their only markup.
 */
export async function SearchResults({ results }: { results: Results }) {
  const { language: lang, q, page, perPage, total, totalPages, hits } = results
  const t = await getTranslations({ locale: lang, namespace: 'search' })

  if (!q) return <p className={styles.status}>{t('prompt')}</p>
  if (total === 0) {
    return (
      <div className={styles.status} role="status">
        <p>{t('noResults', { q })}</p>
        <p>{t('tryAgain')}</p>
      </div>
    )
  }
  return (
    <>
      <p className={styles.status} role="status">
        {t('found', { count: total, q })}
        {totalPages > 1 && ` · ${t('page', { page: Math.min(page, totalPages) })}`}
      </p>
      {hits.length === 0 ? (
        <p>
          {t('pastTheEnd')} <a href={pageUrl(lang, q, 1)}>{t('firstPage')}</a>
        </p>
      ) : (
        <ol className={styles.results} start={(page - 1) * perPage + 1}>
          {hits.map((hit) => (
            <SearchHit key={hit.id} hit={hit} lang={lang} />
          ))}
        </ol>
      )}
      {totalPages > 1 && (
        <SearchPagination lang={lang} q={q} page={page} totalPages={totalPages} t={t} />
      )}
    </>
  )
}
