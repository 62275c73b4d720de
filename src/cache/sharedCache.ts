/**
 * The app's side of the shared Next.js cache in Redis (src/cache/nextCacheHandler.mjs): after a
 * change has committed, its tags are marked expired there for every instance, in one command,
 * before the caching proxy is asked for the changed pages, so that the refresh (whichever
 * instance renders it) and every later read see the new state. Next's own `revalidateTag` does
 * the same through the handler, but once the response has gone and in no order with the
 * proxy's refresh. Without REDIS_URL (one instance) there is nothing to do.
 */
import { createClient } from 'redis'

import { connectWithin, redisClientOptions, sharedCacheSettings } from './sharedCacheSettings.mjs'

type Client = ReturnType<typeof createClient>

let client: Promise<Client | null> | null = null

export const sharedCacheEnabled = () => Boolean(process.env.REDIS_URL)

/** One connection per process, opened on first use; null while Redis cannot be reached. */
const connection = (): Promise<Client | null> => {
  const { url, timeoutMs } = sharedCacheSettings()
  client ??= (async () => {
    const redis = createClient(redisClientOptions(url, timeoutMs))
    redis.on('error', () => {
      // Reported where a command fails (expireSharedTags); the client reconnects by itself.
    })
    const connected = await connectWithin(redis, timeoutMs * 5)
    if (!connected) {
      client = null
      void redis.destroy()
      return null
    }
    return redis
  })()
  return client
}

/**
 * Marks `tags` expired now in the shared cache. Bounded by REDIS_TIMEOUT_MS; a failure is
 * logged, not thrown: the change is saved, and Next's own expiry follows.
 */
export const expireSharedTags = async (tags: string[]): Promise<void> => {
  if (!sharedCacheEnabled() || tags.length === 0) return
  const { revalidatedTagsKey, timeoutMs } = sharedCacheSettings()
  try {
    const redis = await connection()
    if (!redis) throw new Error('Redis is not reachable')
    const now = Date.now()
    await redis
      .withAbortSignal(AbortSignal.timeout(timeoutMs))
      .hSet(revalidatedTagsKey, Object.fromEntries(tags.map((tag) => [tag, now])))
  } catch (error) {
    console.error(
      `Could not expire ${tags.join(', ')} in the shared cache: ${(error as Error).message}`,
    )
  }
}
