import { getTranslations } from 'next-intl/server'

import { RefreshOnSave } from '@/components/RefreshOnSave'
import type { Language } from '@/lib/languages'
import { serverOrigin } from '@/lib/urls'

/** Shown in draft mode: what the page is, the way out, and a refresh when the editor saves. */
export async function PreviewBanner({ lang }: { lang: Language }) {
  const t = await getTranslations({ locale: lang })
  return (
    <div className="preview-banner" role="status">
      {t('preview.banner')} {/* A route handler (leaves draft mode), not a page. */}
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
      <a href="/next/exit-preview">{t('preview.exit')}</a>
      <RefreshOnSave serverURL={serverOrigin()} />
    </div>
  )
}
