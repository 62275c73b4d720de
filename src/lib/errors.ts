import { APIError } from 'payload'

/**
 * A refusal of bad input or a forbidden action that the caller sees as it is: a 4xx status and a message saying why. It is named
 * explicitly: Payload's REST error formatter keeps the message of an error it recognises by
 * class or by name, and in the bundled production server neither the class identity nor the
 * minified class name survives.
 */
export const refusal = (message: string, status: number) => {
  const error = new APIError(message, status, undefined, true)
  error.name = 'Refusal'
  return error
}
