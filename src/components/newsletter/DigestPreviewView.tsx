import type { AdminViewServerProps } from 'payload'

import { isEditorUser } from '@/access/roles'
import { AdminPage, signedInUser } from '@/components/admin/AdminPage'
import { isLanguage, languageOptionsIn } from '@/lib/languages'

import { DigestPreview } from './DigestPreview'

/**
 * `/admin/newsletter-preview`: the next daily digest per language as subscribers would get it
 * (the HTML in a sandboxed frame) and how many subscribers it would go to, for editors. The
 * data comes from `GET /api/subscribers/digest-preview` (editors only there too).
 */
export const DigestPreviewView = async (view: AdminViewServerProps) => {
  const { i18n } = view.initPageResult.req
  const user = signedInUser(view, '/newsletter-preview')
  const t = (key: string) => (i18n.t as (k: string) => string)(`custom:newsletter:preview:${key}`)
  const asked = view.searchParams?.language
  const language = isLanguage(asked) ? asked : isLanguage(i18n.language) ? i18n.language : 'en'
  return (
    <AdminPage
      view={view}
      viewType="newsletterPreview"
      title={t('title')}
      className="newsletter-preview"
    >
      <h1>{t('title')}</h1>
      {isEditorUser(user) ? (
        <DigestPreview
          initialLanguage={language}
          languages={languageOptionsIn(i18n.language).map((option) => ({
            value: option.value,
            label: String(option.label),
          }))}
        />
      ) : (
        <p role="alert">{t('editorsOnly')}</p>
      )}
    </AdminPage>
  )
}
