import type { Metadata, Viewport } from 'next'
import { getTranslations } from 'next-intl/server'
import { cookies } from 'next/headers'
import type React from 'react'

import { FONT_SIZE_COOKIE, parseFontSize } from '@/lib/fontSize'
import { pageLanguage } from '@/lib/params'
import { SITE_NAME } from '@/lib/seo'
import { serverOrigin } from '@/lib/urls'

import '../styles.css'

export const metadata: Metadata = {
  metadataBase: new URL(serverOrigin()),
  title: { default: SITE_NAME, template: `%s · ${SITE_NAME}` },
  description: 'Daily news and analysis on Azerbaijan and its region, in three languages.',
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0b3d5c' }

/** The public site's root layout, one per language (`/en`, `/az`, `/ru`). */
export default async function SiteLayout({
  children,
  params,
}: {
  children: React.ReactNode
  params: Promise<{ lang: string }>
}) {
  const lang = await pageLanguage(params)
  const [t, cookieStore] = await Promise.all([getTranslations({ locale: lang }), cookies()])
  const fontSize = parseFontSize(cookieStore.get(FONT_SIZE_COOKIE)?.value)
  return (
    <html lang={lang} data-font-size={fontSize}>
      <body>
        <a className="skip-link" href="#main">
          {t('site.skipToContent')}
        </a>
        {children}
      </body>
    </html>
  )
}
