import type { CollectionConfig } from 'payload'

import { anyone, isEditor } from '@/access/roles'
import { revalidateOnChange } from '@/cache/revalidate'
import { cacheTags } from '@/cache/tags'
import { slugField } from '@/fields/slug'

/** Sections of the site, nested through `parent` (added with breadcrumbs by the nested-docs plugin). */
export const Categories: CollectionConfig = {
  slug: 'categories',
  labels: { singular: 'Section', plural: 'Sections' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'slug', 'parent', 'order'],
    group: 'Content',
  },
  defaultSort: 'order',
  access: { read: anyone, create: isEditor, update: isEditor, delete: isEditor },
  hooks: revalidateOnChange([cacheTags.categories, cacheTags.articles]),
  fields: [
    { name: 'name', type: 'text', required: true, localized: true },
    slugField('name', { unique: true }),
    { name: 'description', type: 'textarea', localized: true },
    {
      name: 'order',
      type: 'number',
      defaultValue: 100,
      index: true,
      admin: { position: 'sidebar', description: 'Position in menus, ascending.' },
    },
  ],
}
