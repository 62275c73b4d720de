import type { CollectionConfig } from 'payload'

import { anyone, isEditor } from '@/access/roles'
import { revalidateOnChange } from '@/cache/revalidate'
import { cacheTags } from '@/cache/tags'
import { slugField } from '@/fields/slug'
import { inLanguages, label } from '@/i18n/admin'
import { validateUrl } from '@/lib/safeUrl'

export const Authors: CollectionConfig = {
  slug: 'authors',
  labels: { singular: label('authors:singular'), plural: label('authors:plural') },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'jobTitle', 'isHouse', 'updatedAt'],
    group: inLanguages('groups:newsroom'),
    description: inLanguages('authors:description'),
  },
  // A populated byline: name, address and title, not the bio and links of the author's page.
  defaultPopulate: { name: true, slug: true, jobTitle: true, isHouse: true, photo: true },
  access: { read: anyone, create: isEditor, update: isEditor, delete: isEditor },
  // Bylines appear on article lists, so a renamed author expires them too.
  hooks: revalidateOnChange([cacheTags.authors, cacheTags.articles]),
  fields: [
    { name: 'name', type: 'text', required: true, label: label('common:name') },
    slugField('name', { unique: true }),
    { name: 'jobTitle', type: 'text', localized: true, label: label('authors:jobTitle') },
    { name: 'bio', type: 'textarea', localized: true, label: label('authors:bio') },
    { name: 'photo', type: 'upload', relationTo: 'media', label: label('authors:photo') },
    {
      name: 'isHouse',
      type: 'checkbox',
      label: label('authors:isHouse'),
      defaultValue: false,
      admin: { position: 'sidebar', description: inLanguages('authors:isHouseDescription') },
    },
    {
      name: 'links',
      type: 'array',
      label: label('authors:links'),
      labels: { singular: label('authors:link'), plural: label('authors:links') },
      fields: [
        { name: 'label', type: 'text', required: true, label: label('authors:linkLabel') },
        {
          name: 'url',
          type: 'text',
          required: true,
          label: label('common:url'),
          validate: validateUrl,
        },
      ],
    },
  ],
}
