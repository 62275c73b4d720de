import type { CollectionConfig } from 'payload'

import { anyone, isEditor, isStaff } from '@/access/roles'
import { revalidateOnChange } from '@/cache/revalidate'
import { cacheTags } from '@/cache/tags'
import { slugField } from '@/fields/slug'

export const Tags: CollectionConfig = {
  slug: 'tags',
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug'], group: 'Content' },
  // Writers may coin a tag while filing; renaming and removing is an editor's call.
  access: { read: anyone, create: isStaff, update: isEditor, delete: isEditor },
  hooks: revalidateOnChange([cacheTags.tags]),
  fields: [
    { name: 'name', type: 'text', required: true, localized: true },
    slugField('name', { unique: true }),
  ],
}
