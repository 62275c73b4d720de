import type { CollectionConfig } from 'payload'

import { isEditor, isEditorField, isEditorUser } from '@/access/roles'
import { addressHashField, systemDateField } from '@/fields/system'
import { inLanguages, label } from '@/i18n/admin'
import { COMMENT_LIMITS, COMMENT_STATUSES } from '@/lib/comments'
import { CONTENT_LANGUAGE_OPTIONS } from '@/lib/languages'

import { moderationEndpoints } from './endpoints/moderation'
import { publicCommentEndpoints } from './endpoints/public'
import { expireApprovedComment, expireDeletedComment } from './hooks/cache'
import { recordModeration } from './hooks/moderation'
import { queueCommentNotice } from './hooks/notify'

const never = () => false

/**
 * Readers' comments on articles, one level of replies. Nobody but editors reads this collection
 * through any API: the public page reads approved comments through the read layer, which selects
 * only what a reader may see (never the email or the address hash). Readers write through the
 * public form (src/app/…/comments), never through Payload's create.
 */
export const Comments: CollectionConfig = {
  slug: 'comments',
  labels: { singular: label('comments:singular'), plural: label('comments:plural') },
  admin: {
    useAsTitle: 'name',
    // The moderation queue: what a moderator reads to decide, the email among it (editors only).
    defaultColumns: ['createdAt', 'status', 'name', 'email', 'body', 'article', 'language'],
    group: inLanguages('groups:newsroom'),
    // Only editors moderate: the others do not see the collection at all.
    hidden: ({ user }) => !isEditorUser(user as { roles?: string[] } | null),
    pagination: { defaultLimit: 50, limits: [25, 50, 100, 200] },
    components: {
      // Status tabs with counts, language filter, bulk approve / reject / spam on the selection.
      beforeListTable: ['@/components/comments-admin/ModerationBar#ModerationBar'],
    },
  },
  defaultSort: '-createdAt',
  endpoints: [...publicCommentEndpoints, ...moderationEndpoints],
  hooks: {
    beforeChange: [recordModeration],
    // The page shows an approved comment within a second; then the editors hear of new ones.
    afterChange: [expireApprovedComment, queueCommentNotice],
    afterDelete: [expireDeletedComment],
  },
  access: {
    read: isEditor,
    create: isEditor,
    update: isEditor,
    delete: isEditor,
  },
  fields: [
    {
      name: 'article',
      type: 'relationship',
      relationTo: 'articles',
      required: true,
      index: true,
      label: label('comments:article'),
    },
    {
      name: 'parent',
      type: 'relationship',
      relationTo: 'comments',
      index: true,
      label: label('comments:parent'),
    },
    {
      name: 'name',
      type: 'text',
      required: true,
      maxLength: COMMENT_LIMITS.name,
      label: label('comments:name'),
    },
    {
      name: 'email',
      type: 'email',
      required: true,
      index: true,
      label: label('comments:email'),
      access: { read: isEditorField },
      admin: { description: inLanguages('comments:emailDescription') },
    },
    {
      name: 'body',
      type: 'textarea',
      required: true,
      maxLength: COMMENT_LIMITS.body,
      label: label('comments:body'),
      // The queue's column shows an excerpt, not the whole comment.
      admin: { components: { Cell: '@/components/comments-admin/ExcerptCell#ExcerptCell' } },
    },
    {
      name: 'language',
      type: 'select',
      required: true,
      index: true,
      label: label('common:language'),
      options: CONTENT_LANGUAGE_OPTIONS,
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      index: true,
      defaultValue: 'pending',
      label: label('comments:status'),
      options: COMMENT_STATUSES.map((status) => ({
        label: label(`comments:statuses:${status}`),
        value: status,
      })),
      admin: { position: 'sidebar' },
    },
    {
      // Approve / reject / spam this comment, and the newsroom's reply (no data of its own).
      name: 'moderation',
      type: 'ui',
      admin: {
        position: 'sidebar',
        components: { Field: '@/components/comments-admin/ModerationPanel#ModerationPanel' },
      },
    },
    {
      name: 'byNewsroom',
      type: 'checkbox',
      defaultValue: false,
      label: label('comments:byNewsroom'),
      admin: { position: 'sidebar', readOnly: true },
    },
    addressHashField('comments:ipHash', 'comments:ipHashDescription'),
    {
      name: 'moderatedBy',
      type: 'relationship',
      relationTo: 'users',
      label: label('comments:moderatedBy'),
      access: { create: never, update: never },
      admin: { position: 'sidebar', readOnly: true },
    },
    systemDateField('moderatedAt', 'comments:moderatedAt'),
    {
      name: 'notifiedAt',
      type: 'date',
      label: label('comments:notifiedAt'),
      access: { create: never, update: never },
      admin: { hidden: true },
    },
  ],
  timestamps: true,
}
