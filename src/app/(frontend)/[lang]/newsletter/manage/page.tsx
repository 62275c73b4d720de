import type { Metadata } from 'next'
import { connection } from 'next/server'
import { getTranslations } from 'next-intl/server'

import { SiteShell } from '@/components/SiteShell'
import { getSubscription } from '@/data/newsletter'
import { getSections } from '@/data/sections'
import { LANGUAGE_NAMES, LANGUAGES } from '@/lib/languages'
import { pageLanguage } from '@/lib/params'
import { urls } from '@/lib/urls'

type Props = {
  params: Promise<{ lang: string }>
  searchParams: Promise<{ token?: string | string[]; saved?: string; unsubscribed?: string }>
}

/** Never indexed, never cached: one reader's subscription (rendered per request). */
export const dynamic = 'force-dynamic'

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lang = await pageLanguage(params)
  const t = await getTranslations({ locale: lang, namespace: 'newsletter.manage' })
  return { title: t('title'), robots: { index: false, follow: false } }
}

/**
 * Every newsletter email's signed link: change the digest's language and sections
 * (`/api/subscribers/preferences`) or unsubscribe (`/api/subscribers/unsubscribe`), each a form
 * that works without JavaScript.
 */
export default async function NewsletterManagePage({ params, searchParams }: Props) {
  await connection()
  const lang = await pageLanguage(params)
  const query = await searchParams
  const token = (Array.isArray(query.token) ? query.token[0] : query.token) ?? ''
  const [t, tf, subscription, sections] = await Promise.all([
    getTranslations({ locale: lang, namespace: 'newsletter.manage' }),
    getTranslations({ locale: lang, namespace: 'newsletter.form' }),
    getSubscription(token),
    getSections({ language: lang }),
  ])
  return (
    <SiteShell lang={lang} alternates={{}}>
      <div className="container newsletter-page">
        <h1>{t('title')}</h1>
        {!subscription ? (
          <>
            <p role="alert">{t('refused')}</p>
            <p>
              <a href={urls.home(lang)}>{t('back')}</a>
            </p>
          </>
        ) : (
          <>
            {query.saved === '1' && (
              <p id="newsletter-saved" className="newsletter-done" role="status">
                {t('saved')}
              </p>
            )}
            {query.unsubscribed === '1' || subscription.status === 'unsubscribed' ? (
              <p id="newsletter-unsubscribed" className="newsletter-done" role="status">
                {t('unsubscribed')}
              </p>
            ) : null}
            <p>
              {t('intro')} <strong>{subscription.email}</strong>
            </p>
            <form
              method="post"
              action="/api/subscribers/preferences"
              className="newsletter-form newsletter-preferences"
            >
              <input type="hidden" name="token" value={token} />
              <p className="newsletter-field">
                <label htmlFor="newsletter-manage-language">{tf('language')}</label>
                <select
                  id="newsletter-manage-language"
                  name="language"
                  defaultValue={subscription.language}
                >
                  {LANGUAGES.map((value) => (
                    <option key={value} value={value}>
                      {LANGUAGE_NAMES[value]}
                    </option>
                  ))}
                </select>
              </p>
              <fieldset className="newsletter-sections">
                <legend>{tf('sections')}</legend>
                <label>
                  <input type="checkbox" name="all" defaultChecked={subscription.allSections} />{' '}
                  {tf('everything')}
                </label>
                {sections.map((section) => (
                  <label key={section.id}>
                    <input
                      type="checkbox"
                      name="sections"
                      value={section.id}
                      defaultChecked={subscription.sections.includes(section.id)}
                    />{' '}
                    {section.name}
                  </label>
                ))}
              </fieldset>
              <button type="submit">{t('save')}</button>
            </form>
            {subscription.status !== 'unsubscribed' && (
              <form
                id="unsubscribe"
                method="post"
                action="/api/subscribers/unsubscribe"
                className="newsletter-form newsletter-unsubscribe"
              >
                <input type="hidden" name="token" value={token} />
                <p>{t('unsubscribeIntro')}</p>
                <button type="submit">{t('unsubscribe')}</button>
              </form>
            )}
          </>
        )}
      </div>
    </SiteShell>
  )
}
