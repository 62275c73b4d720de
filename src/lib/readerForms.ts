/**
 * What the readers' write endpoints (comments, the newsletter) share: a refusal worded for the
 * reader, its JSON answer (the enhanced form's, the same shape as every other refusal), the
 * `303` back to a page (a form without JavaScript), and what counts as an email address.
 */
import type { Language } from './languages'
import { message, messageCode, type MessageKey, type MessageValues } from './messages'

/** The most a reader's form may send (a full comment is ~2 000 characters, up to 4 bytes each). */
export const READER_FORM_MAX_BYTES = 16 * 1024

/** A refusal of a reader's write: its message key and values, the status, extra headers. */
export class ReaderRefusal extends Error {
  constructor(
    readonly key: MessageKey,
    readonly status: number,
    readonly values?: MessageValues,
    readonly headers?: Record<string, string>,
  ) {
    super(key)
    this.name = 'Refusal'
  }
}

/** The enhanced form's answer to a refusal: `{ errors: [{ message, data: { code } }] }`. */
export const refusalJson = (language: Language, refusal: ReaderRefusal) =>
  Response.json(
    {
      errors: [
        {
          name: 'Refusal',
          message: message(language, refusal.key, refusal.values),
          data: { code: messageCode(refusal.key) },
        },
      ],
    },
    { status: refusal.status, headers: { 'cache-control': 'no-store', ...refusal.headers } },
  )

/** A form without JavaScript sent back to a page. */
export const seeOther = (location: string) =>
  new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } })

/** A plausible email address (one @, a dot in the domain, no spaces), at most 254 characters. */
export const isEmailAddress = (value: string): boolean =>
  value.length <= 254 && /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>".]{2,}$/.test(value)
