import { timingSafeEqual } from 'node:crypto'

/** The secret the admin's preview links carry (PREVIEW_SECRET); previews are off without it. */
export const previewSecret = () => process.env.PREVIEW_SECRET || ''

export const isPreviewSecret = (given: string | null): boolean => {
  const expected = previewSecret()
  if (!expected || !given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** Where a preview may send the editor: a path on this site only (the one rule in `safeUrl`). */
export { safeSitePath } from './safeUrl'

/** The preview link for an article, as Payload's live preview and the admin open it. */
export const articlePreviewPath = (language: string, slug: string) =>
  `/next/preview?${new URLSearchParams({
    secret: previewSecret(),
    path: `/${language}/articles/${encodeURIComponent(slug)}`,
  })}`
