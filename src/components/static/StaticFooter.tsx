import { getTranslations } from 'next-intl/server'

import type { MenuLink, SiteSettings } from '@/data/site'
import type { Language } from '@/lib/languages'
import { safeHref } from '@/lib/safeUrl'
import { urls } from '@/lib/urls'

import { StaticNewsletter } from './StaticNewsletter'

const SOCIAL_NAMES: Record<string, string> = {
  facebook: 'Facebook',
  x: 'X',
  instagram: 'Instagram',
  youtube: 'YouTube',
  telegram: 'Telegram',
  linkedin: 'LinkedIn',
}

/** `SiteFooter` with the static newsletter form (`StaticNewsletter`). */
export async function StaticFooter({
  lang,
  links,
  settings,
}: {
  lang: Language
  links: MenuLink[]
  settings: SiteSettings
}) {
  const t = await getTranslations({ locale: lang })
  return (
    <footer className="site-footer">
      <div className="container footer-newsletter">
        <StaticNewsletter lang={lang} place="footer" />
      </div>
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
            {links.map((link) => (
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
  )
}
