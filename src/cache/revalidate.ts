import { createHmac, timingSafeEqual } from 'node:crypto'

import type { CollectionConfig, RequestContext } from 'payload'

import { proxyRefreshEnabled, refreshProxy } from './proxyRefresh'
import { expireSharedTags, sharedCacheEnabled } from './sharedCache'

/** The path of the route that expires tags for work done outside a request (the jobs queue). */
export const REVALIDATE_PATH = '/next/revalidate'

/** A token only this installation can make: proves a revalidation call comes from the app. */
export const revalidateToken = () =>
  createHmac('sha256', process.env.PAYLOAD_SECRET || '')
    .update('revalidate-tags')
    .digest('hex')

export const isRevalidateToken = (value: string | null) => {
  const expected = Buffer.from(revalidateToken())
  const given = Buffer.from(value ?? '')
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/**
 * Work done outside a request (a scheduled publish fired by the jobs queue inside the server, or
 * by a separate worker) cannot call revalidateTag: Next only allows it within a request. It asks
 * the app's own route to do it instead.
 */
const revalidateOverHttp = async (tags: string[], paths: string[]) => {
  const origin = (
    process.env.INTERNAL_URL ||
    process.env.SERVER_URL ||
    'http://localhost:3000'
  ).replace(/\/$/, '')
  const response = await fetch(`${origin}${REVALIDATE_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-revalidate-token': revalidateToken() },
    body: JSON.stringify({ tags, paths }),
    signal: AbortSignal.timeout(5000),
  })
  if (!response.ok) throw new Error(`${REVALIDATE_PATH} answered ${response.status}`)
}

/**
 * Expires `tags` through Next's `revalidateTag` if this code runs inside a Next.js request
 * (a route handler, a server action, Payload's REST/GraphQL/admin routes), and says whether it
 * did.
 *
 * Next has no public API that answers "is there a request here?": its request stores
 * (`workAsyncStorage`, `workUnitAsyncStorage`) are internal, and `revalidateTag` itself throws
 * where it cannot work (no request store: a jobs queue run by the server, a worker, the seed,
 * migrations, tests on the Local API; or during a render or inside a cached function). So the
 * call is the check: this is the one place that makes it, and the only thing it catches is
 * that refusal (Next checks the same store for every tag, so it refuses the first or none).
 */
const expiredInThisRequest = async (tags: string[]): Promise<boolean> => {
  try {
    const { revalidateTag } = await import('next/cache')
    for (const tag of tags) revalidateTag(tag, { expire: 0 })
    return true
  } catch {
    return false
  }
}

/**
 * Once the current request has answered (its transaction has committed by then): `tags` expire
 * in the cache the instances share (sharedCache.ts), then the caching proxy fetches `paths`
 * again, in that order, so the refresh reads the new state whichever instance renders it.
 * Outside a request, right away.
 */
export const expireEverywhereAfterResponse = async (tags: string[], paths: string[]) => {
  if (!sharedCacheEnabled() && !(proxyRefreshEnabled() && paths.length > 0)) return
  const work = async () => {
    await expireSharedTags(tags)
    await refreshProxy(paths)
  }
  try {
    const { after } = await import('next/server')
    after(work)
  } catch {
    await work()
  }
}

/**
 * Expire cached reads by tag, and have the caching proxy fetch `paths` again
 * (`proxyRefresh.ts`). Hooks call this after a change; in this order:
 * 1. `context.disableRevalidate` (seed, importer): nothing to do;
 * 2. `context.deferredTags` / `deferredPaths` present: collected there for the caller to expire
 *    once, after its commit (`expiringOnce`; the scheduler, src/workflow/perform.ts);
 * 3. inside a Next.js request (`expiredInThisRequest`): revalidateTag, and the proxy is
 *    refreshed once the request has answered;
 * 4. in the Next server without a request (the jobs queue), or in a worker that sets
 *    REVALIDATE_OVER_HTTP=true: the app's revalidation route (`REVALIDATE_PATH`);
 * 5. elsewhere (seed, migrations, tests on the Local API): there is no cache to expire.
 */
export const revalidateTags = async (
  tags: string[],
  context?: RequestContext,
  paths: string[] = [],
): Promise<void> => {
  if (context?.disableRevalidate || tags.length === 0) return
  const unique = [...new Set(tags)]
  // The caller expires them itself once its transaction has committed (see `expiringOnce`):
  // expired before the commit, a reader's request could cache the old state again.
  if (context?.deferredTags) {
    context.deferredTags.push(...unique)
    context.deferredPaths?.push(...paths)
    return
  }
  if (await expiredInThisRequest(unique)) {
    await expireEverywhereAfterResponse(unique, paths)
    return
  }
  if (process.env.NEXT_RUNTIME === 'nodejs' || process.env.REVALIDATE_OVER_HTTP === 'true') {
    await revalidateOverHttp(unique, [...new Set(paths)]).catch((error: Error) =>
      console.error(`Could not expire cached pages (${unique.join(', ')}): ${error.message}`),
    )
  }
}

/**
 * Runs `work` (which commits its own transaction) with every expiry its hooks ask for collected,
 * then expires the union once: a bulk change of many documents on one page (a hundred comments
 * approved at once) expires each tag and refreshes each page at the proxy once, not once per
 * document. Inside another `expiringOnce`, the outer one expires.
 */
export const expiringOnce = async <T>(
  req: { context: RequestContext },
  work: () => Promise<T>,
): Promise<T> => {
  if (req.context.deferredTags) return work()
  req.context.deferredTags = []
  req.context.deferredPaths = []
  try {
    const result = await work()
    const { deferredTags: tags = [], deferredPaths: paths = [] } = req.context
    delete req.context.deferredTags
    delete req.context.deferredPaths
    await revalidateTags(tags, req.context, [...new Set(paths)])
    return result
  } finally {
    delete req.context.deferredTags
    delete req.context.deferredPaths
  }
}

type RevalidatingHooks = Required<Pick<CollectionConfig, 'hooks'>>['hooks']

/**
 * Hooks for collections whose every change is public (sections, tags, authors, pages): expire
 * `tags` after a save or a delete.
 */
export const revalidateOnChange = (tags: string[]): RevalidatingHooks => ({
  afterChange: [({ doc, context }) => revalidateTags(tags, context).then(() => doc)],
  afterDelete: [({ doc, context }) => revalidateTags(tags, context).then(() => doc)],
})
