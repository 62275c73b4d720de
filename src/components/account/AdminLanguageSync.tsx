'use client'

import { useAuth, useConfig, useTranslation } from '@payloadcms/ui'
import { useEffect, useRef, type ReactNode } from 'react'

import { languageCookie } from './languageCookie'

/**
 * Keeps the admin and the account's stored admin language (`users.language`) in step, on every
 * admin page (an admin provider):
 * - after a login (whose answer sets the language cookie to the stored language), the admin
 *   re-renders in it: Next keeps the admin's layout, and with it the language, across the
 *   login's client-side navigation;
 * - when the admin's language changes by Payload's own switch (account page), the account
 *   stores it, so notification emails follow (the account form shows it: AdminLanguageField).
 * Without a language cookie (no choice made in this browser) it does nothing.
 */
/** Announced on the page once the account has stored a language chosen in Payload's switch. */
export const STORED_EVENT = 'newsroom:admin-language-stored'

export function AdminLanguageSync({ children }: { children: ReactNode }) {
  const { user } = useAuth()
  const { i18n, switchLanguage } = useTranslation()
  const { config } = useConfig()
  const userId = user?.id as number | string | undefined
  const storedLanguage = (user as { language?: string | null } | null)?.language
  // What the account holds, as far as this page knows: the logged-in user's, then what it stored.
  const known = useRef<string | null | undefined>(storedLanguage)
  useEffect(() => {
    known.current = storedLanguage
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [userId])

  useEffect(() => {
    if (userId === undefined) return
    const chosen = languageCookie(config.cookiePrefix)
    if (!chosen) return
    if (chosen !== i18n.language) {
      void switchLanguage?.(chosen)
      return
    }
    if (chosen === known.current) return
    known.current = chosen
    void fetch(`${config.serverURL}${config.routes.api}/users/${userId}`, {
      method: 'PATCH',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ language: chosen }),
    })
      // No refresh of the page here: Payload's switch refreshes it already, and a second
      // refresh racing it rendered server-side labels (the rich-text field's) in the old
      // language. An open account form shows the stored language (AdminLanguageField).
      .then((response) => {
        if (response.ok) window.dispatchEvent(new CustomEvent(STORED_EVENT, { detail: chosen }))
      })
      .catch(() => undefined)
    // Runs on a login (another user) and on a change of the admin's language only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [userId, i18n.language])

  return <>{children}</>
}
