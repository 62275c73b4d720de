import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'
import type { NextRequest } from 'next/server'

import { safeSitePath } from '@/lib/preview'

/** Leaves draft mode and goes back to `path` (or the home page). */
export async function GET(request: NextRequest) {
  ;(await draftMode()).disable()
  redirect(safeSitePath(request.nextUrl.searchParams.get('path')) ?? '/')
}
