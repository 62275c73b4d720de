/**
 * The moderation endpoints' contract (src/collections/Comments/endpoints/moderation.ts serves
 * it, src/components/comments-admin/ calls it): types and limits only, so that a change on one
 * side breaks the other at compile time.
 */
import type { CommentStatus } from './comments'

/** The statuses an editor may give comments (`unconfirmed` is the reader's, never an editor's). */
export const MODERATION_STATUSES = [
  'approved',
  'rejected',
  'spam',
  'pending',
] as const satisfies readonly CommentStatus[]
export type ModerationStatus = (typeof MODERATION_STATUSES)[number]

/** The most comments one bulk action changes. */
export const MAX_MODERATE_IDS = 200

/** POST /api/comments/moderate */
export type ModerateRequest = { ids: number[]; status: ModerationStatus }
export type ModerateResponse = {
  /** the comments whose status changed */
  changed: number[]
  /** the comments that had this status already (left untouched) */
  unchanged: number[]
  status: ModerationStatus
  /** "Comments changed: 2." in the requester's language */
  message: string
}

/** POST /api/comments/:id/reply */
export type ReplyRequest = { body: string }
export type ReplyResponse = {
  /** the newsroom's reply (approved) */
  id: number
  /** the top-level comment it answers */
  parent: number
  /** the comments approved along with the reply (the one replied to, while pending) */
  approved: number[]
  message: string
}

/** Characters of a comment an excerpt shows (the queue's column, the editors' email). */
export const EXCERPT_LENGTH = 200

/** A comment's first words on one line, cut at `length` with an ellipsis. */
export const excerptOf = (body: string, length = EXCERPT_LENGTH): string => {
  const flat = body.replace(/\s+/g, ' ').trim()
  return flat.length > length ? `${flat.slice(0, length - 1).trimEnd()}…` : flat
}
