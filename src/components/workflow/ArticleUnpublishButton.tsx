'use client'

import { PopupList, useAuth, useDocumentInfo, useModal } from '@payloadcms/ui'

import { hasRole } from '@/access/roles'
import type { User } from '@/payload-types'
import { TRANSITIONS } from '@/workflow/table'

import { UnpublishConfirm } from './UnpublishConfirm'
import { useWords } from '../admin/useWords'

const MODAL = 'article-unpublish-menu'

/**
 * Payload's "Unpublish" in the document's menu, as the workflow's `unpublish`: for the roles the
 * table lets unpublish, on a live article, and asking first (with the original's live language
 * versions, `UnpublishConfirm`).
 */
export const ArticleUnpublishButton = () => {
  const l = useWords()
  const { user } = useAuth<User>()
  const { id, hasPublishedDoc } = useDocumentInfo()
  const { openModal } = useModal()
  if (!id || !hasPublishedDoc || !hasRole(user, ...TRANSITIONS.unpublish.roles)) return null
  return (
    <>
      <PopupList.Button id="action-unpublish" onClick={() => openModal(MODAL)}>
        {l.transition('unpublish')}
      </PopupList.Button>
      <UnpublishConfirm modalSlug={MODAL} id={id} />
    </>
  )
}
