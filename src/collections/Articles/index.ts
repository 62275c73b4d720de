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
import { slugField } from '@/fields/slug'
import { translationsPanelField } from '@/fields/translationsPanel'
import { workflowPanelField } from '@/fields/workflowPanel'
import { articlePreviewPath } from '@/lib/preview'
import { refuseUnsafeUrl, validateUrl } from '@/lib/safeUrl'
import { translationEndpoints } from '@/translations/endpoints'
import { followOriginal, updateLanguageVersions } from '@/translations/hooks'
import { notOnLanguageVersions } from '@/translations/shared'
import { workflowEndpoints } from '@/workflow/endpoints'
import { applyWorkflow, recordWorkflow, rememberSaveMode } from '@/workflow/hooks'
import { STAGES, STAGE_LABELS } from '@/workflow/table'
import { LANGUAGE_OPTIONS } from '@/lib/languages'

import { canDeleteArticle, canUpdateArticle } from './access'
import { copySlug, notCopied, notCopiedFlag } from './duplicate'
import { computeReadingTime } from './hooks/computeReadingTime'
import { ensureUniqueSlug } from './hooks/ensureUniqueSlug'
import { keepInScope } from './hooks/keepInScope'
import { revalidateArticle, revalidateDeletedArticle } from './hooks/revalidateArticle'
import { serializeSaves } from './hooks/serializeSaves'
import { setCreatedBy } from './hooks/setCreatedBy'

const never = () => false
const editorsOnly = { create: isEditorField, update: isEditorField }
/** Who works on a story: staff business, never shown or queryable outside the newsroom. */
const staffOnlyEditorsSet = { read: isStaffField, ...editorsOnly }
/** Story fields: set on the original, copied to its language versions (src/translations). */
const followsOriginal = { create: notOnLanguageVersions, update: notOnLanguageVersions }

/**
 * One language version of a story. Versions of the same story are separate documents linked by
 * `translationOf`, each with its own slug, workflow and history (see docs/architecture.md).
 */
