import createMiddleware from 'next-intl/middleware'

import { routing } from './i18n/routing'

/**
 * Sends readers of `/` (and any unprefixed public path) to their language: the `NEXT_LOCALE`
 * cookie, then Accept-Language, then English.
 *
 * Only those redirects run it. Pages under `/en`, `/az` and `/ru` do not: each sets its language
 * from its `[lang]` segment (`pageLanguage`), and next-intl's middleware would answer them with
 * `Set-Cookie: NEXT_LOCALE=…` whenever the page's language differs from the reader's
 * Accept-Language, a response no cache (Next's or the proxy's) may store or share, and would
 * cost every cached page a pass through the middleware. The page's head script remembers the
 * language in the browser instead (`src/lib/readerPreferences.ts`).
 */
export default createMiddleware(routing)

export const config = {
  // Not the language-prefixed pages, the admin, the APIs, Next's own files, the preview and
  // internal routes, sitemaps, robots or any file with an extension.
  matcher: [
    '/((?!(?:en|az|ru)(?:/|$)|api|admin|_next|_vercel|next|sitemap|sitemaps|robots|.*\\..*).*)',
  ],
}
