/**
 * Whether a language version flagged as needing an update has been updated: its own text
 * (title, dek, body) differs from what it was when it was flagged. "Mark updated" follows an
 * actual update; the flag alone is not one.
 *
 * The text at flagging time is the saved version Payload kept when the flag was set: the oldest
 * of the document's versions since the flag was last clear (version ids only grow).
 */
import type { PayloadRequest } from 'payload'

import type { Article } from '@/payload-types'

import { sameText, textOf, type TextSnapshot } from './shared'

const versionsWhere = async (
  req: PayloadRequest,
  id: number,
  needsUpdate: boolean,
  afterId: number | string | null,
  sort: 'id' | '-id',
) =>
  (
    await req.payload.findVersions({
      collection: 'articles',
      req,
      depth: 0,
      limit: 1,
      overrideAccess: true,
      sort,
      where: {
        and: [
          { parent: { equals: id } },
          needsUpdate
            ? { 'version.needsUpdate': { equals: true } }
            : { 'version.needsUpdate': { not_equals: true } },
          ...(afterId === null ? [] : [{ id: { greater_than: afterId } }]),
        ],
      },
    })
  ).docs[0] ?? null

/** The version's own text when it was last flagged; null when no saved version shows it. */
export const textWhenFlagged = async (
  req: PayloadRequest,
  id: number,
): Promise<TextSnapshot | null> => {
  const lastClear = await versionsWhere(req, id, false, null, '-id')
  const flagged = await versionsWhere(req, id, true, lastClear?.id ?? null, 'id')
  return flagged ? textOf(flagged.version as Article) : null
}

/**
 * Whether the version (its latest text, the pending draft if any) has changed since it was
 * flagged. A version not flagged counts as up to date; one whose text at flagging time is no
 * longer kept (versions pruned) counts as updated, as nothing shows otherwise.
 */
export const updatedSinceFlagged = async (
  req: PayloadRequest,
  version: Article,
): Promise<boolean> => {
  if (!version.needsUpdate) return true
  const then = await textWhenFlagged(req, version.id)
  return then === null || !sameText(textOf(version), then)
}
