import { hasLocale } from 'next-intl'
import { getRequestConfig } from 'next-intl/server'

import { routing } from './routing'

/** UI strings of the public site, per request language. */
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale
  return {
    locale,
    timeZone: 'UTC',
    messages: (await import(`./messages/${locale}.json`)).default,
  }
})

/**
 * The site's messages typed from the English file: `t('search.found')` with a key that English
 * does not have fails `tsc` (az and ru are checked key for key by tests/int/site-messages).
 */
declare module 'next-intl' {
  interface AppConfig {
    Messages: typeof import('./messages/en.json')
  }
}
