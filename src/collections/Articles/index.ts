import {
  MetaDescriptionField,
  MetaImageField,
  MetaTitleField,
  OverviewField,
  PreviewField,
} from '@payloadcms/plugin-seo/fields'
import type { CollectionConfig, Where } from 'payload'

import { publishedOrStaff } from '@/access/publishedOrStaff'
import { isEditorField, isStaff, isStaffField } from '@/access/roles'
import { breakingField } from '@/fields/breaking'
import { commentModeField } from '@/fields/commentMode'
import { copySlug, notCopied } from '@/fields/duplicate'
import { livePanelField } from '@/fields/livePanel'
import { withSeoLabels } from '@/fields/seo'
import { slugField } from '@/fields/slug'
import { inLanguages, label } from '@/i18n/admin'
import { CONTENT_LANGUAGE_OPTIONS, isLanguage, SOURCE_LANGUAGE_OPTIONS } from '@/lib/languages'
import { articlePreviewPath } from '@/lib/preview'
import { refuseUnsafeUrl, validateUrl } from '@/lib/safeUrl'

import { canDeleteArticle, canUpdateArticle } from './access'
import { computeReadingTime } from './hooks/computeReadingTime'
import { defaultHeroText } from './hooks/defaultHeroText'
import { ensureUniqueSlug } from './hooks/ensureUniqueSlug'
import { keepInScope } from './hooks/keepInScope'
import { revalidateArticle, revalidateDeletedArticle } from './hooks/revalidateArticle'
import { serializeSaves } from './hooks/serializeSaves'
import { setCreatedBy } from './hooks/setCreatedBy'
import { storeBodyHtml } from './hooks/storeBodyHtml'
import { listWithoutBodies } from './listShape'

const editorsOnly = { create: isEditorField, update: isEditorField }

/**
 * One language version of a story: its content and the collection's own rules (unique slug,
 * reading time, ownership, the writer's scope, saves taking turns, revalidation, duplicates).
 * The workflow (src/workflow/plugin.ts) and the language versions (src/translations/plugin.ts)
 * add their fields, hooks and endpoints as plugins; the order of all the hooks is set in
 * src/plugins.ts. Versions of the same story are separate documents linked by `translationOf`,
 * each with its own slug, workflow and history (see docs/architecture.md).
 */
