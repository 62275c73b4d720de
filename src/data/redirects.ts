import 'server-only'

import { notFound, permanentRedirect } from 'next/navigation'

import { cacheTags } from '@/cache/tags'
import { drizzleOf } from '@/db/client'
import { redirectFrom } from '@/db/redirects'

import { cached } from './cached'
import { getPayloadClient } from './payload'

/**
 * Where the `redirects` table sends `path` (an address in the normal form of
 * src/lib/redirectPaths.ts, without its query), or null. Cached under the `redirects` tag, which
 * every write of the table expires (src/collections/Redirects/hooks/): a page that answered 404
 * read it, so its cached 404 is rendered again when a redirect is written, and a cached 308 when
 * one is removed.
 */
export const getRedirect = cached(
  'redirect',
  async ({ path }: { path: string }): Promise<string | null> =>
    redirectFrom(drizzleOf(await getPayloadClient()), path),
  () => [cacheTags.redirects],
)

/**
 * What a `[lang]` page or route does where it would answer 404: a `308` to where the redirects
 * send `path` (`permanentRedirect`; nginx turns it into the `301` readers get, with the
 * request's query string appended: deploy/nginx.conf), else the 404. Only the address that is
 * not a page pays the lookup; a page that exists never reads the table.
 *
 * `path` is the address as the page knows it from its params (still percent-encoded, as the
 * table holds it). The query string is not part of it: a cached (ISR) page cannot see it, so
 * Next alone answers the target without the request's query and nginx adds it.
 */
export const notFoundOrMoved = async (path: string): Promise<never> => {
  const target = await movedTarget(path)
  if (target) permanentRedirect(target)
  notFound()
}

/** The target of `path` on the not-found path (route handlers answer it by hand), or null. */
export const movedTarget = (path: string): Promise<string | null> => {
  const pathname = path.split('?')[0] ?? path
  return getRedirect({ path: pathname.length > 1 ? pathname.replace(/\/+$/, '') || '/' : pathname })
}
