'use client'

import { Button } from '@payloadcms/ui'

import type { ModerationStatus } from '@/lib/commentModeration'

import { useCommentWords, type CommentKey } from './useCommentWords'

const ACTIONS: { status: ModerationStatus; key: CommentKey }[] = [
  { status: 'approved', key: 'queue:approve' },
  { status: 'rejected', key: 'queue:reject' },
  { status: 'spam', key: 'queue:spam' },
  { status: 'pending', key: 'queue:toPending' },
]

/**
 * A moderator's verdicts as buttons (approve first and primary), without the one the comments
 * already have: the queue's bulk bar and a comment's own panel show the same set.
 */
export function VerdictButtons({
  current,
  busy,
  onPick,
}: {
  /** the status the comments have now (its button is left out), if one */
  current: string | null | undefined
  busy: boolean
  onPick: (status: ModerationStatus) => void
}) {
  const { t } = useCommentWords()
  return ACTIONS.filter((action) => action.status !== current).map((action) => (
    <Button
      key={action.status}
      buttonStyle={action.status === 'approved' ? 'primary' : 'secondary'}
      size="small"
      margin={false}
      disabled={busy}
      onClick={() => onPick(action.status)}
      extraButtonProps={{ 'data-action': action.status }}
    >
      {t(action.key)}
    </Button>
  ))
}
