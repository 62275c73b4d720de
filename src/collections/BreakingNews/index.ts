import type { CollectionConfig } from 'payload'

import { isEditor, isEditorUser } from '@/access/roles'
import { inLanguages, label } from '@/i18n/admin'
import { BREAKING_SLUG } from '@/lib/breaking'
import { CONTENT_LANGUAGE_OPTIONS } from '@/lib/languages'

import { breakingEndpoints } from './endpoints'
import { checkBreakingMark, expireBreakingMark, expireRemovedBreakingMark } from './hooks'

const never = () => false

/**
 * Breaking-news marks: a published article and the moment its mark runs out (src/lib/breaking.ts
 * has the rules). Kept apart from the article, so marking, changing and removing never
 * re-publish it nor add one of its versions. Editors and admins only, on every way in; readers
 * see current marks of published articles through the read layer (src/data/breaking.ts), never
 * through this collection.
 */
export const BreakingNews: CollectionConfig = {
  slug: BREAKING_SLUG,
  typescript: { interface: 'BreakingNewsMark' },
  graphQL: { singularName: 'BreakingNewsMark', pluralName: 'BreakingNewsMarks' },
  labels: { singular: label('breaking:singular'), plural: label('breaking:plural') },
  admin: {
    defaultColumns: ['article', 'language', 'expiresAt', 'markedBy', 'createdAt'],
    group: inLanguages('groups:newsroom'),
    hidden: ({ user }) => !isEditorUser(user as { roles?: string[] } | null),
  },
  defaultSort: '-createdAt',
  access: {
    read: isEditor,
    create: isEditor,
    update: isEditor,
    delete: isEditor,
  },
  endpoints: breakingEndpoints,
  hooks: {
    beforeChange: [checkBreakingMark],
    afterChange: [expireBreakingMark],
    afterDelete: [expireRemovedBreakingMark],
  },
  fields: [
    {
      name: 'article',
      type: 'relationship',
      relationTo: 'articles',
      // Required by the hook on every save (`checkBreakingMark`), not by the column: deleting an
      // article for good sets its marks' article to null, and readers never see such a mark.
      unique: true,
      index: true,
      label: label('breaking:article'),
      // The admin offers published articles only (the hook refuses the others anyway).
      filterOptions: { _status: { equals: 'published' } },
    },
    {
      name: 'expiresAt',
      type: 'date',
      index: true,
      label: label('breaking:expiresAt'),
      admin: {
        date: { pickerAppearance: 'dayAndTime' },
        description: inLanguages('breaking:expiresAtDescription'),
      },
    },
    {
      name: 'language',
      type: 'select',
      index: true,
      label: label('breaking:language'),
      options: CONTENT_LANGUAGE_OPTIONS,
      access: { create: never, update: never },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'markedBy',
      type: 'relationship',
      relationTo: 'users',
      label: label('breaking:markedBy'),
      access: { create: never, update: never },
      admin: { position: 'sidebar', readOnly: true },
    },
  ],
}
