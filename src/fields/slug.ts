import type { PayloadRequest, TextField } from 'payload'

import { inLanguages, label } from '@/i18n/admin'
import { message } from '@/lib/messages'
import { slugify } from '@/lib/slug'

/**
 * A slug filled from another field when left empty and normalised when typed, so URLs stay
 * lower-case ASCII whatever the language of the title. Once set it does not follow later title
 * edits: published URLs stay stable.
 */
export const slugField = (
  from: string,
  overrides: Pick<TextField, 'unique' | 'localized'> = {},
): TextField => ({
  name: 'slug',
  type: 'text',
  index: true,
  // Not `required`: the hook below fills it, so callers may omit it; `validate` still refuses
  // an empty slug when the document is validated (drafts skip validation, as for every field).
  label: label('common:slug'),
  validate: (value: string | null | undefined, { req }: { req: PayloadRequest }) =>
    Boolean(value && value.trim()) || message(req, 'articles:slugRequired'),
  admin: {
    position: 'sidebar',
    description: inLanguages(
      from === 'title' ? 'common:slugDescriptionTitle' : 'common:slugDescriptionName',
    ),
  },
  hooks: {
    beforeValidate: [
      ({ value, data, originalDoc }) => {
        if (typeof value === 'string' && value.trim()) return slugify(value)
        const source = data?.[from] ?? originalDoc?.[from]
        if (typeof source === 'string' && source.trim()) return slugify(source)
        // Localized source fields arrive as { en: '...' } when all locales are written at once.
        if (source && typeof source === 'object' && typeof source.en === 'string') {
          return slugify(source.en)
        }
        return value
      },
    ],
  },
  ...overrides,
})
