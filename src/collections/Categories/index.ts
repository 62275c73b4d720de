import type { CollectionConfig } from 'payload'

import { anyone, isEditor } from '@/access/roles'
import { revalidateOnChange } from '@/cache/revalidate'
import { cacheTags } from '@/cache/tags'
import { commentModeField } from '@/fields/commentMode'
import { slugField } from '@/fields/slug'
import { inLanguages, label } from '@/i18n/admin'

/** Sections of the site, nested through `parent` (added with breadcrumbs by the nested-docs plugin). */
export const Categories: CollectionConfig = {
  slug: 'categories',
  labels: { singular: label('categories:singular'), plural: label('categories:plural') },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'slug', 'parent', 'order'],
    group: inLanguages('groups:content'),
  },
  defaultSort: 'order',
  // A populated section: its name and address (the path from its breadcrumbs), not its description.
  defaultPopulate: { name: true, slug: true, parent: true, breadcrumbs: true },
  access: { read: anyone, create: isEditor, update: isEditor, delete: isEditor },
  hooks: revalidateOnChange([cacheTags.categories, cacheTags.articles]),
  fields: [
    { name: 'name', type: 'text', required: true, localized: true, label: label('common:name') },
    slugField('name', { unique: true }),
    {
      name: 'description',
      type: 'textarea',
      localized: true,
      label: label('categories:description'),
    },
    {
      name: 'order',
      type: 'number',
      defaultValue: 100,
      index: true,
      label: label('categories:order'),
      admin: { position: 'sidebar', description: inLanguages('categories:orderDescription') },
    },
    commentModeField('section'),
  ],
}
