'use client'

import { SelectField, useAuth, useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import type { SelectFieldClientComponent } from 'payload'
import { useEffect } from 'react'

import { languageCookie } from './languageCookie'

/**
 * A user's admin language (`users.language`) on the account page. Saved here, the server sets
 * the admin's language cookie (src/collections/Users/hooks/adminLanguageCookie.ts) and this
 * field switches the admin to it. Chosen in Payload's own switch on the same page, the account
 * stores it and the page is rendered again, showing it here (AdminLanguageSync).
 */
export const AdminLanguageField: SelectFieldClientComponent = (props) => {
  const { i18n, switchLanguage } = useTranslation()
  const { user } = useAuth()
  const { id, savedDocumentData } = useDocumentInfo()
  const { config } = useConfig()
  const ownAccount = Boolean(user && id !== undefined && String(user.id) === String(id))
  const saved = savedDocumentData?.language as string | undefined

  useEffect(() => {
    if (!ownAccount) return
    const chosen = languageCookie(config.cookiePrefix)
    // Just saved with a new language: the answer set the cookie; show the admin in it.
    if (chosen && chosen !== i18n.language) void switchLanguage?.(chosen)
    // Runs after a save, not while the field is edited.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ownAccount, saved])

  return <SelectField {...props} />
}
