import type { FieldHook, PayloadRequest, TextField } from 'payload'

import { inLanguages, label } from '@/i18n/admin'
import { message } from '@/lib/messages'
import { slugify } from '@/lib/slug'

type Doc = Record<string, unknown> | undefined

/**
 * A `beforeValidate` hook for a slug field: while `when(originalDoc)` holds and the document was
 * never published (no URL to keep), a slug nobody set (still the one made from the old source)
 * is made again from the changed source. The translations plugin uses it so that a language
 * version, made with its original's title, gets a slug in its own language once its title is
 * translated. Runs before the slug field's own hook, which then normalises the result.
 */
export const slugFollowsSource =
  (from: string, when: (originalDoc: Record<string, unknown>) => boolean): FieldHook =>
  ({ value, data, originalDoc }) => {
    const doc = originalDoc as Doc
    const after = (data as Doc)?.[from]
    const before = doc?.[from]
    if (!doc || !when(doc) || doc._status === 'published' || doc.publishedAt) return value
    if (typeof before !== 'string' || typeof after !== 'string' || !after.trim()) return value
    if (after === before) return value
    const current = typeof value === 'string' && value.trim() ? value : doc.slug
    return current === slugify(before) ? slugify(after) : value
  }

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
