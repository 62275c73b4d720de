'use client'

import { useTranslation } from '@payloadcms/ui'
import { useMemo } from 'react'

import type { commentsEn } from '@/i18n/admin/comments/en'
import type { Keys } from '@/lib/dictionary'

/** A key of the comments' admin words: `queue:approve`, `panel:replyTitle`, `statuses:spam`. */
export type CommentKey = Keys<typeof commentsEn>

export type CommentWords = {
  language: string
  t: (key: CommentKey, values?: Record<string, string | number>) => string
}

/**
 * The moderation components' words in the admin's language: the admin dictionary's
 * `custom:comments:…` keys (src/i18n/admin/comments/), through Payload's own `t`.
 */
export const useCommentWords = (): CommentWords => {
  const { t, i18n } = useTranslation()
  return useMemo(() => {
    const translate = t as unknown as (key: string, values?: Record<string, unknown>) => string
    return {
      language: i18n.language,
      t: (key, values) => translate(`custom:comments:${key}`, values),
    }
  }, [t, i18n.language])
}
