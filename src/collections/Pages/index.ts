import type { CollectionConfig } from 'payload'

import { publishedOrStaff } from '@/access/publishedOrStaff'
import { isEditor, isStaff } from '@/access/roles'
import { revalidateOnChange } from '@/cache/revalidate'
import { cacheTags } from '@/cache/tags'
import { slugField } from '@/fields/slug'

/** Static pages (Who we are, Privacy Policy, ...), localized field by field. */
export const Pages: CollectionConfig = {
  slug: 'pages',
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'slug', '_status'], group: 'Content' },
  access: {
    read: publishedOrStaff,
    readVersions: isStaff,
    create: isEditor,
    update: isEditor,
    delete: isEditor,
  },
  versions: { drafts: true, maxPerDoc: 30 },
  hooks: revalidateOnChange([cacheTags.pages]),
  fields: [
    { name: 'title', type: 'text', required: true, localized: true },
    slugField('title', { unique: true }),
    { name: 'body', type: 'richText', localized: true },
  ],
}
