// @ts-check
/**
 * Where the shared Next.js cache lives in Redis: read by the cache handler Next loads
 * (nextCacheHandler.mjs) and by the app when it expires tags after a commit (sharedCache.ts).
 * Plain JavaScript so that both can import it.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'

/** The build's id (`.next/BUILD_ID`), the same on every instance started from one build. */
const buildId = () => {
  try {
    return readFileSync(path.join(process.cwd(), '.next', 'BUILD_ID'), 'utf8').trim()
  } catch {
    return 'unknown'
  }
}

export const sharedCacheSettings = () => {
  // One build's entries: a new build gets new keys and never serves pages an older build
  // rendered (their scripts would point at chunks that no longer exist). REDIS_KEY_PREFIX
  // separates sites sharing one Redis.
  const keyPrefix = `${process.env.REDIS_KEY_PREFIX || 'newsroom'}:${buildId()}:`
  return {
    url: process.env.REDIS_URL || '',
    keyPrefix,
    /**
     * When each tag was last expired (a hash: tag → milliseconds). An entry stored before its
     * tag's time is a miss on every instance (the handler's `get` checks it); the key is the
     * handler's own (`__revalidated_tags__` after the prefix).
     */
    revalidatedTagsKey: `${keyPrefix}__revalidated_tags__`,
    /** Each Redis command's limit; a command that runs out is a cache miss. */
    timeoutMs: Number(process.env.REDIS_TIMEOUT_MS) || 1000,
  }
}

/**
 * The Redis client's options, the same for the handler and the app: bounded connects, a
 * reconnect at most every two seconds for ever, and no queue of commands while the connection is
 * down (a command then fails at once, which is a cache miss).
 * @param {string} url
 * @param {number} timeoutMs
 */
export const redisClientOptions = (url, timeoutMs) => ({
  url,
  socket: {
    connectTimeout: timeoutMs * 5,
    reconnectStrategy: (/** @type {number} */ retries) => Math.min(100 * 2 ** retries, 2000),
  },
  disableOfflineQueue: true,
})

/**
 * Connects `client`, waiting at most `ms`: whether it is connected. A client not connected by
 * then keeps trying in the background (its reconnect strategy).
 * @param {{ connect: () => Promise<unknown> }} client
 * @param {number} ms
 * @returns {Promise<boolean>}
 */
export const connectWithin = (client, ms) =>
  Promise.race([
    client.connect().then(
      () => true,
      () => false,
    ),
    new Promise((resolve) => setTimeout(() => resolve(false), ms).unref()),
  ]).then(Boolean)
