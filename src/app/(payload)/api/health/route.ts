/**
 * Liveness: the process is up and answering. It touches nothing else, so a busy or absent
 * database never gets a healthy process restarted. Readiness is /api/health/ready.
 */
export const dynamic = 'force-dynamic'

export function GET() {
  return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } })
}
