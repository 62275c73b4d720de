import { getTranslations } from 'next-intl/server'

import { getArticleBySlug } from '@/data/articles'
import { getLiveCoverage } from '@/data/live'
import { isLanguage } from '@/lib/languages'
import { formatLiveTime, LIVE_LIMITS, liveUpdateHtml, type LiveJson } from '@/lib/live'

type Params = { params: Promise<{ lang: string; slug: string }> }

/**
 * The live coverage of a published article, for its page's poller (src/lib/live.ts): state and
 * the newest `LIVE_LIMITS.json` updates, each with its HTML. Under `/{lang}/` on purpose: the
 * proxy keeps it one second with stale-while-revalidate (deploy/nginx.conf), so any crowd of
 * readers costs Next about one render a second, and every change has the proxy fetch it again
 * at once (src/collections/LiveUpdates/cache.ts). The reads are the tagged data cache. 404 for
 * an unknown or unpublished article, and for one without live coverage. No cookie is read or
 * set.
 */
export async function GET(_request: Request, { params }: Params) {
  const { lang, slug } = await params
  const notFound = () =>
    Response.json(
      { errors: [{ message: 'Not found' }] },
      { status: 404, headers: { 'Cache-Control': 'public, max-age=0, s-maxage=1' } },
    )
  if (!isLanguage(lang)) return notFound()
  const article = await getArticleBySlug({ language: lang, slug: decodeURIComponent(slug) })
  if (!article) return notFound()
  const coverage = await getLiveCoverage({
    articleId: article.id,
    language: lang,
    limit: LIVE_LIMITS.json,
  })
  if (!coverage) return notFound()
  const t = await getTranslations({ locale: lang, namespace: 'live' })
  const words = { key: t('key') }
  const body: LiveJson = {
    status: coverage.status,
    startedAt: coverage.startedAt,
    endedAt: coverage.endedAt,
    endedText: coverage.endedAt
      ? t('ended', { time: formatLiveTime(lang, coverage.endedAt) })
      : null,
    limit: LIVE_LIMITS.json,
    updates: coverage.updates.map((update) => ({
      ...update,
      html: liveUpdateHtml(update, lang, words),
    })),
  }
  return Response.json(body, {
    // Shared caches keep it a second; browsers ask again every time (a browser's
    // stale-while-revalidate would show the poller each change one poll late).
    headers: { 'Cache-Control': 'public, max-age=0, s-maxage=1' },
  })
}
