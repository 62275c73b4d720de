import type { CollectionConfig } from 'payload'

import { publishedOrStaff } from '@/access/publishedOrStaff'
import { isEditor, isStaff } from '@/access/roles'
import { revalidateOnChange } from '@/cache/revalidate'
import { cacheTags } from '@/cache/tags'
import { listWithoutBodies } from '@/collections/Articles/listShape'
import { slugField } from '@/fields/slug'
import { inLanguages, label } from '@/i18n/admin'

/** Static pages (Who we are, Privacy Policy, ...), localized field by field. */
export const Pages: CollectionConfig = {
  slug: 'pages',
  labels: { singular: label('pages:singular'), plural: label('pages:plural') },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'slug', '_status'],
    group: inLanguages('groups:content'),
  },
  access: {
    read: publishedOrStaff,
    readVersions: isStaff,
    create: isEditor,
    update: isEditor,
    delete: isEditor,
  },
  versions: { drafts: true, maxPerDoc: 30 },
  // A REST list leaves the body out unless asked (src/collections/Articles/listShape.ts).
  hooks: { ...revalidateOnChange([cacheTags.pages]), beforeOperation: [listWithoutBodies] },
  fields: [
    { name: 'title', type: 'text', required: true, localized: true, label: label('common:title') },
    slugField('title', { unique: true }),
    { name: 'body', type: 'richText', localized: true, label: label('common:body') },
  ],
}
