import type { Metadata } from 'next'
import { connection } from 'next/server'
import { getTranslations } from 'next-intl/server'

import { SiteShell } from '@/components/SiteShell'
import { message, type MessageKey } from '@/lib/messages'
import { pageLanguage } from '@/lib/params'
import { urls } from '@/lib/urls'

type Props = {
  params: Promise<{ lang: string }>
  searchParams: Promise<{ token?: string | string[]; confirmed?: string; refused?: string }>
}

/** Why the endpoint refused the link (its code), as the page can word it. */
const REFUSALS: Record<string, MessageKey> = {
  'newsletter.tokenMissing': 'newsletter:tokenMissing',
  'newsletter.tokenUnknown': 'newsletter:tokenUnknown',
  'newsletter.tokenExpired': 'newsletter:tokenExpired',
  'newsletter.tokenUsed': 'newsletter:tokenUsed',
}

/** Never indexed, never cached: one reader's link (rendered per request, `private, no-store`). */
export const dynamic = 'force-dynamic'

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lang = await pageLanguage(params)
  const t = await getTranslations({ locale: lang, namespace: 'newsletter.confirm' })
  return { title: t('title'), robots: { index: false, follow: false } }
}

/**
 * The confirmation email's link lands here: one button that POSTs the token to
 * `/api/subscribers/confirm` (a GET never changes anything: mail scanners open links). After it,
 * the endpoint sends the reader back here with `confirmed=1`.
 */
export default async function NewsletterConfirmPage({ params, searchParams }: Props) {
  await connection()
  const lang = await pageLanguage(params)
  const { token, confirmed, refused } = await searchParams
  const t = await getTranslations({ locale: lang, namespace: 'newsletter.confirm' })
  // `refused`: the endpoint's code for a link it would not take (a form without JavaScript).
  const value = Array.isArray(token) ? token[0] : token
  return (
    <SiteShell lang={lang} alternates={{}}>
      <div className="container newsletter-page">
        <h1>{t('title')}</h1>
        {refused ? (
          <>
            <h2>{t('refused')}</h2>
            <p id="newsletter-refused" role="alert">
              {REFUSALS[refused] ? message(lang, REFUSALS[refused]) : t('refused')}
            </p>
            <p>
              <a href={urls.home(lang)}>{t('home')}</a>
            </p>
          </>
        ) : confirmed === '1' ? (
          <p id="newsletter-confirmed" className="newsletter-done" role="status">
            {t('done')}
          </p>
        ) : (
          <form method="post" action="/api/subscribers/confirm" className="newsletter-form">
            <p>{t('intro')}</p>
            <input type="hidden" name="token" value={value ?? ''} />
            <input type="hidden" name="language" value={lang} />
            <button type="submit">{t('button')}</button>
          </form>
        )}
      </div>
    </SiteShell>
  )
}
