/**
 * The signed parts of the public comment form (server only: they use PAYLOAD_SECRET): the
 * form's render time, checked by the submit endpoint.
 */
import { COMMENT_FORM_MAX_AGE_SECONDS, COMMENT_FORM_MIN_SECONDS } from './commentForm'
import { signLink, verifyLink } from './signedLinks'

const FORM_PURPOSE = 'comment-form'

/** A token saying "this form was rendered at `at`", which a client cannot forge. */
export const commentFormToken = (at: Date = new Date()): string =>
  signLink(FORM_PURPOSE, { t: at.getTime() })

export type FormTokenCheck = 'ok' | 'tooFast' | 'expired'

/** Whether a form's token allows its submission `now`. */
export const checkCommentFormToken = (token: unknown, now = new Date()): FormTokenCheck => {
  const verified = verifyLink(FORM_PURPOSE, token, now)
  if (!verified.ok || typeof verified.data.t !== 'number') return 'expired'
  const ageMs = now.getTime() - verified.data.t
  if (ageMs > COMMENT_FORM_MAX_AGE_SECONDS * 1000 || ageMs < -60_000) return 'expired'
  return ageMs < COMMENT_FORM_MIN_SECONDS * 1000 ? 'tooFast' : 'ok'
}
