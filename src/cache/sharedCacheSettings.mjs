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
