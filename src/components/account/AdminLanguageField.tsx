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

import { isLanguage } from '@/lib/languages'

const cookieValue = (name: string): string | null => {
  const found = document.cookie.split('; ').find((part) => part.startsWith(`${name}=`))
  return found ? decodeURIComponent(found.slice(name.length + 1)) : null
}

/**
 * A user's admin language (`users.language`), kept in step with Payload's own language switch
 * on the account page. The switch sets the `payload-lng` cookie and re-renders the admin in the
 * new language; on one's own account this field then stores that language at once (no Save
 * needed), so emails follow too. The other way round, saving a new language here makes the
 * server set the cookie (hooks/adminLanguageCookie.ts), and this field switches the admin to it.
 */
export const AdminLanguageField: SelectFieldClientComponent = (props) => {
  const { i18n, switchLanguage } = useTranslation()
  const { user } = useAuth()
  const { id, savedDocumentData } = useDocumentInfo()
  const { config } = useConfig()
  const { setValue } = useField<string>({ path: props.path })
  const ownAccount = Boolean(user && id !== undefined && String(user.id) === String(id))
  const stored = savedDocumentData?.language as string | undefined

  useEffect(() => {
    if (!ownAccount) return
    const chosen = cookieValue(`${config.cookiePrefix || 'payload'}-lng`)
    if (!isLanguage(chosen)) return
    if (chosen !== i18n.language) {
      // The server set a new language (this field saved); show the admin in it.
      void switchLanguage?.(chosen)
      return
    }
    if (chosen === stored) return
    // The switch chose a language: store it on the account, and show it in this field.
    setValue(chosen, true)
    void fetch(`${config.serverURL}${config.routes.api}/users/${id}`, {
      method: 'PATCH',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ language: chosen }),
    }).catch(() => undefined)
    // Runs when the admin's language or the saved value changes, not on every keystroke.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ownAccount, i18n.language, stored])

  return <SelectField {...props} />
}
