import type { SeedRun } from './run'

/**
 * Seeds one record per item, found again by a natural key (`field` equals `keyOf(item)`): a
 * record that exists is kept and counted as skipped, a missing one is made by `create` and
 * counted as created. Items go one after another, so `create` may read the ids of those before
 * it. Returns key → id.
 */
export const seedByKey = async <T>({
  run,
  collection,
  field,
  items,
  keyOf,
  create,
}: {
  run: SeedRun
  collection: 'authors' | 'categories' | 'tags' | 'pages' | 'users'
  field: 'slug' | 'email'
  items: readonly T[]
  keyOf: (item: T) => string
  create: (item: T, ids: Map<string, number>) => Promise<number>
}): Promise<Map<string, number>> => {
  const ids = new Map<string, number>()
  for (const item of items) {
    const key = keyOf(item)
    const existing = await run.findOne<{ id: number }>(collection, { [field]: { equals: key } })
    run.tally(collection, !existing)
    ids.set(key, existing ? existing.id : await create(item, ids))
  }
  return ids
}
