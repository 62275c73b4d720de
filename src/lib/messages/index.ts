/**
 * What the server says to people, in their language: refusals, checklist items, validation and
 * upload errors. English (`./en.ts`) is the source; az and ru must have every key (`tsc` checks).
 * The same texts are Payload's `custom:messages:…` keys, so an admin component shows a message
 * with `t('custom:messages:…')` exactly as the API words it.
 *
 * The language is the requester's: `req.i18n.language`, which Payload takes from the admin's
 * language cookie or the `Accept-Language` header. Every message has a stable code beside it
 * (its key, with dots: `workflow.needsNote`), which the API answers in `errors[].data.code`.
 */
import { extractHeaderLanguage } from '@payloadcms/translations'

import { fill, lookup, type Keys } from '../dictionary'
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../languages'
import { messagesAz } from './az'
import { messagesEn } from './en'
import { messagesRu } from './ru'

export type MessageKey = Keys<typeof messagesEn>

export type MessageValues = Record<string, string | number>

const MESSAGES: Record<Language, unknown> = { en: messagesEn, az: messagesAz, ru: messagesRu }

/** Whoever a message is for: a request (its `i18n`), a language, or nobody known (English). */
export type Audience =
  { i18n?: { language?: string } | null } | Language | string | null | undefined

/** The language a message goes out in: the request's admin/API language, else English. */
export const languageOf = (audience: Audience): Language => {
  const language = typeof audience === 'object' ? audience?.i18n?.language : audience
  return isLanguage(language) ? language : DEFAULT_LANGUAGE
}

/** One message in the audience's language, `{{name}}` placeholders filled from `values`. */
export const message = (audience: Audience, key: MessageKey, values?: MessageValues): string =>
  fill(lookup(MESSAGES[languageOf(audience)], key) ?? lookup(messagesEn, key) ?? key, values)

/** The stable, language-free code of a message, as clients see it: `workflow.needsNote`. */
export const messageCode = (key: MessageKey): string => key.replaceAll(':', '.')

/** Items joined the audience's language's way: "a, b, and c", "a, b və c", "a, b и c" (or "or"). */
export const joinList = (
  audience: Audience,
  items: readonly string[],
  type: 'conjunction' | 'disjunction' = 'conjunction',
): string => new Intl.ListFormat(languageOf(audience), { type }).format(items)

/** A number written the audience's language's way (`1,000` in English, `1 000` in Russian). */
export const formatNumber = (audience: Audience, value: number): string =>
  value.toLocaleString(languageOf(audience))

/** A content language's name as it stands inside a sentence, in the audience's language. */
export const languageName = (audience: Audience, code: unknown): string =>
  isLanguage(code) ? message(audience, `languages:${code}`) : String(code ?? '')

/** The admin's language cookie, as Payload names it (`${cookiePrefix}-lng`, prefix `payload`). */
const LANGUAGE_COOKIE = 'payload-lng'

/**
 * The requester's language where Payload has not made a request yet (the GraphQL route's
 * wrapper): the admin's language cookie, else the first supported language of `Accept-Language`
 * as Payload reads it, else English: the same answer as Payload's `getRequestLanguage`.
 */
export const languageOfHeaders = (headers: Headers): Language => {
  const cookie = (headers.get('cookie') ?? '')
    .split(';')
    .map((part) => part.trim().split('='))
    .find(([name]) => name === LANGUAGE_COOKIE)?.[1]
  if (isLanguage(cookie)) return cookie
  const header = headers.get('accept-language')
  const accepted = header ? extractHeaderLanguage(header) : undefined
  return isLanguage(accepted) ? accepted : DEFAULT_LANGUAGE
}

export { messagesAz, messagesEn, messagesRu }
