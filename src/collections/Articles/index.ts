import {
  MetaDescriptionField,
  MetaImageField,
  MetaTitleField,
  OverviewField,
  PreviewField,
} from '@payloadcms/plugin-seo/fields'
import type { CollectionConfig, Where } from 'payload'

import { publishedOrStaff } from '@/access/publishedOrStaff'
import { isEditor, isStaff, isStaffField } from '@/access/roles'
import { slugField } from '@/fields/slug'
import { articlePreviewPath } from '@/lib/preview'

import { canUpdateArticle } from './access'
import { computeReadingTime } from './hooks/computeReadingTime'
import { ensureUniqueSlug } from './hooks/ensureUniqueSlug'
import { guardPublish } from './hooks/guardPublish'
import { revalidateArticle, revalidateDeletedArticle } from './hooks/revalidateArticle'
import { setCreatedBy } from './hooks/setCreatedBy'

export const LANGUAGE_OPTIONS = [
  { label: 'English', value: 'en' },
  { label: 'Azərbaycanca', value: 'az' },
  { label: 'Русский', value: 'ru' },
]

/**
 * One language version of a story. Versions of the same story are separate documents linked by
 * `translationOf`, each with its own slug, workflow and history (see docs/architecture.md).
 */
export const Articles: CollectionConfig = {
  slug: 'articles',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'language', 'category', '_status', 'publishedAt', 'updatedAt'],
    listSearchableFields: ['title', 'slug', 'dek'],
    group: 'Content',
    // The article page in draft mode, entered through /next/preview (secret + session).
    livePreview: {
      url: ({ data }) =>
        `${process.env.SERVER_URL || 'http://localhost:3000'}${articlePreviewPath(
          String(data?.language ?? 'en'),
          String(data?.slug ?? ''),
        )}`,
    },
  },
  defaultSort: '-publishedAt',
  access: {
    read: publishedOrStaff,
    readVersions: isStaff,
    create: isStaff,
    update: canUpdateArticle,
    delete: isEditor,
  },
  versions: {
    drafts: true,
    maxPerDoc: 100,
  },
  indexes: [
    { fields: ['language', 'slug'], unique: true },
    { fields: ['language', '_status', 'publishedAt'] },
  ],
  hooks: {
    beforeValidate: [ensureUniqueSlug],
    beforeChange: [guardPublish, setCreatedBy, computeReadingTime],
    afterChange: [revalidateArticle],
    afterDelete: [revalidateDeletedArticle],
  },
  fields: [
    { name: 'title', type: 'text', required: true },
    {
      name: 'dek',
      type: 'textarea',
      label: 'Dek (standfirst)',
      admin: { description: 'One or two sentences under the headline.' },
    },
    {
      type: 'tabs',
      tabs: [
        {
          label: 'Story',
          fields: [
            { name: 'body', type: 'richText' },
            {
              type: 'row',
              fields: [
                { name: 'heroImage', type: 'upload', relationTo: 'media' },
                {
                  name: 'heroCaption',
                  type: 'text',
                  admin: { description: 'Overrides the image caption.' },
                },
              ],
            },
          ],
        },
        {
          label: 'Source',
          description: 'For stories translated or reprinted from another outlet.',
          fields: [
            {
              name: 'source',
              type: 'group',
              fields: [
                { name: 'outlet', type: 'text' },
                { name: 'url', type: 'text', label: 'URL' },
                {
                  name: 'originalLanguage',
                  type: 'select',
                  options: [
                    ...LANGUAGE_OPTIONS,
                    { label: 'Turkish', value: 'tr' },
                    { label: 'French', value: 'fr' },
                    { label: 'German', value: 'de' },
                    { label: 'Other', value: 'other' },
                  ],
                },
                { name: 'originalTitle', type: 'text' },
                { name: 'originalDate', type: 'date' },
              ],
            },
          ],
        },
        {
          // The SEO plugin's fields, unlocalized: an article is already one language.
          name: 'meta',
          label: 'SEO',
          fields: [
            OverviewField({
              titlePath: 'meta.title',
              descriptionPath: 'meta.description',
              imagePath: 'meta.image',
            }),
            MetaTitleField({ hasGenerateFn: true, overrides: { localized: false } }),
            MetaDescriptionField({ hasGenerateFn: true, overrides: { localized: false } }),
            MetaImageField({ relationTo: 'media', overrides: { localized: false } }),
            PreviewField({
              hasGenerateFn: true,
              titlePath: 'meta.title',
              descriptionPath: 'meta.description',
            }),
          ],
        },
        {
          label: 'Related',
          fields: [
            {
              name: 'relatedArticles',
              type: 'relationship',
              relationTo: 'articles',
              hasMany: true,
              filterOptions: ({ id, data }): Where => ({
                and: [
                  { id: { not_equals: id ?? 0 } },
                  { language: { equals: data?.language ?? 'en' } },
                ],
              }),
            },
          ],
        },
      ],
    },
    // Sidebar: where the story lives and who wrote it.
    {
      name: 'language',
      type: 'select',
      required: true,
      defaultValue: 'en',
      index: true,
      options: LANGUAGE_OPTIONS,
      admin: { position: 'sidebar' },
    },
    slugField('title'),
    {
      name: 'translationOf',
      type: 'relationship',
      relationTo: 'articles',
      index: true,
      filterOptions: ({ id }): Where => ({
        and: [{ id: { not_equals: id ?? 0 } }, { translationOf: { exists: false } }],
      }),
      admin: { position: 'sidebar', description: 'The original this is a language version of.' },
    },
    {
      name: 'category',
      type: 'relationship',
      relationTo: 'categories',
      index: true,
      label: 'Section',
      admin: { position: 'sidebar' },
    },
    {
      name: 'categories',
      type: 'relationship',
      relationTo: 'categories',
      hasMany: true,
      label: 'Also in sections',
      admin: { position: 'sidebar' },
    },
    {
      name: 'tags',
      type: 'relationship',
      relationTo: 'tags',
      hasMany: true,
      admin: { position: 'sidebar' },
    },
    {
      name: 'authors',
      type: 'relationship',
      relationTo: 'authors',
      hasMany: true,
      admin: { position: 'sidebar' },
    },
    {
      name: 'publishedAt',
      type: 'date',
      index: true,
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime' },
        description: 'Set on first publication.',
      },
      hooks: {
        beforeChange: [
          ({ siblingData, value }) =>
            siblingData._status === 'published' && !value ? new Date().toISOString() : value,
        ],
      },
    },
    {
      name: 'readingTime',
      type: 'number',
      label: 'Reading time (minutes)',
      admin: { position: 'sidebar', readOnly: true, description: 'Computed from the body.' },
    },
    {
      name: 'createdBy',
      type: 'relationship',
      relationTo: 'users',
      access: { read: isStaffField, update: () => false },
      admin: { position: 'sidebar', readOnly: true },
    },
  ],
}
