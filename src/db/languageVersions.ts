import type { PayloadRequest } from 'payload'

import type { Article } from '@/payload-types'

/**
 * Writes `data` to an article's live row only: through Payload's database adapter (so
 * relationships and groups are stored as Payload stores them) in the request's transaction,
 * with no new version and no hook.
 *
 * Why below the Local API: a language version that is published and has a pending draft over
 * it must show the story fields its original changed (section, tags, bylines…) to readers now,
 * while the draft stays pending. Every Local API write of the document itself also saves a new
 * latest version, which would bury that draft; there is no option to write the live row alone.
 * The caller then writes the same change to the draft through the Local API
 * (src/translations/hooks.ts).
 */
export const writeLiveRowOnly = async (
  req: PayloadRequest,
  id: number,
  data: Partial<Article>,
): Promise<void> => {
  await req.payload.db.updateOne({ collection: 'articles', id, data, req })
}