export const Articles: CollectionConfig = {
  slug: 'articles',
  labels: { singular: label('articles:singular'), plural: label('articles:plural') },
  admin: {
    useAsTitle: 'title',
    // `stage` and `assignee` are the workflow's (src/workflow/plugin.ts).
    defaultColumns: ['title', 'stage', 'language', 'category', 'assignee', 'updatedAt'],
    listSearchableFields: ['title', 'slug', 'dek'],
    group: inLanguages('groups:content'),
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
  // What a relationship to an article (related articles, the original of a language version)
  // carries when populated, unless the read asks for more (`populate`): enough for a link, not
  // the body. A REST list at depth 1 no longer drags whole related documents along.
  defaultPopulate: {
    title: true,
    slug: true,
    language: true,
    dek: true,
    publishedAt: true,
    heroImage: true,
    category: true,
  },
  access: {
    read: publishedOrStaff,
    readVersions: isStaff,
    create: isStaff,
    update: canUpdateArticle,
    delete: canDeleteArticle,
  },
  // Soft delete: editors move articles to the trash, admins delete for good.
  trash: true,
  versions: {
    drafts: true,
    maxPerDoc: 100,
  },
  indexes: [
    { fields: ['language', 'slug'], unique: true },
    { fields: ['language', '_status', 'publishedAt'] },
  ],
  // Where each runs among the workflow's and the translations' hooks: src/plugins.ts.
  hooks: {
    beforeOperation: [serializeSaves, listWithoutBodies],
    beforeValidate: [ensureUniqueSlug],
    beforeChange: [setCreatedBy, keepInScope, computeReadingTime, storeBodyHtml],
    afterChange: [revalidateArticle],
    afterDelete: [revalidateDeletedArticle],
  },
  fields: [
    { name: 'title', type: 'text', required: true, label: label('common:title') },
    {
      name: 'dek',
      type: 'textarea',
      label: label('articles:dek'),
      admin: { description: inLanguages('articles:dekDescription') },
    },
    {
      type: 'tabs',
      tabs: [
        {
          label: label('articles:tabStory'),
          fields: [
            { name: 'body', type: 'richText', label: label('common:body') },
            {
              type: 'row',
              fields: [
                {
                  name: 'heroImage',
                  type: 'upload',
                  relationTo: 'media',
                  label: label('articles:heroImage'),
                },
                // The words about the image are the article's, in its language: a language
                // version starts with its original's (hooks/defaultHeroText.ts) and its
                // translator rewrites them. The credit (a name) stays the image's, shared.
                {
                  name: 'heroCaption',
                  type: 'text',
                  label: label('articles:heroCaption'),
                  hooks: { beforeChange: [defaultHeroText('caption')] },
                  admin: { description: inLanguages('articles:heroCaptionDescription') },
                },
                {
                  name: 'heroAlt',
                  type: 'text',
                  label: label('articles:heroAlt'),
                  hooks: { beforeChange: [defaultHeroText('alt')] },
                  admin: { description: inLanguages('articles:heroAltDescription') },
                },
              ],
            },
          ],
        },
        {
          label: label('articles:tabSource'),
          description: inLanguages('articles:tabSourceDescription'),
          fields: [
            {
              name: 'source',
              type: 'group',
              label: label('articles:source'),
              fields: [
                { name: 'outlet', type: 'text', label: label('articles:outlet') },
                {
                  name: 'url',
                  type: 'text',
                  label: label('common:url'),
                  validate: validateUrl,
                  // Drafts skip `validate`; the same rule, for them.
                  hooks: { beforeChange: [refuseUnsafeUrl] },
                },
                {
                  name: 'originalLanguage',
                  type: 'select',
                  label: label('articles:originalLanguage'),
                  options: SOURCE_LANGUAGE_OPTIONS.map((option) =>
                    isLanguage(option.value)
                      ? option
                      : { ...option, label: label(`sourceLanguages:${option.value}`) },
                  ),
                },
                { name: 'originalTitle', type: 'text', label: label('articles:originalTitle') },
                { name: 'originalDate', type: 'date', label: label('articles:originalDate') },
              ],
            },
          ],
        },
        {
          // The SEO plugin's fields, unlocalized: an article is already one language.
          name: 'meta',
          label: label('seo:tab'),
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
          ].map(withSeoLabels),
        },
        {
          label: label('articles:tabCorrections'),
          description: inLanguages('articles:tabCorrectionsDescription'),
          fields: [
            {
              name: 'corrections',
              type: 'array',
              access: editorsOnly,
              // Corrections belong to the published article, not to a copy of its text.
              hooks: { beforeDuplicate: [() => []] },
              label: label('articles:corrections'),
              labels: {
                singular: label('articles:correction'),
                plural: label('articles:corrections'),
              },
              fields: [
                {
                  name: 'date',
                  type: 'date',
                  required: true,
                  label: label('common:date'),
                  defaultValue: () => new Date().toISOString(),
                  admin: { date: { pickerAppearance: 'dayAndTime' } },
                },
                {
                  name: 'text',
                  type: 'textarea',
                  required: true,
                  label: label('articles:correctionText'),
                },
              ],
            },
          ],
        },
        {
          label: label('articles:tabRelated'),
          fields: [
            {
              name: 'relatedArticles',
              type: 'relationship',
              relationTo: 'articles',
              hasMany: true,
              label: label('articles:relatedArticles'),
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
    // Sidebar: where the story lives and who wrote it (the workflow's fields go first).
    {
      name: 'language',
      type: 'select',
      required: true,
      defaultValue: 'en',
      index: true,
      label: label('common:language'),
      options: CONTENT_LANGUAGE_OPTIONS,
      admin: { position: 'sidebar' },
    },
    // A copy gets a free `<slug>-copy…` slug (src/collections/Articles/duplicate.ts).
    (() => {
      const field = slugField('title')
      return { ...field, hooks: { ...field.hooks, beforeDuplicate: [copySlug] } }
    })(),
    // The translations' fields follow the slug. The story fields (section, extra sections, tags,
    // bylines, hero image, source) are read-only on a language version, which takes them from
    // its original (src/translations/plugin.ts).
    {
      name: 'category',
      type: 'relationship',
      relationTo: 'categories',
      index: true,
      label: label('common:section'),
      admin: { position: 'sidebar' },
    },
    {
      name: 'categories',
      type: 'relationship',
      relationTo: 'categories',
      hasMany: true,
      label: label('articles:categories'),
      admin: { position: 'sidebar' },
    },
    {
      name: 'tags',
      type: 'relationship',
      relationTo: 'tags',
      hasMany: true,
      label: label('articles:tags'),
      admin: { position: 'sidebar' },
    },
    {
      name: 'authors',
      type: 'relationship',
      relationTo: 'authors',
      hasMany: true,
      label: label('articles:authors'),
      admin: { position: 'sidebar' },
    },
    breakingField,
    commentModeField('article'),
    livePanelField,
    {
      name: 'publishedAt',
      type: 'date',
      label: label('articles:publishedAt'),
      index: true,
      // Set on first publication; editors may correct it, nobody else sets it.
      access: editorsOnly,
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime' },
        description: inLanguages('articles:publishedAtDescription'),
      },
      hooks: {
        beforeDuplicate: [notCopied],
        beforeChange: [
          ({ siblingData, value }) =>
            siblingData._status === 'published' && !value ? new Date().toISOString() : value,
        ],
      },
    },
    // The body as HTML, derived on save (hooks/storeBodyHtml.ts); the site reads it with its own
    // SQL. No API answer carries it, and the admin does not show it.
    { name: 'bodyHtml', type: 'textarea', access: { read: () => false }, admin: { hidden: true } },
    {
      name: 'readingTime',
      type: 'number',
      label: label('articles:readingTime'),
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: inLanguages('articles:readingTimeDescription'),
      },
    },
    {
      name: 'createdBy',
      type: 'relationship',
      label: label('articles:createdBy'),
      relationTo: 'users',
      access: { read: isStaffField, update: () => false },
      admin: { position: 'sidebar', readOnly: true },
    },
  ],
}
