'use client'

import type { DefaultCellComponentProps } from 'payload'

import { excerptOf } from '@/lib/commentModeration'

/** How much of a comment the queue's column shows: enough to judge most at a glance. */
const LIST_EXCERPT = 160

/** A comment's body in the moderation queue: its first words, the whole text on hover. */
export const ExcerptCell = ({ cellData }: DefaultCellComponentProps) => {
  const body = typeof cellData === 'string' ? cellData : ''
  const excerpt = excerptOf(body, LIST_EXCERPT)
  return (
    <span className="comments-queue__excerpt" title={excerpt === body ? undefined : body}>
      {excerpt}
    </span>
  )
}
