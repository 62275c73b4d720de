import { APIError } from 'payload'

/**
 * A refusal the caller sees as it is: a 4xx status and a message saying why. The message
 * travels in `data` too, since Payload's error formatter only passes messages through for
 * errors that carry data once the server is bundled for production.
 */
export const refusal = (message: string, status: number) =>
  new APIError(message, status, { message }, true)
