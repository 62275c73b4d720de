// @ts-check
/**
 * Next.js's data cache and full-route cache in Redis, shared by every instance of the app
 * (`cacheHandler` in next.config.mjs, used only when REDIS_URL is set). A `revalidateTag` on any
 * instance deletes the tagged entries in Redis, so every instance renders the page afresh on its
 * next request: a publish expires the page everywhere.
 *
 * Through `@fortedigital/nextjs-cache-handler` (its `redis-strings` handler, with the official
 * `redis` client): the kept successor of `@neshca/cache-handler` for Next 15 and 16; 3.3.0 is
 * the first release that stores the per-segment payloads Next ≥ 16.3 asks for. It does not serve
 * `'use cache'` (`cacheHandlers`, plural), which this app does not use.
 *
 * Plain JavaScript because Next loads it at run time, outside the build.
 *
 * Bounded: each Redis command times out after REDIS_TIMEOUT_MS (default 1 s). A command that
 * fails or times out is a cache miss (the page is rendered, not served stale or hung); while
 * Redis is unreachable, nothing is cached, and the client reconnects by itself.
 */
import { CacheHandler } from '@fortedigital/nextjs-cache-handler'
import createRedisHandler from '@fortedigital/nextjs-cache-handler/redis-strings'
import { PHASE_PRODUCTION_BUILD } from 'next/constants.js'
import { createClient } from 'redis'

import { connectWithin, redisClientOptions, sharedCacheSettings } from './sharedCacheSettings.mjs'

const { url, keyPrefix, revalidatedTagsKey, timeoutMs } = sharedCacheSettings()

/**
 * The lifetime Next gave each page or route entry as it stored it (`ctx.cacheControl`: its
 * `revalidate` and `expire`), by the value stored, for the handler below to keep with the entry.
 * @type {WeakMap<object, unknown>}
 */
const cacheControlOf = new WeakMap()

/** @type {Promise<{ handlers: import('@fortedigital/nextjs-cache-handler/cache-handler.types').Handler[] }> | null} */
let configuration = null

const connect = async () => {
  const client = createClient({ ...redisClientOptions(url, timeoutMs), pingInterval: 10_000 })
  let reported = false
  client.on('error', (/** @type {Error} */ error) => {
    if (reported) return
    reported = true
    console.error(
      `Shared cache (Redis) unreachable: ${error.message}. Pages are rendered uncached meanwhile.`,
    )
  })
  client.on('ready', () => {
    if (reported) console.info('Shared cache (Redis) reachable again.')
    reported = false
  })
  // The client keeps trying in the background; the server does not wait for it past a few
  // seconds (until then, every read is a miss).
  if (!(await connectWithin(client, timeoutMs * 5))) {
    console.error('Shared cache (Redis) not connected at start: rendering uncached.')
  }
  return client
}

CacheHandler.onCreation(() => {
  // The build renders nothing into the shared cache: the running instances fill it.
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return { handlers: [] }
  configuration ??= connect().then((client) => {
    const redis = createRedisHandler({ client, keyPrefix, timeoutMs })
    return {
      handlers: [
        {
          ...redis,
          name: 'redis-strings, expiry by time',
          // Each page keeps the lifetime Next gave it (see `SharedCacheHandler`).
          set: (key, entry, ctx) =>
            redis.set(
              key,
              entry.value && cacheControlOf.has(entry.value)
                ? { ...entry, cacheControl: cacheControlOf.get(entry.value) }
                : entry,
              ctx,
            ),
          // A tag expires by its time in one hash (every instance's `get` compares the entry's
          // age with it), not by the handler's own deletion, which reads every entry's tags
          // once per tag: a publish (five tags) would scan the whole cache ten times.
          revalidateTag: async (tag) => {
            await client
              .withAbortSignal(AbortSignal.timeout(timeoutMs))
              .hSet(revalidatedTagsKey, tag, Date.now())
          },
        },
      ],
    }
  })
  return configuration
})

/**
 * The handler Next loads. It stores with each page and route entry the lifetime Next gave it,
 * and Next reads it back from the entry (`cacheData.cacheControl`, Next ≥ 16.4). Without it, an
 * instance that never rendered a dynamic route itself does not know the route's `revalidate`,
 * takes Next's default of one second, and so serves every page another instance rendered as
 * stale after a second and renders it again in the background on every such request (Next's
 * issue #72020). Such a background render that started before a publish expired the page's tags
 * stores the old text after the expiry, and it is then taken as fresh.
 */
class SharedCacheHandler extends CacheHandler {
  /** @type {CacheHandler['set']} */
  async set(key, value, ctx) {
    const cacheControl = /** @type {{ cacheControl?: unknown } | undefined} */ (ctx)?.cacheControl
    if (value && typeof value === 'object' && cacheControl) cacheControlOf.set(value, cacheControl)
    return super.set(key, value, ctx)
  }
}

export default SharedCacheHandler
