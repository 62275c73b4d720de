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

/**
 * A path on this site to send the editor to: one leading slash, no scheme, host or backslash,
 * so a preview link can never redirect elsewhere. Anything else is null.
 */
export const safeSitePath = (value: string | null): string | null => {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) {
    return null
  }
  try {
    const url = new URL(value, 'http://site.invalid')
    return url.origin === 'http://site.invalid' ? `${url.pathname}${url.search}` : null
  } catch {
    return null
  }
}

/** The preview link for an article, as Payload's live preview and the admin open it. */
export const articlePreviewPath = (language: string, slug: string) =>
  `/next/preview?${new URLSearchParams({
    secret: previewSecret(),
    path: `/${language}/articles/${encodeURIComponent(slug)}`,
  })}`
