import { NextResponse, type NextRequest } from 'next/server'
import createMiddleware from 'next-intl/middleware'

import { redirectSnapshot } from './db/redirectSnapshot'
import { routing } from './i18n/routing'
import { isMalformedPath, malformedPathMessage } from './lib/malformedPath'
import { redirectTarget } from './lib/redirectPaths'

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
 *
 * Redirects (the `redirects` collection) from an old site's addresses (`/2019/05/story.html`,
 * `/index.php?id=5`, any path outside the language prefixes) are answered here too: looked up in
 * this process's snapshot of the table (src/db/redirectSnapshot.ts: a map in memory, its version
 * checked at most once a second), a source answers `301` with the target (the request's query
 * string kept). Those paths are never pages. Addresses under `/en`, `/az` and `/ru` do not come
 * here: their page looks the redirect up where it would answer 404 (`notFoundOrMoved`,
 * src/data/redirects.ts), so a page that exists pays nothing for the redirects.
 */
const languageRedirects = createMiddleware(routing)

/** The paths of the first matcher below: where the language redirects apply. */
const REDIRECTED =
  /^\/(?!(?:en|az|ru)(?:\/|$)|api|admin|_next|_vercel|next|sitemap|sitemaps|robots|.*\..*)/

export default async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl
  if (isMalformedPath(pathname)) {
    return Response.json({ errors: [{ message: malformedPathMessage }] }, { status: 400 })
  }
  if (!LOOKED_UP.test(pathname)) return NextResponse.next()
  const moved = await movedTo(request)
  if (moved) return moved
  if (!REDIRECTED.test(pathname)) return NextResponse.next()
  return languageRedirects(request)
}

/**
 * The paths of the first matcher below, where a redirect is looked up here: the language pages
 * look theirs up themselves, and the app's own paths are no redirect's source
 * (src/lib/redirectPaths.ts).
 */
const LOOKED_UP =
  /^\/(?!(?:en|az|ru)(?:\/|$)|(?:api|admin|_next|_vercel|next|sitemap|sitemaps)(?:\/|$)|robots\.txt$)/

/** A 301 to where the `redirects` table sends this address, or null. */
const movedTo = async (request: NextRequest): Promise<NextResponse | null> => {
  const snapshot = redirectSnapshot()
  if (!snapshot) return null
  const redirects = await snapshot.current()
  if (redirects.size === 0) return null
  const { pathname, search } = request.nextUrl
  const target = redirectTarget((from) => redirects.get(from), pathname, search)
  if (!target) return null
  // Next wants an absolute Location here and sends it relative when it is on the request's own
  // origin (as the reader reached the site). Browsers must not keep it (without a
  // Cache-Control they keep a 301 for good): a redirect may be removed when a slug is given back,
  // and a browser holding the old 301 would then loop. nginx keeps it its usual second.
  const response = NextResponse.redirect(new URL(target, request.nextUrl), 301)
  response.headers.set('Cache-Control', 'public, max-age=0, must-revalidate')
  return response
}

export const config = {
  // Not the language-prefixed pages, the admin, the APIs, Next's own files, the preview and
  // internal routes, sitemaps or robots (an old site's `.html` addresses do come here: redirect
  // sources); and any path with a `%` (to refuse one that does not decode).
  matcher: [
    '/((?!(?:en|az|ru)(?:/|$)|api|admin|_next|_vercel|next|sitemap|sitemaps|robots).*)',
    '/(.*%.*)',
  ],
}
