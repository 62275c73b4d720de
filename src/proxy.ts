import { NextResponse, type NextRequest } from 'next/server'
import createMiddleware from 'next-intl/middleware'

import { routing } from './i18n/routing'
import { isMalformedPath, malformedPathMessage } from './lib/malformedPath'

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
 *
 * It also sees every path with a `%` in it, to answer one that does not decode with a 400 (Next
 * would answer it with a 500); any other such path passes through untouched.
 */
const languageRedirects = createMiddleware(routing)

/** The paths of the first matcher below: where the language redirects apply. */
const REDIRECTED =
  /^\/(?!(?:en|az|ru)(?:\/|$)|api|admin|_next|_vercel|next|sitemap|sitemaps|robots|.*\..*)/

export default function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl
  if (isMalformedPath(pathname)) {
    return Response.json({ errors: [{ message: malformedPathMessage }] }, { status: 400 })
  }
  if (!REDIRECTED.test(pathname)) return NextResponse.next()
  return languageRedirects(request)
}

export const config = {
  // Not the language-prefixed pages, the admin, the APIs, Next's own files, the preview and
  // internal routes, sitemaps, robots or any file with an extension; and any path with a `%`.
  matcher: [
    '/((?!(?:en|az|ru)(?:/|$)|api|admin|_next|_vercel|next|sitemap|sitemaps|robots|.*\\..*).*)',
    '/(.*%.*)',
  ],
}
