/**
 * No ordering or filtering by what the caller cannot read. Sorting or filtering by a field is
 * an oracle for its value (two published articles in the order of their owners' password
 * hashes, say), so every `sort`, `where`, join query and distinct field of a request made with
 * access control is walked path by path, relationships included: each field on the way must be
 * one the caller may read (not hidden, field `read` access), and each relationship hop must
 * land in a collection the caller may read. Sorting through a hop needs read access to the
 * whole related collection (a sort has no per-document filter); filtering through one that the
 * caller may read in part is left to Payload, which adds the related read access to the query.
 *
 * Payload 3.90 checks most `where` paths itself, but skips a sort it cannot resolve the way the
 * database does: a comma-separated list (`sort=title,createdBy.email`) and hidden fields
 * (`sort=createdBy.hash`) were sorted by, for anyone. Refusals answer 400 with one message for
 * a field that does not exist and one the caller may not read, so the answer says nothing of
 * which it is.
 */
import {
  buildVersionCollectionFields,
  type CollectionBeforeOperationHook,
  type CollectionConfig,
  type FlattenedField,
  type PayloadRequest,
  type SanitizedCollectionConfig,
  type Where,
} from 'payload'

import { refuse } from '@/lib/errors'

type Use = 'sort' | 'filter'

/** Where a readable path ends: the collection a relationship at its end points to, if any. */
type Walk = { ok: false } | { ok: true; target?: string }

const NO = { ok: false } as const

const refused = (req: PayloadRequest, use: Use, path: string) =>
  refuse(req, use === 'sort' ? 'access:cannotSort' : 'access:cannotFilter', 400, { path })

/** Whether the caller may read a collection: all of it (`true`), part of it, or none. */
const collectionReadable = async (
  req: PayloadRequest,
  slug: string,
): Promise<'all' | 'some' | 'none'> => {
  const config = req.payload.collections[slug as keyof typeof req.payload.collections]?.config
  if (!config) return 'none'
  const result = await config.access.read({ req })
  if (result === true) return 'all'
  return result && typeof result === 'object' ? 'some' : 'none'
}

const fieldReadable = async (req: PayloadRequest, field: FlattenedField) => {
  if ('hidden' in field && field.hidden) return false
  const read = field.access?.read
  return read ? Boolean(await read({ req })) : true
}

/**
 * Walks one dotted path (`createdBy.email`, GraphQL's `createdBy__email`) through `fields`.
 * Hops through relationships and joins into the related collection's fields.
 */
const walk = async (
  req: PayloadRequest,
  fields: FlattenedField[],
  path: string,
  use: Use,
): Promise<Walk> => {
  const segments = path.replace(/__/g, '.').split('.')
  let current = fields
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]
    const last = i === segments.length - 1
    if (segment === 'id' || segment === '_id') return last ? { ok: true } : NO
    const field = current.find((candidate) => candidate.name === segment)
    if (!field || !(await fieldReadable(req, field))) return NO
    switch (field.type) {
      case 'group':
      case 'tab':
      case 'array':
        if (last) return { ok: true }
        current = field.flattenedFields
        continue
      case 'relationship':
      case 'upload':
      case 'join': {
        const target = field.type === 'join' ? field.collection : field.relationTo
        if (Array.isArray(target)) {
          // Polymorphic: only its own `relationTo` and `value` (the id) can be queried here.
          const rest = segments.slice(i + 1)
          return rest.length === 0 ||
            (rest.length === 1 && ['relationTo', 'value'].includes(rest[0]))
            ? { ok: true }
            : NO
        }
        if (last) return { ok: true, target }
        const readable = await collectionReadable(req, target)
        if (readable === 'none' || (readable === 'some' && use === 'sort')) return NO
        current =
          req.payload.collections[target as keyof typeof req.payload.collections].config
            .flattenedFields
        continue
      }
      case 'json':
      case 'richText':
        // Paths inside a JSON value are filters on the value of this readable field.
        return use === 'filter' || last ? { ok: true } : NO
      default: {
        if (last) return { ok: true }
        // A localized field may be named with its locale (`name.az`).
        const locales = req.payload.config.localization
          ? req.payload.config.localization.localeCodes
          : []
        return 'localized' in field &&
          field.localized &&
          i === segments.length - 2 &&
          locales.includes(segments[i + 1])
          ? { ok: true }
          : NO
      }
    }
  }
  return NO
}

