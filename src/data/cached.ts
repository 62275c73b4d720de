import 'server-only'

import { unstable_cache } from 'next/cache'
import { cache } from 'react'

import { adapterOf } from '@/db/client'
import { withFreshReads } from '@/db/replica'

import { getPayloadClient } from './payload'

/** What a read's arguments may hold: plain JSON, so that they make a cache key as they are. */
type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined }
export type ReadArgs = { [key: string]: Json | undefined }

const canonical = (value: Json | undefined): Json | undefined => {
  if (Array.isArray(value)) return value.map((item) => canonical(item) ?? null)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .filter((key) => value[key] !== undefined)
      .map((key) => [key, canonical(value[key])]),
  )
}

/** A read's cache key: its arguments as JSON with sorted keys (`undefined` left out). */
export const cacheKeyOf = (args: ReadArgs): string => JSON.stringify(canonical(args))

/**
 * Whether reads skip Next's data cache. Outside a Next server (vitest, `tsx` scripts) there is no
 * incremental cache and `unstable_cache` throws; those runs set `READ_CACHE=off` (vitest.config.ts
 * does, for every test) and call the very same `getX` functions the pages call. Never set in the
 * app.
 */
export const readCacheOff = () => process.env.READ_CACHE === 'off'

type Call<A extends ReadArgs, R> = (
  ...args: Record<never, never> extends A ? [args?: A] : [args: A]
) => Promise<R>

/**
 * The read layer's one convention: a public read is `getX = cached(name, load, tagsOf)`, called
 * with one object of plain arguments (`{ language, slug }`, `{ language, sectionIds: [1, 2] }`).
 * Within a render, React `cache()` runs it once per distinct arguments; across requests Next's
 * data cache keeps it under `[name, cacheKeyOf(args)]` and `tagsOf(args)` (built from
 * `cacheTags`), which the collection hooks expire (`src/cache/revalidate.ts`). `load` receives the
 * arguments as the key spells them (the same JSON read back), so what is cached is always what
 * the key says. `revalidate` (seconds) also expires the entry by time.
 */
export const cached = <A extends ReadArgs, R>(
  name: string,
  load: (args: A) => Promise<R>,
  tagsOf: (args: A) => string[],
  options: { revalidate?: number | false } = {},
): Call<A, R> => {
  const read = cache((key: string): Promise<R> => {
    const args = JSON.parse(key) as A
    // With read replicas, what is loaded (and so cached) is never older than the newest commit
    // on the primary: a lagging replica sends this load to the primary (src/db/replica.ts).
    const fresh = async () => withFreshReads(adapterOf(await getPayloadClient()), () => load(args))
    if (readCacheOff()) return fresh()
    return unstable_cache(fresh, [name, key], { tags: tagsOf(args), ...options })()
  })
  return (...[args]) => read(cacheKeyOf(args ?? {}))
}
