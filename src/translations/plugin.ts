/**
 * Language versions as a local Payload plugin: what it adds to `articles` (the link to the
 * original, the needs-update flag and the text a version was made from, the Translations
 * panel, one version per language as a unique index, the translation endpoints, the hooks that
 * keep versions in step with their original) and what it changes there: the story fields
 * (`SHARED_FIELDS`) become read-only on a version, which takes them from its original.
 *
 * Its hooks are appended to the collection's; where they must run among the collection's own
 * and the workflow's hooks is stated once, in src/plugins.ts.
 */
import type { Config, Field, Plugin } from 'payload'

import { slugFollowsSource } from '@/fields/slug'
import { translatorsPanelField } from '@/fields/translationsPanel'
import { appendHooks, changeCollection, insertFields, named } from '@/lib/plugins'

import { translationEndpoints } from './endpoints'
import { translationFields } from './fields'
import { followOriginal, updateLanguageVersions } from './hooks'
import { notOnLanguageVersions, SHARED_FIELDS } from './shared'

export type TranslationsPluginOptions = {
  /** The name of the field the translation fields follow in the sidebar; last when absent. */
  fieldsAfter?: string
}

/** The translations' hooks on articles, by kind; their place among the others: src/plugins.ts. */
export const translationHooks = {
  beforeChange: [followOriginal],
  afterChange: [updateLanguageVersions],
}

const SHARED = new Set<string>(SHARED_FIELDS)

/** Story fields: set on the original, copied to its language versions. */
const followsOriginal = { create: notOnLanguageVersions, update: notOnLanguageVersions }

/**
 * The fields with the story fields made read-only on versions (and the slug following a version's
 * translated title until set), wherever they sit in the layout
 * (tabs, rows and collapsibles without a name of their own); fails at start-up when a story
 * field is missing, so that SHARED_FIELDS and the collection cannot drift apart.
 */
const withStoryFieldsFollowing = (fields: Field[]): Field[] => {
  const found = new Set<string>()
  const walk = (list: Field[]): Field[] =>
    list.map((field) => {
      if (field.type === 'text' && field.name === 'slug') {
        // A version's slug follows its translated title until someone sets it (never published).
        const follow = slugFollowsSource('title', (doc) => Boolean(doc.translationOf))
        return {
          ...field,
          hooks: {
            ...field.hooks,
            beforeValidate: [follow, ...(field.hooks?.beforeValidate ?? [])],
          },
        }
      }
      if (
        field.type !== 'ui' &&
        field.type !== 'join' &&
        'name' in field &&
        SHARED.has(field.name)
      ) {
        found.add(field.name)
        return { ...field, access: { ...field.access, ...followsOriginal } }
      }
      if (field.type === 'row' || field.type === 'collapsible') {
        return { ...field, fields: walk(field.fields) }
      }
      if (field.type === 'tabs') {
        return {
          ...field,
          tabs: field.tabs.map((tab) =>
            'name' in tab ? tab : { ...tab, fields: walk(tab.fields) },
          ),
        }
      }
      return field
    })
  const result = walk(fields)
  const missing = SHARED_FIELDS.filter((name) => !found.has(name))
  if (missing.length) {
    throw new Error(
      `Articles have no story field ${missing.join(', ')} (src/translations/shared.ts).`,
    )
  }
  return result
}

export const translationsPlugin =
  ({ fieldsAfter }: TranslationsPluginOptions = {}): Plugin =>
  (config: Config): Config =>
    changeCollection(config, 'articles', (articles) => ({
      ...articles,
      // A populated article says which story it is a version of.
      defaultPopulate: articles.defaultPopulate && {
        ...articles.defaultPopulate,
        translationOf: true,
      },
      endpoints: [...(articles.endpoints || []), ...translationEndpoints],
      // One version per language of a story (the hook says so first, in words).
      indexes: [
        ...(articles.indexes ?? []),
        { fields: ['translationOf', 'language'], unique: true },
      ],
      hooks: appendHooks(articles.hooks, translationHooks),
      // For translators the panel comes first in the sidebar (the first sidebar field).
      fields: [
        translatorsPanelField,
        ...insertFields(
          withStoryFieldsFollowing(articles.fields),
          translationFields,
          fieldsAfter ? named(fieldsAfter) : () => false,
          'after',
        ),
      ],
    }))
