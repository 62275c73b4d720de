import type { CollectionConfig } from 'payload'

import { anyone, isEditor } from '@/access/roles'
import { revalidateOnChange } from '@/cache/revalidate'
import { cacheTags } from '@/cache/tags'
import { slugField } from '@/fields/slug'
import { validateUrl } from '@/lib/safeUrl'

export const Authors: CollectionConfig = {
  slug: 'authors',
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'jobTitle', 'isHouse', 'updatedAt'],
    group: 'Newsroom',
    description: 'Public bylines: people, and house bylines such as the site itself.',
  },
  access: { read: anyone, create: isEditor, update: isEditor, delete: isEditor },
  // Bylines appear on article lists, so a renamed author expires them too.
  hooks: revalidateOnChange([cacheTags.authors, cacheTags.articles]),
  fields: [
    { name: 'name', type: 'text', required: true },
    slugField('name', { unique: true }),
    { name: 'jobTitle', type: 'text', localized: true },
    { name: 'bio', type: 'textarea', localized: true },
    { name: 'photo', type: 'upload', relationTo: 'media' },
    {
      name: 'isHouse',
      type: 'checkbox',
      label: 'House byline',
      defaultValue: false,
      admin: { position: 'sidebar', description: 'The outlet itself rather than a person.' },
    },
    {
      name: 'links',
      type: 'array',
      fields: [
        { name: 'label', type: 'text', required: true },
        { name: 'url', type: 'text', required: true, validate: validateUrl },
      ],
    },
  ],
}
