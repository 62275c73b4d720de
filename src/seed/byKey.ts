import type { SeedRun } from './run'

/**
 * Seeds one record per item, found again by its natural key (the record's `key` field equals the
 * item's): a record that exists is kept and counted as skipped, a missing one is made by `create`
 * and counted as created. Items go one after another, so `create` may read the ids of those
 * before it. Returns key → id.
 */
export const seedByKey = async <Key extends 'slug' | 'email', Item extends Record<Key, string>>(
  run: SeedRun,
  collection: 'authors' | 'categories' | 'tags' | 'pages' | 'users',
  key: Key,
  items: readonly Item[],
  create: (item: Item, ids: Map<string, number>) => Promise<number>,
): Promise<Map<string, number>> => {
  const ids = new Map<string, number>()
  for (const item of items) {
    const value = item[key]
    const existing = await run.findOne<{ id: number }>(collection, { [key]: { equals: value } })
    run.tally(collection, !existing)
    ids.set(value, existing ? existing.id : await create(item, ids))
  }
  return ids
}
