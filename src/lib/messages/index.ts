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

export { messagesAz, messagesEn, messagesRu }
