import type { CollectionConfig } from 'payload'

import { anyone, isEditor, isStaff } from '@/access/roles'
import { IMAGE_MIME_TYPES, MEDIA_DIR } from '@/lib/uploads'

import { validateUpload } from './hooks/validateUpload'

const webp = { format: 'webp', options: { quality: 80 } } as const

export const Media: CollectionConfig = {
  slug: 'media',
  admin: {
    useAsTitle: 'alt',
    defaultColumns: ['filename', 'alt', 'credit', 'updatedAt'],
    group: 'Content',
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
      admin: { description: 'What the image shows, for readers who cannot see it.' },
    },
    { name: 'caption', type: 'text', localized: true },
    { name: 'credit', type: 'text', admin: { description: 'Photographer / agency.' } },
  ],
}
