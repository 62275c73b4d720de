import type { PayloadRequest } from 'payload'

/**
 * Whether an article's published text is live: its stored row, which a pending draft over it
 * (a draft save, an update being reviewed) leaves as it is. Read by the system, in the request's
 * transaction; false when there is no such article.
 */
export const isLive = async (req: PayloadRequest, id: number): Promise<boolean> => {
  const stored = await req.payload.findByID({
    collection: 'articles',
    id,
    req,
    depth: 0,
    draft: false,
    overrideAccess: true,
    disableErrors: true,
    select: { _status: true },
  })
  return stored?._status === 'published'
}
