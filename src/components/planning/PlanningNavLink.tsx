'use client'

import { useConfig, useTranslation } from '@payloadcms/ui'
import Link from 'next/link'
import { usePathname } from 'next/navigation'

import { planningWordsOf } from './words'

/** "Planning" in the admin's navigation, beside the desk's link. */
export const PlanningNavLink = () => {
  const { t } = useTranslation()
  const w = planningWordsOf(t)
  const pathname = usePathname()
  const {
    config: {
      routes: { admin: adminRoute },
    },
  } = useConfig()
  const href = `${adminRoute}/planning`
  const active = pathname === href
  return (
    <Link
      href={href}
      id="nav-planning"
      className={`nav__link planning-nav-link${active ? ' active' : ''}`}
      aria-current={active ? 'page' : undefined}
      prefetch={false}
      style={{ marginBottom: 'calc(var(--base, 20px) * 0.75)' }}
    >
      {active ? <div className="nav__link-indicator" /> : null}
      <span className="nav__link-label">{w('title')}</span>
    </Link>
  )
}
