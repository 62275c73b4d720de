import { draftMode } from 'next/headers'
import type React from 'react'

import { getNavigation, getSiteSettings } from '@/data/site'
import type { Language } from '@/lib/languages'

import { BreakingBanner } from './breaking/BreakingBanner'
import type { Alternates } from './LanguageSwitcher'
import { PreviewBanner } from './shell/PreviewBanner'
import { SiteFooter } from './shell/SiteFooter'
import { SiteHeader } from './shell/SiteHeader'

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
  const [nav, settings, draft] = await Promise.all([
    getNavigation({ language: lang }),
    getSiteSettings({ language: lang }),
    draftMode(),
  ])
  return (
    <>
      {draft.isEnabled && <PreviewBanner lang={lang} />}
      <SiteHeader
        lang={lang}
        alternates={alternates}
        menu={nav.header}
        settings={settings}
        isHome={isHome}
        showSearch={showSearch}
      />
      <BreakingBanner lang={lang} />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter lang={lang} links={nav.footer} settings={settings} />
    </>
  )
}
