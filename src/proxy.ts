import createMiddleware from 'next-intl/middleware'
import type { NextRequest } from 'next/server'

import { routing } from './i18n/routing'
import { LOCALE_COOKIE } from './lib/readerPreferences'

const handleI18nRouting = createMiddleware(routing)

/**
 * Sends readers of `/` (and any unprefixed public path) to their language: the `NEXT_LOCALE`
 * cookie, then Accept-Language, then English.
 *
 * Pages themselves never set a cookie: next-intl would answer a page in another language than the
 * reader's Accept-Language with `Set-Cookie: NEXT_LOCALE=…`, and no cache (Next's or the proxy's)
 * may store or share such a response. The page's head script remembers the language in the
 * browser instead (`src/lib/readerPreferences.ts`); redirects keep next-intl's cookie.
 */
export default function proxy(request: NextRequest) {
  const response = handleI18nRouting(request)
  if (response.headers.has('location')) return response
  const { headers } = response
  const kept = headers.getSetCookie().filter((cookie) => !cookie.startsWith(`${LOCALE_COOKIE}=`))
  // `x-middleware-set-cookie` hands the same cookies to the render; it goes with them.
  headers.delete('set-cookie')
  headers.delete('x-middleware-set-cookie')
  for (const cookie of kept) headers.append('set-cookie', cookie)
  if (kept.length > 0) headers.set('x-middleware-set-cookie', kept.join(','))
  return response
}

export const config = {
  // Public pages only: not the admin, the APIs, Next's own files, the preview routes, sitemaps,
  // robots or any file with an extension.
  matcher: ['/((?!api|admin|_next|_vercel|next|sitemap|sitemaps|robots|.*\\..*).*)'],
}
