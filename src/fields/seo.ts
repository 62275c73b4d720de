/**
 * The SEO plugin's fields (title, description, image) with the admin's labels
 * (src/i18n/admin/, `seo:`): on articles, which carry them unlocalized, and on pages, where the
 * plugin adds them. The plugin's own labels are English only.
 */
import type { Field } from 'payload'

import { inLanguages, label, type AdminKey } from '@/i18n/admin'

const LABELS: Record<string, { label: AdminKey; description?: AdminKey }> = {
  title: { label: 'seo:title' },
  description: { label: 'seo:description' },
  image: { label: 'seo:image', description: 'seo:imageDescription' },
}

/** One of the plugin's fields with our label (and description); any other field as it is. */
export const withSeoLabels = (field: Field): Field => {
  const texts = 'name' in field ? LABELS[field.name] : undefined
  if (!texts) return field
  return {
    ...field,
    label: label(texts.label),
    ...(texts.description && {
      admin: { ...field.admin, description: inLanguages(texts.description) },
    }),
  } as Field
}
