import { getTranslations } from 'next-intl/server'
import { draftMode } from 'next/headers'
import type React from 'react'

import { getNavigation, getSiteSettings } from '@/data/site'
import { safeHref } from '@/lib/safeUrl'
import { serverOrigin, urls } from '@/lib/urls'
import type { Language } from '@/lib/languages'

import { FontSizeControl } from './FontSizeControl'
import { LanguageSwitcher, type Alternates } from './LanguageSwitcher'
import { MenuToggle } from './MenuToggle'
import { RefreshOnSave } from './RefreshOnSave'

const SOCIAL_NAMES: Record<string, string> = {
  facebook: 'Facebook',
  x: 'X',
  instagram: 'Instagram',
  youtube: 'YouTube',
  telegram: 'Telegram',
  linkedin: 'LinkedIn',
}

/**
 * The frame of every public page: header (site name, menu from the navigation global, search,
 * language switcher, text size), the page's `<main>`, and the footer from site settings.
 * `alternates`: this page in other languages, by language code.
 */
export async function SiteShell({
  lang,
  alternates,
  children,
  isHome = false,
  showSearch = true,
}: {
  lang: Language
  alternates: Alternates
  children: React.ReactNode
  isHome?: boolean
  /** the header's search box; off on the search page, which has its own form */
  showSearch?: boolean
}) {
  // draftMode() does not make the page dynamic: Next renders draft-mode requests apart, uncached.
  const [t, nav, settings, draft] = await Promise.all([
    getTranslations({ locale: lang }),
    getNavigation({ language: lang }),
    getSiteSettings({ language: lang }),
    draftMode(),
  ])
  const SiteName = isHome ? 'h1' : 'p'

  return (
    <>
      {draft.isEnabled && (
        <div className="preview-banner" role="status">
          {t('preview.banner')} {/* A route handler (leaves draft mode), not a page. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a href="/next/exit-preview">{t('preview.exit')}</a>
          <RefreshOnSave serverURL={serverOrigin()} />
        </div>
      )}
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
        <div className="menubar">
          <div className="container">
            <MenuToggle controls="main-menu" label={t('site.menu')} />
            <nav id="main-menu" className="main-menu" aria-label={t('site.mainMenu')}>
              <ul>
                {nav.header.map((item) => (
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
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <div className="container footer-grid">
          <section aria-labelledby="footer-about">
            <h2 id="footer-about" className="footer-title">
              {settings.siteName}
            </h2>
            {settings.about && <p>{settings.about}</p>}
          </section>
          <nav aria-labelledby="footer-pages">
            <h2 id="footer-pages" className="footer-title">
              {t('site.footerPages')}
            </h2>
            <ul>
              {nav.footer.map((link) => (
                <li key={link.href}>
                  <a href={link.href}>{link.label}</a>
                </li>
              ))}
              <li>
                <a href={urls.corrections(lang)}>{t('corrections.title')}</a>
              </li>
            </ul>
          </nav>
          <section aria-labelledby="footer-contact">
            <h2 id="footer-contact" className="footer-title">
              {t('site.contact')}
            </h2>
            {settings.contactEmail && (
              <p>
                <a href={`mailto:${settings.contactEmail}`}>{settings.contactEmail}</a>
              </p>
            )}
            {settings.social.length > 0 && (
              <>
                <h3 className="footer-subtitle">{t('site.follow')}</h3>
                <ul className="social">
                  {settings.social.map((link, i) => (
                    <li key={i}>
                      {/* A stored target that is not a safe link shows as the name alone. */}
                      <a href={safeHref(link.url)} rel="noopener">
                        {SOCIAL_NAMES[link.platform] ?? link.platform}
                      </a>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        </div>
        <p className="container copyright">
          {t('site.rights', { year: new Date().getUTCFullYear(), site: settings.siteName })}
        </p>
      </footer>
    </>
  )
}
