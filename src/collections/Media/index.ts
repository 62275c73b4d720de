import type { CollectionConfig } from 'payload'

import { anyone, isEditor, isStaff } from '@/access/roles'
import { inLanguages, label } from '@/i18n/admin'
import { IMAGE_MIME_TYPES, MEDIA_DIR } from '@/lib/uploads'

import { validateUpload } from './hooks/validateUpload'

const webp = { format: 'webp', options: { quality: 80 } } as const

export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: label('media:singular'), plural: label('media:plural') },
  admin: {
    useAsTitle: 'alt',
    defaultColumns: ['filename', 'alt', 'credit', 'updatedAt'],
    group: inLanguages('groups:content'),
  },
  access: { read: anyone, create: isStaff, update: isEditor, delete: isEditor },
  hooks: {
    beforeOperation: [validateUpload],
  },
  upload: {
    staticDir: MEDIA_DIR,
    mimeTypes: [...IMAGE_MIME_TYPES],
    focalPoint: true,
    crop: true,
    adminThumbnail: 'thumbnail',
    imageSizes: [
      { name: 'thumbnail', width: 400, height: 225, formatOptions: webp },
      { name: 'card', width: 768, height: 432, formatOptions: webp },
      { name: 'hero', width: 1600, withoutEnlargement: true, formatOptions: webp },
      {
        // Open Graph / Twitter card: 1200×630, cropped around the focal point. JPEG, because
        // not every link-preview scraper reads WebP.
        name: 'og',
        width: 1200,
        height: 630,
        formatOptions: { format: 'jpeg', options: { quality: 82 } },
      },
    ],
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      required: true,
      localized: true,
      label: label('media:alt'),
      admin: { description: inLanguages('media:altDescription') },
    },
    { name: 'caption', type: 'text', localized: true, label: label('media:caption') },
    {
      name: 'credit',
      type: 'text',
      label: label('media:credit'),
      admin: { description: inLanguages('media:creditDescription') },
    },
  ],
}
