import { revalidateTag } from 'next/cache'
import type { NextRequest } from 'next/server'

import { isRevalidateToken } from '@/data/revalidate'

const MAX_TAGS = 200

/**
 * Expires cache tags for work the app did outside a request (a scheduled publish fired by the
 * jobs queue). Only the app itself can call it: the token is derived from PAYLOAD_SECRET.
 */
export async function POST(request: NextRequest) {
  if (!isRevalidateToken(request.headers.get('x-revalidate-token'))) {
    return Response.json({ errors: [{ message: 'Not allowed.' }] }, { status: 403 })
  }
  const body = (await request.json().catch(() => null)) as { tags?: unknown } | null
  const tags = body?.tags
  if (
    !Array.isArray(tags) ||
    tags.length > MAX_TAGS ||
    !tags.every((tag) => typeof tag === 'string' && tag.length > 0 && tag.length < 256)
  ) {
    return Response.json({ errors: [{ message: 'Send { "tags": ["…"] }.' }] }, { status: 400 })
  }
  for (const tag of new Set(tags as string[])) revalidateTag(tag, { expire: 0 })
  return Response.json({ revalidated: tags.length })
}
