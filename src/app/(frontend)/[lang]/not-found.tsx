import { getLocale, getTranslations } from 'next-intl/server'

import { SiteShell } from '@/components/SiteShell'
import { type Language, isLanguage } from '@/lib/languages'
import { urls } from '@/lib/urls'

/** The site's 404, in the reader's language, inside the usual header and footer. */
export default async function NotFound() {
  const locale = await getLocale()
  const lang: Language = isLanguage(locale) ? locale : 'en'
  const t = await getTranslations({ locale: lang })
  return (
    <SiteShell
      lang={lang}
      alternates={{ en: urls.home('en'), az: urls.home('az'), ru: urls.home('ru') }}
    >
      <div className="container narrow not-found">
        <p className="error-code" aria-hidden="true">
          404
        </p>
        <h1>{t('notFound.title')}</h1>
        <p>{t('notFound.text')}</p>
        <p>
          <a className="button" href={urls.home(lang)}>
            {t('notFound.home')}
          </a>
        </p>
      </div>
    </SiteShell>
  )
}
