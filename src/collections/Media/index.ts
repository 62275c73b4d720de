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
  // An image populated in another document (an article's hero, a byline's photo): what a page
  // shows of it (every rendition's URL and size, the words about it), not its storage details.
  defaultPopulate: {
    alt: true,
    caption: true,
    credit: true,
    filename: true,
    mimeType: true,
    filesize: true,
    width: true,
    height: true,
    focalX: true,
    focalY: true,
    url: true,
    thumbnailURL: true,
    sizes: true,
    prefix: true,
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
