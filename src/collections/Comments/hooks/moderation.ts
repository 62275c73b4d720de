import type { CollectionBeforeChangeHook } from 'payload'

import { refuse } from '@/lib/errors'
import { idOf } from '@/lib/relations'
import type { Comment } from '@/payload-types'

/** Statuses a comment is created in by the reader's side: no one moderated it yet. */
const UNMODERATED = new Set(['unconfirmed', 'pending'])

/**
 * Who moderated a comment, and when: set whenever a person changes its status, however the
 * change comes (the moderation endpoints, the edit view, REST or GraphQL). The fields are closed
 * to the API (field access runs before this hook), so only this hook writes them.
 *
 * It also holds the one rule about replies: a reply is approved only under an approved comment,
 * so the public page never shows an answer to something it does not show. Approving both in one
 * bulk action works (the endpoint approves top-level comments first, in the same transaction).
 */
export const recordModeration: CollectionBeforeChangeHook<Comment> = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const from = operation === 'update' ? originalDoc?.status : undefined
  const to = data.status ?? from
  if (!to || to === from) return data

  const byPerson = Boolean(req.user) && !(operation === 'create' && UNMODERATED.has(to))
  if (byPerson && req.user) {
    data.moderatedBy = req.user.id
    data.moderatedAt = new Date().toISOString()
  }

  if (to === 'approved') {
    const parentId = idOf(data.parent !== undefined ? data.parent : originalDoc?.parent)
    if (parentId !== null) {
      const parent = await req.payload.findByID({
        collection: 'comments',
        id: parentId,
        req,
        depth: 0,
        overrideAccess: true,
        disableErrors: true,
        select: { status: true },
      })
      if (parent && parent.status !== 'approved') {
        throw refuse(req, 'moderation:parentNotApproved', 400, {
          id: originalDoc?.id ?? '—',
          parentId,
        })
      }
    }
  }
  return data
}
