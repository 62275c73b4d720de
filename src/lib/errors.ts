import { APIError } from 'payload'

import {
  message,
  messageCode,
  type Audience,
  type MessageKey,
  type MessageValues,
} from './messages'

/**
 * Marks an error as a refusal the caller sees as it is: a 4xx status and a message saying why.
 * It is named explicitly: Payload's REST error formatter keeps the message of an error it
 * recognises by class or by name, and in the bundled production server neither the class
 * identity nor the minified class name survives.
 */
const named = <E extends Error>(error: E): E => {
  error.name = 'Refusal'
  return error
}

/**
 * A refusal of bad input or a forbidden action, worded in the requester's language
 * (`req.i18n`, src/lib/messages/), with the message's stable code beside it: the API answers
 * `{ errors: [{ name: 'Refusal', message, data: { code } }] }`.
 */
export const refuse = (
  audience: Audience,
  key: MessageKey,
  status: number,
  values?: MessageValues,
) => named(new APIError(message(audience, key, values), status, { code: messageCode(key) }, true))

/** A refusal with a message that is not (yet) in the messages dictionary: English only. */
export const refusal = (text: string, status: number) =>
  named(new APIError(text, status, undefined, true))
