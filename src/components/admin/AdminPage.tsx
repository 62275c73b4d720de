import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter, SetStepNav } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'
import type { ReactNode } from 'react'

/**
 * The signed-in person of a custom admin view; someone not signed in is sent to the login, and
 * back to `path` (under the admin route) after it.
 */
export const signedInUser = ({ initPageResult }: AdminViewServerProps, path: string) => {
  const { payload, user } = initPageResult.req
  const adminRoute = payload.config.routes.admin
  if (!user) redirect(`${adminRoute}/login?redirect=${encodeURIComponent(`${adminRoute}${path}`)}`)
  return user
}

/**
 * A custom admin view's frame: Payload's template (navigation, header), the breadcrumb, and the
 * page's content in a gutter.
 */
export const AdminPage = ({
  view: { initPageResult, params, searchParams },
  viewType,
  title,
  className,
  children,
}: {
  view: AdminViewServerProps
  viewType: string
  /** the breadcrumb's label */
  title: string
  className: string
  children: ReactNode
}) => {
  const { req, permissions, visibleEntities, locale } = initPageResult
  const { payload, user, i18n } = req
  return (
    <DefaultTemplate
      i18n={i18n}
      locale={locale}
      params={params}
      payload={payload}
      permissions={permissions}
      req={req}
      searchParams={searchParams}
      user={user ?? undefined}
      viewType={viewType}
      visibleEntities={visibleEntities}
    >
      <SetStepNav nav={[{ label: title }]} />
      <Gutter className={className}>{children}</Gutter>
    </DefaultTemplate>
  )
}
