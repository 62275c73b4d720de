import { getTranslations } from 'next-intl/server'

import { FontSizeControl } from '@/components/FontSizeControl'
import { LanguageSwitcher, type Alternates } from '@/components/LanguageSwitcher'
import type { MenuLink, SiteSettings } from '@/data/site'
import type { Language } from '@/lib/languages'
import { urls } from '@/lib/urls'

import { MainMenu } from './MainMenu'

/**
 * The site name (the page's `h1` on the home page), tagline, search box, text size, language
 * switcher, and the header menu.
 */
export async function SiteHeader({
  lang,
  alternates,
  menu,
  settings,
  isHome,
  showSearch,
}: {
  lang: Language
  alternates: Alternates
  menu: MenuLink[]
  settings: SiteSettings
  isHome: boolean
  showSearch: boolean
}) {
  const t = await getTranslations({ locale: lang })
  const SiteName = isHome ? 'h1' : 'p'
  return (
    <header className="site-header">
      <div className="topbar container">
        <SiteName className="site-name">
          <a href={urls.home(lang)}>{settings.siteName}</a>
        </SiteName>
        {settings.tagline && <p className="tagline">{settings.tagline}</p>}
        <div className="tools">
          {showSearch && (
            <form
              className="search-box"
              role="search"
              aria-label={t('site.search')}
              action={urls.search(lang)}
              method="get"
            >
              <label htmlFor="site-search" className="visually-hidden">
                {t('site.searchLabel')}
              </label>
              <input
                id="site-search"
                type="search"
                name="q"
                placeholder={t('site.searchPlaceholder')}
              />
              <button type="submit">{t('site.search')}</button>
            </form>
          )}
          <FontSizeControl
            labels={{
              label: t('fontSize.label'),
              smaller: t('fontSize.smaller'),
              reset: t('fontSize.reset'),
              larger: t('fontSize.larger'),
            }}
          />
          <LanguageSwitcher lang={lang} alternates={alternates} label={t('site.language')} />
        </div>
      </div>
      <MainMenu lang={lang} menu={menu} />
    </header>
  )
}