const versionFieldsCache = new WeakMap<SanitizedCollectionConfig, FlattenedField[]>()

/** The fields of a collection's versions (`parent`, `version.*`, `latest`…), built once. */
const versionFieldsOf = (req: PayloadRequest, collection: SanitizedCollectionConfig) => {
  let fields = versionFieldsCache.get(collection)
  if (!fields) {
    fields = buildVersionCollectionFields(req.payload.config, collection, true) as FlattenedField[]
    versionFieldsCache.set(collection, fields)
  }
  return fields
}

/**
 * Walks a path through the collection's fields or, failing that, its versions' fields (the
 * versions list takes the same hook).
 */
const walkAny = async (
  req: PayloadRequest,
  collection: SanitizedCollectionConfig,
  path: string,
  use: Use,
): Promise<Walk> => {
  const result = await walk(req, collection.flattenedFields, path, use)
  if (result.ok || !collection.versions) return result
  return walk(req, versionFieldsOf(req, collection), path, use)
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  Boolean(value) && typeof value === 'object' && !Array.isArray(value)

/** Every path a `where` names, `and`/`or` and nested relationship queries (`contains: {…}`) included. */
const checkWhere = async (
  req: PayloadRequest,
  collection: SanitizedCollectionConfig,
  where: unknown,
): Promise<void> => {
  if (!isPlainObject(where)) return
  for (const [key, constraint] of Object.entries(where)) {
    if (['and', 'or'].includes(key.toLowerCase()) && Array.isArray(constraint)) {
      for (const item of constraint) await checkWhere(req, collection, item)
      continue
    }
    const result = await walkAny(req, collection, key, 'filter')
    if (!result.ok) throw refused(req, 'filter', key)
    if (!isPlainObject(constraint)) continue
    const target = result.target
    if (!target) continue
    for (const value of Object.values(constraint)) {
      if (!isPlainObject(value)) continue
      // A query on the related documents themselves: checked against their collection.
      if ((await collectionReadable(req, target)) === 'none') throw refused(req, 'filter', key)
      await checkWhere(req, collectionConfigOf(req, target), value)
    }
  }
}

const collectionConfigOf = (req: PayloadRequest, slug: string) =>
  req.payload.collections[slug as keyof typeof req.payload.collections].config

/** The paths of a sort: a string, a comma-separated list, or an array of either; `-` for descending. */
export const sortPaths = (sort: unknown): string[] =>
  (Array.isArray(sort) ? sort : [sort])
    .filter((item): item is string => typeof item === 'string')
    .flatMap((item) => item.split(','))
    .map((item) => item.trim().replace(/^[-+]/, ''))
    .filter(Boolean)

const checkSort = async (
  req: PayloadRequest,
  collection: SanitizedCollectionConfig,
  sort: unknown,
) => {
  for (const path of sortPaths(sort)) {
    if (!(await walkAny(req, collection, path, 'sort')).ok) throw refused(req, 'sort', path)
  }
}

type QueryArgs = {
  sort?: unknown
  where?: Where
  field?: string
  joins?: Record<string, false | { sort?: unknown; where?: Where }>
}

/**
 * beforeOperation: refuses a read (find, find by id, count, distinct values, versions) or a
 * bulk update/delete made with access control whose sort, filter, join query or distinct field
 * names what the caller may not read. Calls that override access (the system) are not checked.
 */
export const guardQueries: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  overrideAccess,
  req,
}) => {
  if (overrideAccess || operation === 'create') return args
  const query = args as QueryArgs
  await checkSort(req, collection, query.sort)
  await checkWhere(req, collection, query.where)
  if (operation === 'readDistinct' && typeof query.field === 'string') {
    if (!(await walkAny(req, collection, query.field, 'sort')).ok)
      throw refused(req, 'sort', query.field)
  }
  for (const [path, join] of Object.entries(query.joins ?? {})) {
    if (!join) continue
    const result = await walkAny(req, collection, path, 'filter')
    if (!result.ok || !result.target) throw refused(req, 'filter', path)
    const joined = collectionConfigOf(req, result.target)
    await checkSort(req, joined, join.sort)
    await checkWhere(req, joined, join.where)
  }
  return args
}

/** The collection with the query guard first among its beforeOperation hooks. */
export const withQueryGuard = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  hooks: {
    ...collection.hooks,
    beforeOperation: [guardQueries, ...(collection.hooks?.beforeOperation ?? [])],
  },
})
