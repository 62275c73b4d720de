import { FONT_SIZE_COOKIE, FONT_SIZES } from './fontSize'

/** The cookie that sends `/` to the language the reader last read in (read by `src/proxy.ts`). */
export const LOCALE_COOKIE = 'NEXT_LOCALE'

const ONE_YEAR = 60 * 60 * 24 * 365

/**
 * Inline script for the `<head>` of a page in `lang`. It holds no reader data, so the page stays
 * the same for every reader and can be cached by Next and the proxy. In the browser, before the
 * first paint, it sets `<html data-font-size>` from the reader's cookie and remembers the page's
 * language in `NEXT_LOCALE`. The server used to do both (reading the cookie, and next-intl's
 * middleware answering with `Set-Cookie`), which made every page personal: no cache may store a
 * response that sets a cookie.
 */
export const readerPreferencesScript = (lang: string) =>
  [
    '(function(){try{var d=document;',
    `var m=d.cookie.match(/(?:^|; )${FONT_SIZE_COOKIE}=(\\w+)/);`,
    `if(m&&${JSON.stringify(FONT_SIZES)}.indexOf(m[1])>=0)d.documentElement.dataset.fontSize=m[1];`,
    `if(!/(?:^|; )${LOCALE_COOKIE}=${lang}(?:;|$)/.test(d.cookie))`,
    `d.cookie="${LOCALE_COOKIE}=${lang}; path=/; max-age=${ONE_YEAR}; samesite=lax"`,
    '}catch(e){}})()',
  ].join('')