export const Articles: CollectionConfig = {
  slug: 'articles',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'stage', 'language', 'category', 'assignee', 'updatedAt'],
    listSearchableFields: ['title', 'slug', 'dek'],
    group: 'Content',
    components: {
      // Payload's Publish button, for the roles that may publish only (the workflow table's).
      edit: { PublishButton: '@/components/workflow/EditorPublishButton#EditorPublishButton' },
    },
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
    translationOf: true,
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
  endpoints: [...workflowEndpoints, ...translationEndpoints],
  indexes: [
    { fields: ['language', 'slug'], unique: true },
    { fields: ['language', '_status', 'publishedAt'] },
    { fields: ['stage', 'scheduledAt'] },
    // One version per language of a story (the hook says so first, in words).
    { fields: ['translationOf', 'language'], unique: true },
  ],
  hooks: {
    beforeOperation: [serializeSaves, rememberSaveMode],
    beforeValidate: [ensureUniqueSlug],
    beforeChange: [applyWorkflow, followOriginal, setCreatedBy, keepInScope, computeReadingTime],
    afterChange: [recordWorkflow, updateLanguageVersions, revalidateArticle],
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
                { name: 'heroImage', type: 'upload', relationTo: 'media', access: followsOriginal },
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
              access: followsOriginal,
              fields: [
                { name: 'outlet', type: 'text' },
                {
                  name: 'url',
                  type: 'text',
                  label: 'URL',
                  validate: validateUrl,
                  // Drafts skip `validate`; the same rule, for them.
                  hooks: { beforeChange: [refuseUnsafeUrl] },
                },
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
          label: 'Corrections',
          description:
            'Public corrections to a published article, shown at its foot with their date. Adding one needs no new review.',
          fields: [
            {
              name: 'corrections',
              type: 'array',
              access: editorsOnly,
              // Corrections belong to the published article, not to a copy of its text.
              hooks: { beforeDuplicate: [() => []] },
              labels: { singular: 'Correction', plural: 'Corrections' },
              fields: [
                {
                  name: 'date',
                  type: 'date',
                  required: true,
                  defaultValue: () => new Date().toISOString(),
                  admin: { date: { pickerAppearance: 'dayAndTime' } },
                },
                { name: 'text', type: 'textarea', required: true },
              ],
            },
          ],
        },
        {
          label: 'Workflow history',
          fields: [
            {
              name: 'timeline',
              type: 'join',
              collection: 'editorial-events',
              on: 'article',
              defaultSort: '-createdAt',
              defaultLimit: 50,
              admin: {
                defaultColumns: ['createdAt', 'kind', 'from', 'to', 'user', 'note'],
                allowCreate: false,
              },
            },
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
    // Sidebar: the workflow first, then where the story lives and who wrote it.
    workflowPanelField,
    {
      name: 'stage',
      type: 'select',
      // Always set by the workflow hooks (a new article starts as a draft); neither required nor
      // defaulted in the schema, so that no client ever has to send it.
      index: true,
      options: STAGES.map((stage) => ({ label: STAGE_LABELS[stage], value: stage })),
      // Only the workflow moves it (src/workflow/): a client sending it directly is ignored.
      access: { create: never, update: never },
      admin: {
        position: 'sidebar',
        readOnly: true,
        components: { Cell: '@/components/workflow/StageCell#StageCell' },
      },
    },
    {
      name: 'assignee',
      type: 'relationship',
      relationTo: 'users',
      index: true,
      access: staffOnlyEditorsSet,
      hooks: { beforeDuplicate: [notCopied] },
      admin: { position: 'sidebar', description: 'Who works on it now.' },
    },
    {
      name: 'reviewer',
      type: 'relationship',
      relationTo: 'users',
      access: staffOnlyEditorsSet,
      hooks: { beforeDuplicate: [notCopied] },
      admin: { position: 'sidebar', description: 'The editor who reviewed it last.' },
    },
    {
      name: 'scheduledAt',
      type: 'date',
      label: 'Publishes at',
      access: { create: never, update: never },
      hooks: { beforeDuplicate: [notCopied] },
      admin: {
        position: 'sidebar',
        readOnly: true,
        date: { pickerAppearance: 'dayAndTime' },
        condition: (data) => data?.stage === 'scheduled',
      },
    },
    {
      name: 'expiresAt',
      type: 'date',
      label: 'Unpublish at',
      access: editorsOnly,
      hooks: { beforeDuplicate: [notCopied] },
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime' },
        description: 'Optional: the article is unpublished automatically at this time.',
      },
    },
    {
      name: 'language',
      type: 'select',
      required: true,
      defaultValue: 'en',
      index: true,
      options: LANGUAGE_OPTIONS,
      admin: { position: 'sidebar' },
    },
    // A copy gets a free `<slug>-copy…` slug (src/collections/Articles/duplicate.ts).
    (() => {
      const field = slugField('title')
      return { ...field, hooks: { ...field.hooks, beforeDuplicate: [copySlug] } }
    })(),
    {
      name: 'translationOf',
      type: 'relationship',
      relationTo: 'articles',
      index: true,
      // A copy of a language version is a new original in the same language: the story already
      // has its version in that language (one per language, a unique index), and a copy is for
      // starting another story from this text, not a second translation of the same one. Only
      // editors may then attach it to a story (keepInScope); a translator's copy, an original,
      // would be out of their reach and is refused.
      hooks: { beforeDuplicate: [notCopied] },
      filterOptions: ({ id }): Where => ({
        and: [{ id: { not_equals: id ?? 0 } }, { translationOf: { exists: false } }],
      }),
      admin: { position: 'sidebar', description: 'The original this is a language version of.' },
    },
    // The Translations panel (src/components/translations/): versions, add, diff, original text.
    translationsPanelField,
    {
      name: 'needsUpdate',
      type: 'checkbox',
      label: 'Needs update',
      defaultValue: false,
      index: true,
      // Set when the original is published again with other text; cleared by "mark updated".
      access: { create: never, update: never },
      hooks: { beforeDuplicate: [notCopiedFlag] },
      admin: {
        position: 'sidebar',
        readOnly: true,
        condition: (data) => Boolean(data?.translationOf),
        description: 'The original changed after this version was made from it.',
        components: { Cell: '@/components/translations/NeedsUpdateCell#NeedsUpdateCell' },
      },
    },
    {
      name: 'translatedFrom',
      type: 'group',
      label: 'Made from the original text',
      access: { read: isStaffField, create: never, update: never },
      hooks: { beforeDuplicate: [() => ({})] },
      admin: {
        condition: (data) => Boolean(data?.translationOf),
        readOnly: true,
        description: 'The original’s text when this version was made or last marked updated.',
      },
      fields: [
        { name: 'title', type: 'text' },
        { name: 'dek', type: 'textarea' },
        { name: 'bodyText', type: 'textarea' },
        { name: 'at', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
      ],
    },
    {
      name: 'category',
      type: 'relationship',
      access: followsOriginal,
      relationTo: 'categories',
      index: true,
      label: 'Section',
      admin: { position: 'sidebar' },
    },
    {
      name: 'categories',
      type: 'relationship',
      access: followsOriginal,
      relationTo: 'categories',
      hasMany: true,
      label: 'Also in sections',
      admin: { position: 'sidebar' },
    },
    {
      name: 'tags',
      type: 'relationship',
      access: followsOriginal,
      relationTo: 'tags',
      hasMany: true,
      admin: { position: 'sidebar' },
    },
    {
      name: 'authors',
      type: 'relationship',
      access: followsOriginal,
      relationTo: 'authors',
      hasMany: true,
      admin: { position: 'sidebar' },
    },
    {
      name: 'publishedAt',
      type: 'date',
      index: true,
      // Set on first publication; editors may correct it, nobody else sets it.
      access: editorsOnly,
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime' },
        description: 'Set on first publication.',
      },
      hooks: {
        beforeDuplicate: [notCopied],
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
