import type { CollectionAfterChangeHook, CollectionAfterLoginHook, PayloadRequest } from 'payload'

import { isLanguage } from '@/lib/languages'
import type { User } from '@/payload-types'

const ONE_YEAR = 60 * 60 * 24 * 365

/** The cookie Payload's admin reads its language from (its account page's switch sets it). */
export const languageCookieName = (req: PayloadRequest) =>
  `${req.payload.config.cookiePrefix || 'payload'}-lng`

/**
 * Sets the admin-language cookie on the response of the current REST call (Payload adds
 * `req.responseHeaders` to what an endpoint answers), the way Payload's language switch does.
 */
const setLanguageCookie = (req: PayloadRequest, language: string) => {
  const headers = req.responseHeaders ?? new Headers()
  headers.append(
    'Set-Cookie',
    `${languageCookieName(req)}=${language}; Path=/; Max-Age=${ONE_YEAR}; SameSite=Lax`,
  )
  req.responseHeaders = headers
}

/** On login the admin opens in the person's stored admin language, whatever the browser had. */
export const applyAdminLanguageOnLogin: CollectionAfterLoginHook<User> = ({ req, user }) => {
  if (isLanguage(user.language)) setLanguageCookie(req, user.language)
  return user
}

/**
 * When people change their own admin language (the account page's form, the API), the admin
 * follows: the response carries the new cookie. Someone else's change (an admin's) does not
 * touch the admin's own cookie.
 */
export const applyAdminLanguageOnSave: CollectionAfterChangeHook<User> = ({
  doc,
  previousDoc,
  req,
}) => {
  if (
    req.user?.collection === 'users' &&
    req.user.id === doc.id &&
    isLanguage(doc.language) &&
    doc.language !== previousDoc?.language
  ) {
    setLanguageCookie(req, doc.language)
  }
  return doc
}
