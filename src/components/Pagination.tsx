/** Previous / next links between the pages of a list (`?page=N`). */
export function Pagination({
  basePath,
  page,
  totalPages,
  labels,
}: {
  basePath: string
  page: number
  totalPages: number
  labels: { label: string; previous: string; next: string; page: string }
}) {
  if (totalPages <= 1) return null
  const href = (n: number) => (n <= 1 ? basePath : `${basePath}?page=${n}`)
  return (
    <nav className="pagination" aria-label={labels.label}>
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev">
          ← {labels.previous}
        </a>
      ) : (
        <span />
      )}
      <span aria-current="page">{labels.page}</span>
      {page < totalPages ? (
        <a href={href(page + 1)} rel="next">
          {labels.next} →
        </a>
      ) : (
        <span />
      )}
    </nav>
  )
}

/** Any translator of the site's messages (`getTranslations()`), which knows the pagination's keys. */
type Translate = (
  key: 'pagination.label' | 'pagination.previous' | 'pagination.next' | 'pagination.page',
  values?: Record<string, number>,
) => string

/** The pagination's words in the page's language, from the site's messages. */
export const paginationLabels = (t: Translate, page: number, totalPages: number) => ({
  label: t('pagination.label'),
  previous: t('pagination.previous'),
  next: t('pagination.next'),
  page: t('pagination.page', { page, total: totalPages }),
})

/** The page number from `?page=`; anything but a positive integer is page 1. */
export const pageParam = (value: string | string[] | undefined): number => {
  const n = Number(Array.isArray(value) ? value[0] : value)
  return Number.isInteger(n) && n > 0 && n < 10_000 ? n : 1
}
