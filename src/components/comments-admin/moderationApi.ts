/**
 * The moderation endpoints, one typed function each (the contract: src/lib/commentModeration.ts),
 * and the counts of the queue's tabs through Payload's REST `count`.
 */
import type { ModerateResponse, ModerationStatus, ReplyResponse } from '@/lib/commentModeration'

import { adminFetch } from '../admin/adminFetch'

export const moderate = (ids: number[], status: ModerationStatus) =>
  adminFetch<ModerateResponse>('/api/comments/moderate', {
    method: 'POST',
    body: { ids, status },
  })

export const replyAsNewsroom = (id: number, body: string) =>
  adminFetch<ReplyResponse>(`/api/comments/${id}/reply`, { method: 'POST', body: { body } })

/** How many comments match `conditions` (field → value, all equal). */
export const countComments = async (
  conditions: Record<string, string>,
  signal?: AbortSignal,
): Promise<number> => {
  const query = Object.entries(conditions)
    .map(
      ([field, value], i) =>
        `where[and][${i}][${encodeURIComponent(field)}][equals]=${encodeURIComponent(value)}`,
    )
    .join('&')
  const result = await adminFetch<{ totalDocs: number }>(
    `/api/comments/count${query ? `?${query}` : ''}`,
    { signal },
  )
  return result.totalDocs
}
