import type { CollectionConfig } from 'payload'

import { isEditor, isEditorUser } from '@/access/roles'
import { inLanguages, label } from '@/i18n/admin'
import { LIVE_KINDS, LIVE_LIMITS } from '@/lib/live'
import { refuseUnsafeUrl, validateUrl } from '@/lib/safeUrl'

import { checkLiveUpdate, expireDeletedLiveUpdate, expireLiveUpdate } from './hooks'

const never = () => false

/**
 * The short timestamped updates of an article's live coverage (`live-coverages`): text, an image
 * with its caption, a quote with who said it, or a link; optionally a key update. Kept outside
 * the versioned article: posting, correcting or deleting one never re-publishes the article or
 * makes a version. Editors and admins only through every API (see `LiveCoverages`); readers
 * see the updates of published articles through the read layer (`src/data/live.ts`): the
 * article page and its live JSON.
 */
export const LiveUpdates: CollectionConfig = {
  slug: 'live-updates',
  labels: { singular: label('live:update'), plural: label('live:updates') },
  admin: {
    useAsTitle: 'headline',
    defaultColumns: ['postedAt', 'article', 'kind', 'headline', 'text', 'pinned'],
    group: inLanguages('groups:newsroom'),
    hidden: ({ user }) => !isEditorUser(user as { roles?: string[] } | null),
  },
  defaultSort: '-postedAt',
  access: { read: isEditor, create: isEditor, update: isEditor, delete: isEditor },
  hooks: {
    beforeChange: [checkLiveUpdate],
    afterChange: [expireLiveUpdate],
    afterDelete: [expireDeletedLiveUpdate],
  },
  indexes: [{ fields: ['article', 'postedAt'] }],
  fields: [
    {
      name: 'article',
      type: 'relationship',
      relationTo: 'articles',
      required: true,
      index: true,
      label: label('live:article'),
    },
    {
      name: 'kind',
      type: 'select',
      required: true,
      defaultValue: 'text',
      label: label('live:kind'),
      options: LIVE_KINDS.map((kind) => ({ label: label(`live:kinds:${kind}`), value: kind })),
    },
    {
      name: 'postedAt',
      type: 'date',
      required: true,
      index: true,
      label: label('live:postedAt'),
      defaultValue: () => new Date().toISOString(),
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'headline',
      type: 'text',
      maxLength: LIVE_LIMITS.headline,
      label: label('live:headline'),
    },
    {
      name: 'text',
      type: 'textarea',
      maxLength: LIVE_LIMITS.text,
      label: label('live:text'),
      admin: { description: inLanguages('live:textDescription') },
    },
    {
      name: 'image',
      type: 'upload',
      relationTo: 'media',
      label: label('live:image'),
      admin: { condition: (_data, sibling) => sibling?.kind === 'image' },
    },
    {
      name: 'attribution',
      type: 'text',
      maxLength: LIVE_LIMITS.attribution,
      label: label('live:attribution'),
      admin: { condition: (_data, sibling) => sibling?.kind === 'quote' },
    },
    {
      name: 'url',
      type: 'text',
      maxLength: LIVE_LIMITS.url,
      label: label('live:url'),
      validate: validateUrl,
      hooks: { beforeChange: [refuseUnsafeUrl] },
      admin: { condition: (_data, sibling) => sibling?.kind === 'link' },
    },
    {
      name: 'linkTitle',
      type: 'text',
      maxLength: LIVE_LIMITS.linkTitle,
      label: label('live:linkTitle'),
      admin: { condition: (_data, sibling) => sibling?.kind === 'link' },
    },
    {
      name: 'pinned',
      type: 'checkbox',
      defaultValue: false,
      label: label('live:pinned'),
      admin: { position: 'sidebar' },
    },
    {
      name: 'author',
      type: 'relationship',
      relationTo: 'users',
      label: label('live:author'),
      access: { create: never, update: never },
      admin: { position: 'sidebar', readOnly: true },
    },
  ],
  timestamps: true,
}
