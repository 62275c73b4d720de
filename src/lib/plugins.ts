/**
 * The few pieces the project's local plugins (src/workflow/plugin.ts,
 * src/translations/plugin.ts) share for changing a collection's config: find it, put fields at
 * a stated place, add hooks. Payload's own plugins do the same by hand; written once here.
 */
import type { CollectionConfig, Config, Field } from 'payload'

/** The config with `change` applied to the collection `slug`; fails at start-up without it. */
export const changeCollection = (
  config: Config,
  slug: string,
  change: (collection: CollectionConfig) => CollectionConfig,
): Config => {
  if (!config.collections?.some((collection) => collection.slug === slug)) {
    throw new Error(`A plugin for "${slug}" was applied to a config without that collection.`)
  }
  return {
    ...config,
    collections: config.collections.map((collection) =>
      collection.slug === slug ? change(collection) : collection,
    ),
  }
}

/**
 * `fields` with `added` placed before (or after) the first top-level field that `at` matches;
 * at the end when none does.
 */
export const insertFields = (
  fields: Field[],
  added: Field[],
  at: (field: Field) => boolean,
  place: 'before' | 'after' = 'before',
): Field[] => {
  const index = fields.findIndex(at)
  if (index === -1) return [...fields, ...added]
  const cut = place === 'before' ? index : index + 1
  return [...fields.slice(0, cut), ...added, ...fields.slice(cut)]
}

export const named =
  (name: string) =>
  (field: Field): boolean =>
    'name' in field && field.name === name

export const inSidebar = (field: Field): boolean =>
  Boolean(field.admin && 'position' in field.admin && field.admin.position === 'sidebar')

type CollectionHooks = NonNullable<CollectionConfig['hooks']>

/** The collection's hooks with `added` appended, kind by kind. */
export const appendHooks = (
  hooks: CollectionConfig['hooks'],
  added: CollectionHooks,
): CollectionHooks => {
  const merged: Record<string, unknown[]> = { ...hooks }
  for (const [kind, list] of Object.entries(added)) {
    merged[kind] = [...(merged[kind] ?? []), ...(list ?? [])]
  }
  return merged as CollectionHooks
}
