import { getBreakingJson } from '@/data/breaking'
import { isLanguage } from '@/lib/languages'

/**
 * The current breaking news of one language, for the banner's script on every page
 * (`BreakingBanner`). Rendered per request from the cached marks (so a mark that ran out is gone
 * at once, with no event), and kept one second by the caching proxy (`/{lang}/…`): however many
 * readers ask, the app answers about once a second. Anonymous and cookie-free.
 */
export const dynamic = 'force-dynamic'

export async function GET(_request: Request, { params }: { params: Promise<{ lang: string }> }) {
  const { lang } = await params
  if (!isLanguage(lang)) {
    return Response.json({ items: [] }, { status: 404, headers: { 'cache-control': 'no-store' } })
  }
  return Response.json(await getBreakingJson({ language: lang }), {
    headers: { 'cache-control': 'public, max-age=0, s-maxage=1' },
  })
}
