/**
 * Which origins may send the session cookie (Payload's `csrf`) and read the API with it from a
 * browser (`cors`), and whether the session cookie is `Secure`. Read once, when the config loads.
 */

type Env = Record<string, string | undefined>

const DEFAULT_SERVER_URL = 'http://localhost:3000'

/** `scheme://host[:port]` of a URL; a setting that is not an http(s) URL stops the start. */
const originOf = (value: string, variable: string): string => {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new Error(`${variable}: "${value}" is not a URL (expected e.g. https://news.example)`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${variable}: "${value}" is not an http(s) URL`)
  }
  return url.origin
}

/** The site's own origin, from SERVER_URL (browsers send origins without a path or a slash). */
export const siteOrigin = (env: Env = process.env): string =>
  originOf(env.SERVER_URL || DEFAULT_SERVER_URL, 'SERVER_URL')

/**
 * The site's origin and the extra ones in TRUSTED_ORIGINS (comma- or space-separated; e.g. the
 * address of a proxy in front of the app). A browser request carrying the session cookie is
 * authenticated only from one of these (Payload checks `Origin`, or `Sec-Fetch-Site` when there
 * is none); only these get CORS answers with credentials.
 */
export const trustedOrigins = (env: Env = process.env): string[] => [
  ...new Set([
    siteOrigin(env),
    ...(env.TRUSTED_ORIGINS ?? '')
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((value) => originOf(value, 'TRUSTED_ORIGINS')),
  ]),
]

const isLoopback = (hostname: string) =>
  hostname === 'localhost' ||
  hostname.endsWith('.localhost') ||
  hostname === '[::1]' ||
  /^127(\.\d{1,3}){3}$/.test(hostname)

/**
 * The session cookie is `Secure` when the site is served over https (SERVER_URL), and in
 * production on any host but the machine itself: a production site on plain http to the world
 * is a mistake, and a cookie that its browsers drop says so at once. Plain http on loopback
 * (`npm start`, the tests, docker compose on localhost) keeps working. INSECURE_COOKIES=true
 * turns it off, only to try a production build over http on another host.
 */
export const sessionCookieSecure = (env: Env = process.env): boolean => {
  if (env.INSECURE_COOKIES === 'true') return false
  const url = new URL(siteOrigin(env))
  if (url.protocol === 'https:') return true
  return env.NODE_ENV === 'production' && !isLoopback(url.hostname)
}
