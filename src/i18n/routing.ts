import { defineRouting } from 'next-intl/routing'

import { DEFAULT_LANGUAGE, LANGUAGES } from '@/lib/languages'
import { LOCALE_COOKIE } from '@/lib/readerPreferences'

/**
 * Language routing for the public site (next-intl). Every language is prefixed (`/en`, `/az`,
 * `/ru`, as `src/lib/urls.ts` builds paths); `/` and unprefixed paths go to the reader's language
 * from the `NEXT_LOCALE` cookie, then Accept-Language, then English. hreflang links are written by
 * each page's metadata (article slugs differ per language), so the proxy adds none. The cookie is
 * read here and written by the page's head script (`src/lib/readerPreferences.ts`), never by a
 * page response, so pages can be cached (`src/proxy.ts`).
 */
export const routing = defineRouting({
  locales: LANGUAGES,
  defaultLocale: DEFAULT_LANGUAGE,
  localePrefix: 'always',
  alternateLinks: false,
  localeCookie: { name: LOCALE_COOKIE, sameSite: 'lax', maxAge: 60 * 60 * 24 * 365 },
})
