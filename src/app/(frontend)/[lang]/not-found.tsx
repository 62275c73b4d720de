import { getLocale, getTranslations } from 'next-intl/server'

import { SiteShell } from '@/components/SiteShell'
import { DEFAULT_LANGUAGE, type Language, isLanguage } from '@/lib/languages'
import { sameInAllLanguages } from '@/lib/seo'
import { urls } from '@/lib/urls'

/** The site's 404, in the reader's language, inside the usual header and footer. */
export default async function NotFound() {
  const locale = await getLocale()
  const lang: Language = isLanguage(locale) ? locale : DEFAULT_LANGUAGE
  const t = await getTranslations({ locale: lang })
  return (
    <SiteShell lang={lang} alternates={sameInAllLanguages((l) => urls.home(l))}>
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
