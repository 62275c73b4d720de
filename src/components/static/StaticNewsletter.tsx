import { getTranslations } from 'next-intl/server'

import { getSections } from '@/data/sections'
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '@/lib/languages'

/**
 * `NewsletterSignup` without its client component: `SubscribeForm`'s markup as it renders
 * before hydration, which posts without JavaScript (303 back with `#newsletter-done-{place}`,
 * shown by CSS `:target`). No inline answer: the reader comes back to the page.
 */
export async function StaticNewsletter({
  lang,
  place,
  returnTo,
}: {
  lang: Language
  place: 'footer' | 'article'
  returnTo?: string
}) {
  const [t, sections] = await Promise.all([
    getTranslations({ locale: lang, namespace: 'newsletter.form' }),
    getSections({ language: lang }),
  ])
  const id = (name: string) => `newsletter-${place}-${name}`
  return (
    <section className={`newsletter-signup newsletter-${place}`} aria-labelledby={id('title')}>
      <h2 id={id('title')} className="newsletter-title">
        {t('title')}
      </h2>
      <p id={`newsletter-done-${place}`} className="newsletter-notice" role="status">
        {t('done')}
      </p>
      <p className="newsletter-intro">{t('intro')}</p>
      <form className="newsletter-form" method="post" action="/api/subscribers/subscribe">
        <input type="hidden" name="place" value={place} />
        {returnTo && <input type="hidden" name="returnTo" value={returnTo} />}
        <p className="newsletter-field">
          <label htmlFor={id('email')}>{t('email')}</label>
          <input
            id={id('email')}
            type="email"
            name="email"
            required
            maxLength={254}
            autoComplete="email"
          />
        </p>
        <p className="newsletter-field">
          <label htmlFor={id('language')}>{t('language')}</label>
          <select id={id('language')} name="language" defaultValue={lang}>
            {LANGUAGES.map((value) => (
              <option key={value} value={value}>
                {LANGUAGE_NAMES[value]}
              </option>
            ))}
          </select>
        </p>
        <fieldset className="newsletter-sections">
          <legend>{t('sections')}</legend>
          <label>
            <input type="checkbox" name="all" defaultChecked /> {t('everything')}
          </label>
          {sections.map((section) => (
            <label key={section.id}>
              <input type="checkbox" name="sections" value={section.id} /> {section.name}
            </label>
          ))}
        </fieldset>
        <p className="newsletter-honeypot" aria-hidden="true">
          <label htmlFor={id('homepage')}>{t('honeypot')}</label>
          <input id={id('homepage')} type="text" name="homepage" tabIndex={-1} autoComplete="off" />
        </p>
        <p>
          <button type="submit">{t('submit')}</button>
        </p>
      </form>
    </section>
  )
}
