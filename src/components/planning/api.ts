/**
 * The calendar's two ways of moving an item, each through the server's own rules: a scheduled
 * publication through the workflow's `reschedule` transition (`POST /api/articles/:id/transition`,
 * every check of the table), a planned one by a draft save of `plannedAt` (`PATCH
 * /api/articles/:id?draft=true`: the article's update access and the field's own checks; a
 * published text stays as it is). A refusal throws `AdminFetchError` with the server's message.
 */
import type { Article } from '@/payload-types'

import { adminFetch } from '../admin/adminFetch'
import { workflowApi } from '../admin/articleApi'

export const moveItem = async (
  apiRoute: string,
  item: { id: number; kind: 'scheduled' | 'planned' },
  to: string,
) => {
  if (item.kind === 'scheduled') {
    await workflowApi.transition(apiRoute, item.id, { transition: 'reschedule', date: to })
    return
  }
  await adminFetch<{ doc: Article }>(
    `${apiRoute}/articles/${encodeURIComponent(String(item.id))}?draft=true&depth=0`,
    { method: 'PATCH', body: { plannedAt: to } },
  )
}
