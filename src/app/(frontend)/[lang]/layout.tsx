import type { Metadata, Viewport } from 'next'
import { getTranslations } from 'next-intl/server'
import type React from 'react'

import { pageLanguage } from '@/lib/params'
import { readerPreferencesScript } from '@/lib/readerPreferences'
import { SITE_NAME } from '@/lib/seo'
import { serverOrigin } from '@/lib/urls'

import '../styles.css'

export async function generateMetadata({
  params,
}: {
  params: Promise<{ lang: string }>
}): Promise<Metadata> {
  const lang = await pageLanguage(params)
  const t = await getTranslations({ locale: lang, namespace: 'site' })
  return {
    metadataBase: new URL(serverOrigin()),
    title: { default: SITE_NAME, template: `%s · ${SITE_NAME}` },
    description: t('description'),
  }
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0b3d5c' }

/**
 * The public site's root layout, one per language (`/en`, `/az`, `/ru`). The same for every
 * reader (pages are cached): the reader's text size is applied in the browser by the head script.
 */
export default async function SiteLayout({
  children,
  params,
}: {
  children: React.ReactNode
  params: Promise<{ lang: string }>
}) {
  const lang = await pageLanguage(params)
  const t = await getTranslations({ locale: lang })
  return (
    // The head script may change data-font-size before React hydrates.
    <html lang={lang} data-font-size="md" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: readerPreferencesScript(lang) }} />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t('site.skipToContent')}
        </a>
        {children}
      </body>
    </html>
  )
}
