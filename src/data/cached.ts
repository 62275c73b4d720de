import { unstable_cache } from 'next/cache'
import { cache } from 'react'

type Key = string | number | boolean | null | undefined

/**
 * Wraps a read in React `cache()` (one call per render) and Next's data cache under `tags`, which
 * the collection hooks expire (`src/data/revalidate.ts`). The uncached function stays exported
 * beside each wrapper so tests can run it outside Next.
 */
export const cachedQuery = <A extends Key[], R>(
  name: string,
  load: (...args: A) => Promise<R>,
  tags: (...args: A) => string[],
) =>
  cache((...args: A): Promise<R> =>
    unstable_cache(() => load(...args), [name, ...args.map((arg) => String(arg))], {
      tags: tags(...args),
    })(),
  )
