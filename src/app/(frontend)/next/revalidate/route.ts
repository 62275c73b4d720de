import { revalidateTag } from 'next/cache'
import type { NextRequest } from 'next/server'

import { expireEverywhereAfterResponse, isRevalidateToken } from '@/cache/revalidate'

const MAX_TAGS = 200

const isStringList = (value: unknown, max: number): value is string[] =>
  Array.isArray(value) &&
  value.length <= max &&
  value.every((item) => typeof item === 'string' && item.length > 0 && item.length < 256)

/**
 * Expires cache tags for work the app did outside a request (a scheduled publish fired by the
 * jobs queue), and has the caching proxy fetch `paths` again. Only the app itself can call it: the token is derived from PAYLOAD_SECRET.
 */
export async function POST(request: NextRequest) {
  if (!isRevalidateToken(request.headers.get('x-revalidate-token'))) {
    return Response.json({ errors: [{ message: 'Not allowed.' }] }, { status: 403 })
  }
  const body = (await request.json().catch(() => null)) as {
    tags?: unknown
    paths?: unknown
  } | null
  const tags = body?.tags
  const paths = body?.paths ?? []
  if (!isStringList(tags, MAX_TAGS) || !isStringList(paths, MAX_TAGS)) {
    return Response.json(
      { errors: [{ message: 'Send { "tags": ["…"], "paths": ["/…"] }.' }] },
      { status: 400 },
    )
  }
  const unique = [...new Set(tags)]
  for (const tag of unique) revalidateTag(tag, { expire: 0 })
  await expireEverywhereAfterResponse(unique, paths)
  return Response.json({ revalidated: tags.length })
}
