import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter, SetStepNav } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'

import { isEditorUser } from '@/access/roles'
import { isLanguage, languageOptionsIn } from '@/lib/languages'

import { DigestPreview } from './DigestPreview'

/**
 * `/admin/newsletter-preview`: the next daily digest per language as subscribers would get it
 * (the HTML in a sandboxed frame) and how many subscribers it would go to, for editors. The
 * data comes from `GET /api/subscribers/digest-preview` (editors only there too).
 */
export const DigestPreviewView = async ({
  initPageResult,
  params,
  searchParams,
}: AdminViewServerProps) => {
  const { req, permissions, visibleEntities, locale } = initPageResult
  const { payload, user, i18n } = req
  const adminRoute = payload.config.routes.admin
  if (!user) {
    redirect(
      `${adminRoute}/login?redirect=${encodeURIComponent(`${adminRoute}/newsletter-preview`)}`,
    )
  }
  const t = (key: string) => (i18n.t as (k: string) => string)(`custom:newsletter:preview:${key}`)
  const asked = searchParams?.language
  const language = isLanguage(asked) ? asked : isLanguage(i18n.language) ? i18n.language : 'en'
  return (
    <DefaultTemplate
      i18n={i18n}
      locale={locale}
      params={params}
      payload={payload}
      permissions={permissions}
      req={req}
      searchParams={searchParams}
      user={user}
      viewType="newsletterPreview"
      visibleEntities={visibleEntities}
    >
      <SetStepNav nav={[{ label: t('title') }]} />
      <Gutter className="newsletter-preview">
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
      </Gutter>
    </DefaultTemplate>
  )
}
