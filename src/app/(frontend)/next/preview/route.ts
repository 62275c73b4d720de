import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'
import type { NextRequest } from 'next/server'

import { getPreviewUser } from '@/data/preview'
import { isPreviewSecret, safeSitePath } from '@/lib/preview'

/**
 * Enters draft mode for a logged-in newsroom user who brings the preview secret, then sends them
 * to `path` (a path on this site only). Pages in draft mode read the newest drafts with the
 * user's access and are never cached.
 */
export async function GET(request: NextRequest) {
  const { searchParams } = request.nextUrl
  if (!isPreviewSecret(searchParams.get('secret'))) {
    return new Response('Invalid preview secret', { status: 401 })
  }
  const path = safeSitePath(searchParams.get('path'))
  if (!path) return new Response('Invalid path', { status: 400 })
  const user = await getPreviewUser()
  if (!user) return new Response('Log in to the admin to preview drafts', { status: 403 })
  ;(await draftMode()).enable()
  redirect(path)
}
