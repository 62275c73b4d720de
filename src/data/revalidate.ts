import { createHmac, timingSafeEqual } from 'node:crypto'

import type { CollectionConfig, RequestContext } from 'payload'

import { refreshProxyAfterResponse } from './proxyRefresh'

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
 * Expire cached reads by tag, and have the caching proxy fetch `paths` again (src/data/
 * proxyRefresh.ts). Hooks call this after a change. Inside a Next.js request it calls
 * revalidateTag (and refreshes the proxy once the request has answered); outside one, in the
 * Next server (the jobs queue) or in a worker that sets REVALIDATE_OVER_HTTP=true, it calls the
 * app's revalidation route; elsewhere (seed, migrations, tests on the Local API) there is no
 * cache to expire. `context.disableRevalidate` skips it; `context.deferredTags` and
 * `context.deferredPaths` (arrays) collect them for the caller to expire after its commit.
 */
export const revalidateTags = async (
  tags: string[],
  context?: RequestContext,
  paths: string[] = [],
): Promise<void> => {
  if (context?.disableRevalidate || tags.length === 0) return
  const unique = [...new Set(tags)]
  let inRequest = false
  try {
    const { revalidateTag } = await import('next/cache')
    for (const tag of unique) revalidateTag(tag, { expire: 0 })
    inRequest = true
  } catch {
    // Not inside a Next.js request.
  }
  if (inRequest) {
    await refreshProxyAfterResponse(paths)
    return
  }
  // The caller expires them itself once its transaction has committed (see performTransition):
  // expired before the commit, a reader's request could cache the old state again.
  if (Array.isArray(context?.deferredTags)) {
    ;(context.deferredTags as string[]).push(...unique)
    if (Array.isArray(context.deferredPaths)) (context.deferredPaths as string[]).push(...paths)
    return
  }
  if (process.env.NEXT_RUNTIME === 'nodejs' || process.env.REVALIDATE_OVER_HTTP === 'true') {
    await revalidateOverHttp(unique, [...new Set(paths)]).catch((error: Error) =>
      console.error(`Could not expire cached pages (${unique.join(', ')}): ${error.message}`),
    )
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
