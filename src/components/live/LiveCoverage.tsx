import { getTranslations } from 'next-intl/server'

import { getLiveCoverage } from '@/data/live'
import type { Language } from '@/lib/languages'
import {
  formatLiveTime,
  LIVE_LIMITS,
  LIVE_POLL_MS,
  LIVE_POLL_SCRIPT,
  liveJsonPath,
  liveUpdateHtml,
} from '@/lib/live'

import './live.css'

import { JsonLd } from '../JsonLd'
import { liveBlogJsonLd } from './jsonLd'

/**
 * An article's live coverage on its page (nothing when it has none, or is not published): the
 * `LiveBlogPosting` JSON-LD, a "Live" badge while it runs, the updates newest first with their
 * times in the page's language, and, while live, the tiny poller (src/lib/live.ts) that adds
 * new updates from the live JSON without a reload. Once ended: "Live coverage ended at …", no
 * badge, no poller, the updates kept as a record. Part of the cached page: a change expires it.
 */
export async function LiveCoverage({
  articleId,
  slug,
  lang,
  url,
  title,
}: {
  articleId: number
  slug: string
  lang: Language
  url: string
  title: string
}) {
  const coverage = await getLiveCoverage({ articleId, language: lang, limit: LIVE_LIMITS.page })
  if (!coverage) return null
  const t = await getTranslations({ locale: lang, namespace: 'live' })
  const live = coverage.status === 'live'
  const words = { key: t('key') }
  return (
    <section
      className={`live${live ? ' live-on' : ' live-off'}`}
      id="live"
      aria-labelledby="live-title"
      data-status={coverage.status}
      data-src={liveJsonPath(lang, slug)}
      data-every={LIVE_POLL_MS}
    >
      <JsonLd data={liveBlogJsonLd(coverage, { url, lang, title })} />
      <h2 id="live-title">
        {live && (
          <span className="live-badge" data-live-badge="">
            {t('badge')}
          </span>
        )}{' '}
        {t('title')}
      </h2>
      <p className="live-started">
        {t('started', { time: formatLiveTime(lang, coverage.startedAt) })}
      </p>
      <p className="live-ended" role="status" hidden={!coverage.endedAt}>
        {coverage.endedAt ? t('ended', { time: formatLiveTime(lang, coverage.endedAt) }) : ''}
      </p>
      <p className="live-empty" hidden={coverage.updates.length > 0}>
        {t('empty')}
      </p>
      <ol className="live-updates" aria-label={t('updates')} aria-live="polite">
        {coverage.updates.map((update) => (
          <li
            key={update.id}
            className="live-update"
            id={`live-update-${update.id}`}
            data-id={update.id}
            data-v={update.updatedAt}
            data-t={update.postedAt}
            dangerouslySetInnerHTML={{ __html: liveUpdateHtml(update, lang, words) }}
          />
        ))}
      </ol>
      {live && <script dangerouslySetInnerHTML={{ __html: LIVE_POLL_SCRIPT }} />}
    </section>
  )
}
