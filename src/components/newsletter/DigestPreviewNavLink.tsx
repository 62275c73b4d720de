'use client'

import { useAuth, useConfig, useTranslation } from '@payloadcms/ui'
import Link from 'next/link'
import { usePathname } from 'next/navigation'

import { isEditorUser } from '@/access/roles'

/** "Digest preview" in the admin's navigation, for editors (the view: DigestPreviewView). */
export const DigestPreviewNavLink = () => {
  const { user } = useAuth()
  const { t } = useTranslation()
  const pathname = usePathname()
  const {
    config: {
      routes: { admin: adminRoute },
    },
  } = useConfig()
  if (!isEditorUser(user as { roles?: string[] } | null)) return null
  const href = `${adminRoute}/newsletter-preview`
  const active = pathname === href
  return (
    <Link
      href={href}
      id="nav-newsletter-preview"
      className={`nav__link${active ? ' active' : ''}`}
      aria-current={active ? 'page' : undefined}
      prefetch={false}
      style={{ marginBottom: 'calc(var(--base, 20px) * 0.75)' }}
    >
      {active ? <div className="nav__link-indicator" /> : null}
      <span className="nav__link-label">
        {(t as (key: string) => string)('custom:newsletter:preview:navLink')}
      </span>
    </Link>
  )
}
