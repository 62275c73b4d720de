import type { CollectionBeforeOperationHook, PayloadRequest } from 'payload'

/**
 * What a REST list (`GET /api/articles`, `GET /api/pages`) leaves out when the client names no
 * `select`: the body (and its rendered HTML, where the collection has one), the workflow's
 * timeline (a join, staff only), and the text a language version was made from (staff only).
 * A list of twenty articles is then a few kilobytes instead of twenty full bodies.
 *
 * - The single read (`GET /api/articles/:id`) keeps everything, body included.
 * - Any explicit `select` is the client's, untouched: `?select[body]=true` brings the body in
 *   a list, and an exclusion such as `?select[corrections]=false` gives the full shape but that.
 * - Only the REST list itself: not GraphQL (its query names the fields), not the Local API (reads
 *   in src/ pass their own `select`), not `/versions`, `/count` or a custom endpoint, and not a
 *   read nested in the list (a hook's or a population's), which keeps Payload's defaults.
 * Names the collection does not have are skipped, so one list serves articles and pages.
 */
export const LIST_OMITS = ['body', 'bodyHtml', 'timeline', 'translatedFrom'] as const

/** Requests whose collection list has been shaped (or left as asked): nested reads are not. */
const seen = new WeakSet<PayloadRequest>()

/** True when `req` is the REST list of `slug` itself: `GET {api}/{slug}`. */
export const isRestList = (req: PayloadRequest, slug: string): boolean => {
  if (req.payloadAPI !== 'REST' || req.method?.toUpperCase() !== 'GET' || !req.url) return false
  const api = req.payload.config.routes.api ?? '/api'
  let pathname: string
  try {
    pathname = new URL(req.url).pathname
  } catch {
    return false
  }
  return pathname.replace(/\/+$/, '') === `${api}/${slug}`
}

/**
 * beforeOperation (`read`): on the REST list of the collection, a client's read without
 * `select` gets `select: { <each of LIST_OMITS the collection has>: false }`.
 */
export const listWithoutBodies: CollectionBeforeOperationHook = ({
  args,
  collection,
  operation,
  req,
}) => {
  if (operation !== 'read' || seen.has(req) || !isRestList(req, collection.slug)) return args
  // The first read of the collection in its own list request is the list: later ones are nested.
  seen.add(req)
  const query = args as { id?: unknown; select?: unknown }
  if (query.id !== undefined || query.select !== undefined) return args
  const names = new Set(collection.flattenedFields.map((field) => field.name))
  const omitted = LIST_OMITS.filter((name) => names.has(name))
  if (!omitted.length) return args
  return { ...args, select: Object.fromEntries(omitted.map((name) => [name, false])) }
}
