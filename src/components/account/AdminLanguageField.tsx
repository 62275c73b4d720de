'use client'

import {
  SelectField,
  useAuth,
  useConfig,
  useDocumentInfo,
  useField,
  useTranslation,
} from '@payloadcms/ui'
import type { SelectFieldClientComponent } from 'payload'
import { useEffect } from 'react'

import { STORED_EVENT } from './AdminLanguageSync'
import { languageCookie } from './languageCookie'

/**
 * A user's admin language (`users.language`) on the account page. Saved here, the server sets
 * the admin's language cookie (src/collections/Users/hooks/adminLanguageCookie.ts) and this
 * field switches the admin to it. Chosen in Payload's own switch on the same page, the account
 * stores it and the page is rendered again, showing it here (AdminLanguageSync).
 */
export const AdminLanguageField: SelectFieldClientComponent = (props) => {
  const { i18n, switchLanguage, t } = useTranslation()
  const { setValue } = useField<string>({ path: props.path })
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

  // Chosen in Payload's switch on this page, the account stores it (AdminLanguageSync) and says
  // so; the form then shows it, without counting it as an unsaved change.
  useEffect(() => {
    if (!ownAccount) return
    const stored = (event: Event) => setValue((event as CustomEvent<string>).detail, true)
    window.addEventListener(STORED_EVENT, stored)
    return () => window.removeEventListener(STORED_EVENT, stored)
  }, [ownAccount, setValue])

  // The label in the admin's language (a custom field's label arrives resolved in English).
  return (
    <SelectField
      {...props}
      field={{ ...props.field, label: t('custom:users:language' as never) }}
    />
  )
}
