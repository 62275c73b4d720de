/**
 * The fields language versions add to articles (src/translations/plugin.ts): the link to the
 * original, the Translations panel, the needs-update flag and the original's text a version
 * was made from. Only the translation hooks and endpoints write the last two.
 */
import type { Field, Where } from 'payload'

import { isStaffField } from '@/access/roles'
import { notCopied, notCopiedFlag } from '@/fields/duplicate'
import { translationsPanelField } from '@/fields/translationsPanel'
import { inLanguages, label } from '@/i18n/admin'

const never = () => false

export const translationFields: Field[] = [
  {
    name: 'translationOf',
    type: 'relationship',
    relationTo: 'articles',
    index: true,
    label: label('translations:translationOf'),
    // A copy of a language version is a new original in the same language: the story already
    // has its version in that language (one per language, a unique index), and a copy is for
    // starting another story from this text, not a second translation of the same one. Only
    // editors may then attach it to a story (keepInScope); a translator's copy, an original,
    // would be out of their reach and is refused.
    hooks: { beforeDuplicate: [notCopied] },
    filterOptions: ({ id }): Where => ({
      and: [{ id: { not_equals: id ?? 0 } }, { translationOf: { exists: false } }],
    }),
    admin: {
      position: 'sidebar',
      description: inLanguages('translations:translationOfDescription'),
    },
  },
  // The Translations panel (src/components/translations/): versions, add, diff, original text.
  translationsPanelField,
  {
    name: 'needsUpdate',
    type: 'checkbox',
    label: label('translations:needsUpdate'),
    defaultValue: false,
    index: true,
    // Set when the original is published again with other text; cleared by "mark updated".
    access: { create: never, update: never },
    hooks: { beforeDuplicate: [notCopiedFlag] },
    admin: {
      position: 'sidebar',
      readOnly: true,
      condition: (data) => Boolean(data?.translationOf),
      description: inLanguages('translations:needsUpdateDescription'),
      components: { Cell: '@/components/translations/NeedsUpdateCell#NeedsUpdateCell' },
    },
  },
  {
    name: 'translatedFrom',
    type: 'group',
    label: label('translations:translatedFrom'),
    access: { read: isStaffField, create: never, update: never },
    hooks: { beforeDuplicate: [() => ({})] },
    admin: {
      condition: (data) => Boolean(data?.translationOf),
      readOnly: true,
      description: inLanguages('translations:translatedFromDescription'),
    },
    fields: [
      { name: 'title', type: 'text', label: label('translations:title') },
      { name: 'dek', type: 'textarea', label: label('translations:dek') },
      { name: 'bodyText', type: 'textarea', label: label('translations:bodyText') },
      {
        name: 'at',
        type: 'date',
        label: label('translations:at'),
        admin: { date: { pickerAppearance: 'dayAndTime' } },
      },
    ],
  },
]
