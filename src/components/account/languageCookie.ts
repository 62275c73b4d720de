import { isLanguage, type Language } from '@/lib/languages'

/**
 * The admin language the browser holds: the `payload-lng` cookie (Payload's language switch sets
 * it, and so does the server at login and when people save their own; not httpOnly). Null when
 * there is none or it names no admin language.
 */
export const languageCookie = (cookiePrefix?: string): Language | null => {
  const name = `${cookiePrefix || 'payload'}-lng`
  const found = document.cookie.split('; ').find((part) => part.startsWith(`${name}=`))
  const value = found ? decodeURIComponent(found.slice(name.length + 1)) : null
  return isLanguage(value) ? value : null
}
