'use client'

import { useConfig } from '@payloadcms/ui'
import Link from 'next/link'
import { usePathname } from 'next/navigation'

import { useWords } from '../admin/useWords'

/** "Desk" in the admin's navigation, after the collections. */
export const DeskNavLink = () => {
  const l = useWords()
  const pathname = usePathname()
  const {
    config: {
      routes: { admin: adminRoute },
    },
  } = useConfig()
  const href = `${adminRoute}/desk`
  const active = pathname === href
  return (
    <Link
      href={href}
      id="nav-desk"
      className={`nav__link desk-nav-link${active ? ' active' : ''}`}
      aria-current={active ? 'page' : undefined}
      prefetch={false}
      // Set apart from the collection groups below it.
      style={{ marginBottom: 'calc(var(--base, 20px) * 0.75)' }}
    >
      {active ? <div className="nav__link-indicator" /> : null}
      <span className="nav__link-label">{l.t('desk:title')}</span>
    </Link>
  )
}
