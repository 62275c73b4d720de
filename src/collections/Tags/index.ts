import type { CollectionConfig } from 'payload'

import { anyone, isEditor, isStaff } from '@/access/roles'
import { revalidateOnChange } from '@/cache/revalidate'
import { cacheTags } from '@/cache/tags'
import { slugField } from '@/fields/slug'
import { inLanguages, label } from '@/i18n/admin'

export const Tags: CollectionConfig = {
  slug: 'tags',
  labels: { singular: label('tags:singular'), plural: label('tags:plural') },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'slug'],
    group: inLanguages('groups:content'),
  },
  // A populated tag: its name and address.
  defaultPopulate: { name: true, slug: true },
  // Writers may coin a tag while filing; renaming and removing is an editor's call.
  access: { read: anyone, create: isStaff, update: isEditor, delete: isEditor },
  hooks: revalidateOnChange([cacheTags.tags]),
  fields: [
    { name: 'name', type: 'text', required: true, localized: true, label: label('common:name') },
    slugField('name', { unique: true }),
  ],
}
