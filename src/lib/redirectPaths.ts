/**
 * The addresses a redirect may hold, in one normal form, so that a row, a request and an
 * archive's old URL compare as plain strings:
 *
 * - a path on this site: it starts with one `/` (never `//` nor a backslash: those leave the
 *   site), percent-encoded the way browsers send it (`new URL` does it), no fragment, no
 *   trailing slash (but `/` itself), at most `MAX_REDIRECT_PATH` characters;
 * - a query string is kept: `/index.php?id=5` is its own source, and a target may carry one;
 * - an absolute URL (`https://host/…`): a source keeps its path and query on any host (an old
 *   site's address); a target must be on this site (`SERVER_URL`'s origin), else it is refused as
 *   external. Redirects never send readers off the site: a link elsewhere belongs in an article.
 * - Never the places the site does not serve pages at: `/api`, `/admin`, `/_next`, `/next`.
 */
import { isMalformedPath } from './malformedPath'

export const MAX_REDIRECT_PATH = 1000

/** The prefixes a redirect may not start from or lead to (the app's own machinery). */
const RESERVED = /^\/(?:api|admin|_next|_vercel|next)(?:[/?]|$)/

export type PathProblem = 'malformed' | 'external' | 'reserved'

export type NormalPath = { path: string } | { problem: PathProblem }

const isAbsolute = (value: string) => /^[a-z][a-z0-9+.-]*:/i.test(value)

/** Strips one trailing slash from the path part (not from `/` itself). */
const withoutTrailingSlash = (pathname: string) =>
  pathname.length > 1 ? pathname.replace(/\/+$/, '') || '/' : pathname

/**
 * `value` in normal form, or what is wrong with it. `role`: a source keeps the path of an
 * absolute URL on any host; a target only on `origin` (this site).
 */
export const normalizeRedirectPath = (
  value: unknown,
  role: 'from' | 'to',
  origin: string,
): NormalPath => {
  if (typeof value !== 'string') return { problem: 'malformed' }
  const raw = value.trim()
  if (!raw || raw.length > MAX_REDIRECT_PATH || /[\s\\]/.test(raw)) return { problem: 'malformed' }
  let url: URL
  if (isAbsolute(raw)) {
    try {
      url = new URL(raw)
    } catch {
      return { problem: 'malformed' }
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: 'external' }
    if (role === 'to' && url.origin !== new URL(origin).origin) return { problem: 'external' }
  } else {
    if (raw.startsWith('//')) return { problem: 'external' }
    if (!raw.startsWith('/')) return { problem: 'malformed' }
    try {
      url = new URL(raw, 'http://site.invalid')
    } catch {
      return { problem: 'malformed' }
    }
  }
  const pathname = withoutTrailingSlash(url.pathname)
  if (isMalformedPath(pathname) || pathname.includes('//')) return { problem: 'malformed' }
  const path = `${pathname}${url.search === '?' ? '' : url.search}`
  if (path.length > MAX_REDIRECT_PATH) return { problem: 'malformed' }
  if (RESERVED.test(path)) return { problem: 'reserved' }
  return { path }
}

/** The path of a normal form without its query. */
export const pathnameOf = (path: string) => path.split('?')[0] ?? path

/**
 * Where a request for `pathname` + `search` goes, given a lookup of sources: first the exact
 * path with its query (an old site's `/story.php?id=5`), then the path alone, whose target then
 * gets the request's query string (`?utm_source=…` survives the move).
 */
export const redirectTarget = (
  lookup: (from: string) => string | undefined,
  pathname: string,
  search: string,
): string | null => {
  const path = withoutTrailingSlash(pathname)
  const query = search === '?' ? '' : search
  if (query) {
    const exact = lookup(`${path}${query}`)
    if (exact) return exact
  }
  const target = lookup(path)
  if (!target) return null
  if (!query) return target
  return target.includes('?') ? `${target}&${query.slice(1)}` : `${target}${query}`
}
