import type { DateField, TextField } from 'payload'

import { isEditorField } from '@/access/roles'
import { inLanguages, label, type AdminKey } from '@/i18n/admin'

const never = () => false

/**
 * A moment the system records (who moderated when, a confirmation, an unsubscription): shown in
 * the sidebar, never written through the API; the server sets it with `overrideAccess`.
 */
export const systemDateField = (name: string, labelKey: AdminKey): DateField => ({
  name,
  type: 'date',
  label: label(labelKey),
  access: { create: never, update: never },
  admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
})

/**
 * The salted hash of the address a reader's write came from (src/lib/clientAddress.ts):
 * for rate limits and spotting repeats; readable by editors only, written by the server only.
 */
export const addressHashField = (labelKey: AdminKey, descriptionKey: AdminKey): TextField => ({
  name: 'ipHash',
  type: 'text',
  index: true,
  label: label(labelKey),
  access: { read: isEditorField, create: never, update: never },
  admin: { position: 'sidebar', readOnly: true, description: inLanguages(descriptionKey) },
})
