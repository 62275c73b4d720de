import createMiddleware from 'next-intl/middleware'

import { routing } from './i18n/routing'

/** Sends readers of `/` (and any unprefixed public path) to their language. */
export default createMiddleware(routing)

export const config = {
  // Public pages only: not the admin, the APIs, Next's own files, the preview routes, sitemaps,
  // robots or any file with an extension.
  matcher: ['/((?!api|admin|_next|_vercel|next|sitemap|sitemaps|robots|.*\\..*).*)'],
}
