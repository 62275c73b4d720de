import { getPayload } from 'payload'

import { RETRY_AFTER_SECONDS } from '@/db/errors'
import { readiness } from '@/db/health'
import config from '@payload-config'

/**
 * Readiness, for nginx, docker compose and load balancers: 200 when the database answers within
 * a short time and every migration of this build is applied; otherwise 503 with the reason.
 */
export const dynamic = 'force-dynamic'

export async function GET() {
  const state = await getPayload({ config })
    .then(readiness)
    .catch((error: Error) => ({ ready: false as const, reason: error.message }))
  if (state.ready) {
    return Response.json({ status: 'ready' }, { headers: { 'Cache-Control': 'no-store' } })
  }
  return Response.json(
    { status: 'unavailable', reason: state.reason },
    {
      status: 503,
      headers: { 'Cache-Control': 'no-store', 'Retry-After': String(RETRY_AFTER_SECONDS) },
    },
  )
}
