import { getTranslations } from 'next-intl/server'

import { LanguageSwitcher, type Alternates } from '@/components/LanguageSwitcher'
import type { MenuLink, SiteSettings } from '@/data/site'
import type { Language } from '@/lib/languages'
import { urls } from '@/lib/urls'

/**
 * `SiteHeader` and `MainMenu` without their two client components: the text-size buttons and
 * the menu button are plain markup that `STATIC_PAGE_SCRIPT` drives (the same attributes and
 * classes, so the same CSS).
 */
export async function StaticHeader({
  lang,
  alternates,
  menu,
  settings,
}: {
  lang: Language
  alternates: Alternates
  menu: MenuLink[]
  settings: SiteSettings
}) {
  const t = await getTranslations({ locale: lang })
  return (
    <header className="site-header">
      <div className="topbar container">
        <p className="site-name">
          <a href={urls.home(lang)}>{settings.siteName}</a>
        </p>
        {settings.tagline && <p className="tagline">{settings.tagline}</p>}
        <div className="tools">
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
          <div className="font-size" role="group" aria-label={t('fontSize.label')}>
            <button type="button" data-font="smaller">
              <span aria-hidden="true">A−</span>
              <span className="visually-hidden">{t('fontSize.smaller')}</span>
            </button>
            <button type="button" data-font="reset" aria-pressed="true">
              <span aria-hidden="true">A</span>
              <span className="visually-hidden">{t('fontSize.reset')}</span>
            </button>
            <button type="button" data-font="larger">
              <span aria-hidden="true">A+</span>
              <span className="visually-hidden">{t('fontSize.larger')}</span>
            </button>
          </div>
          <LanguageSwitcher lang={lang} alternates={alternates} label={t('site.language')} />
        </div>
      </div>
      <div className="menubar">
        <div className="container">
          <button
            type="button"
            className="menu-toggle"
            aria-expanded="false"
            aria-controls="main-menu"
            data-menu-toggle=""
          >
            <span className="menu-icon" aria-hidden="true" />
            {t('site.menu')}
          </button>
          <nav id="main-menu" className="main-menu" aria-label={t('site.mainMenu')}>
            <ul>
              {menu.map((item) => (
                <li key={item.href} className={item.children.length ? 'has-children' : undefined}>
                  <a href={item.href}>{item.label}</a>
                  {item.children.length > 0 && (
                    <ul className="submenu">
                      {item.children.map((child) => (
                        <li key={child.href}>
                          <a href={child.href}>{child.label}</a>
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </div>
    </header>
  )
}
