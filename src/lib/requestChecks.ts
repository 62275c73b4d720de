import type {
  CollectionBeforeOperationHook,
  CollectionSlug,
  FlattenedField,
  PayloadRequest,
  SanitizedCollectionConfig,
} from 'payload'

import { refuse } from './errors'
import { message, type Audience, type MessageKey, type MessageValues } from './messages'

/**
 * Checks of what a caller sends to a collection (query parameters, `where`, upload names) that
 * turn input the database would choke on into a 400 with a message, before any query runs.
 * They refuse only what could never be answered: an id outside PostgreSQL's integer range, an
 * operator object where a value belongs, `like` on a rich-text field, a NUL character. Messages
 * are worded in the requester's language (`query:` and `uploads:` in src/lib/messages).
 */

/** Every id here is a PostgreSQL `integer` (serial). */
export const MAX_ID = 2_147_483_647
/** The most documents one list request may ask for (`limit`). */
export const MAX_LIMIT = 1000
/** The highest page number; beyond it the offset means nothing for this archive. */
export const MAX_PAGE = 1_000_000
/** Conditions (and/or included) in one `where`, and how deep and/or may nest. */
export const MAX_CONDITIONS = 200
export const MAX_WHERE_NESTING = 8
/** Values in one `in`, `not_in` or `all`. */
export const MAX_IN_VALUES = 1000
/** A file name's length in UTF-8 bytes: sizes add a suffix, and file systems stop at 255. */
export const MAX_FILE_NAME_BYTES = 200

const OPERATORS = new Set([
  'equals',
  'contains',
  'not_equals',
  'in',
  'all',
  'not_in',
  'exists',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'like',
  'not_like',
  'within',
  'intersects',
  'near',
])
const LIST_OPERATORS = new Set(['in', 'not_in', 'all'])
const GEO_OPERATORS = new Set(['near', 'within', 'intersects'])
const TEXT_MATCH_OPERATORS = new Set(['like', 'not_like', 'contains'])
/** Fields `like` and `contains` cannot search: structured ones, and choices (PostgreSQL enums). */
const UNMATCHABLE_TYPES = new Set([
  'richText',
  'json',
  'blocks',
  'array',
  'group',
  'tab',
  'join',
  'select',
  'radio',
])
/** The word for a field's kind in a refusal (`query:fieldTypes:…`); choices are selects and radios. */
const TYPE_KEYS: Record<string, MessageKey> = {
  richText: 'query:fieldTypes:richText',
  json: 'query:fieldTypes:json',
  blocks: 'query:fieldTypes:blocks',
  array: 'query:fieldTypes:array',
  group: 'query:fieldTypes:group',
  tab: 'query:fieldTypes:tab',
  join: 'query:fieldTypes:join',
  select: 'query:fieldTypes:choice',
  radio: 'query:fieldTypes:choice',
}

/** A 400 worded in the requester's language, with its code (src/lib/messages). */
const badRequest = (audience: Audience, key: MessageKey, values?: MessageValues) =>
  refuse(audience, key, 400, values)

const hasNul = (value: string) => value.includes('\u0000')

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)

/** A whole number from `min` to `max`, as a number or in decimal digits; otherwise null. */
const wholeNumber = (value: unknown, min: number, max: number): number | null => {
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) && value >= min && value <= max ? value : null
  }
  if (typeof value === 'string' && /^-?\d{1,16}$/.test(value)) {
    const n = Number(value)
    return n >= min && n <= max ? n : null
  }
  return null
}

/** An id as this database stores them; ids are never 0 or negative. */
export const isValidId = (value: unknown) => wholeNumber(value, 1, MAX_ID) !== null

/**
 * The field a `where` path names, or undefined when it cannot be told here (Payload then
 * answers for paths it does not know). `id` and relationship ids resolve to the kind `id`.
 */
type Resolved = { kind: 'id' } | { kind: 'field'; field: FlattenedField } | undefined

const resolvePath = (
  req: PayloadRequest,
  fields: FlattenedField[],
  segments: string[],
): Resolved => {
  const [head, ...rest] = segments
  if (head === undefined) return undefined
  if (head === 'id' && rest.length === 0) return { kind: 'id' }
  const field = fields.find((candidate) => 'name' in candidate && candidate.name === head)
  if (!field) return undefined
  if (rest.length === 0) {
    if (
      (field.type === 'relationship' || field.type === 'upload') &&
      typeof field.relationTo === 'string'
    ) {
      return { kind: 'id' }
    }
    return { kind: 'field', field }
  }
  if (field.type === 'group' || field.type === 'array' || field.type === 'tab') {
    return resolvePath(req, field.flattenedFields, rest)
  }
  if (
    (field.type === 'relationship' || field.type === 'upload') &&
    typeof field.relationTo === 'string'
  ) {
    const related = req.payload.collections[field.relationTo as CollectionSlug]?.config
    if (!related) return undefined
    // `category.id` is the relationship's own column; anything else reads the related document.
    return resolvePath(req, related.flattenedFields, rest)
  }
  return undefined
}

const checkString = (req: Audience, value: string, key: MessageKey, values?: MessageValues) => {
  if (hasNul(value)) throw badRequest(req, key, values)
}

const checkValue = (
  req: Audience,
  resolved: Resolved,
  path: string,
  operator: string,
  value: unknown,
  local: boolean,
) => {
  if (value === null || value === undefined || typeof value === 'boolean') return
  if (value instanceof Date) return
  if (typeof value === 'object') {
    // Internal callers may pass Payload's own value objects; callers over HTTP may not.
    if (local) return
    throw badRequest(req, 'query:valueIsObject', { path, operator })
  }
  if (typeof value === 'string') checkString(req, value, 'query:nulInValue', { operator, path })
  if (operator === 'exists') return
  if (resolved?.kind === 'id' && !TEXT_MATCH_OPERATORS.has(operator)) {
    if (value === 'null' || value === '') return
    // Ids are positive: a comparison with a number outside that range would still run, but
    // PostgreSQL refuses any value beyond the integer type.
    if (wholeNumber(value, -MAX_ID - 1, MAX_ID) === null) {
      throw badRequest(req, 'query:notAnId', { path, value: String(value), max: MAX_ID })
    }
  }
  if (
    resolved?.kind === 'field' &&
    (resolved.field.type === 'select' || resolved.field.type === 'radio')
  ) {
    // A choice is a PostgreSQL enum: any other value is a type error in the database.
    const choices = resolved.field.options.map((option) =>
      typeof option === 'string' ? option : option.value,
    )
    if (!choices.includes(String(value))) {
      throw badRequest(req, 'query:notAChoice', {
        path,
        value: String(value),
        choices: choices.join(', '),
      })
    }
  }
  if (resolved?.kind === 'field' && resolved.field.type === 'number') {
    if (value === '' || !Number.isFinite(Number(value))) {
      throw badRequest(req, 'query:notANumber', { path, value: String(value) })
    }
  }
}

/** `in`, `not_in` and `all` take a list: an array, a comma-separated string, or qs's indexed object. */
const listValues = (value: unknown): unknown[] | null => {
  if (Array.isArray(value)) return value
  if (typeof value === 'string') return value.split(',')
  if (isPlainObject(value) && Object.keys(value).every((key) => /^\d+$/.test(key))) {
    return Object.values(value)
  }
  return null
}

const checkCondition = (
  req: PayloadRequest,
  fields: FlattenedField[],
  path: string,
  condition: unknown,
  local: boolean,
) => {
  checkString(req, path, 'query:nulInFieldName')
  if (!isPlainObject(condition)) {
    throw badRequest(req, 'query:conditionNotObject', { path })
  }
  const resolved = resolvePath(req, fields, path.split('.'))
  for (const [operator, value] of Object.entries(condition)) {
    if (!OPERATORS.has(operator)) {
      throw badRequest(req, 'query:unknownOperator', {
        path,
        operator,
        operators: [...OPERATORS].join(', '),
      })
    }
    const type = resolved?.kind === 'field' ? resolved.field.type : undefined
    if (GEO_OPERATORS.has(operator)) {
      if (type !== 'point') throw badRequest(req, 'query:geoOnNonPoint', { path, operator })
      continue
    }
    // `contains` on a multiple choice (a user's roles) asks whether the list holds a value.
    const membership =
      operator === 'contains' &&
      resolved?.kind === 'field' &&
      resolved.field.type === 'select' &&
      Boolean(resolved.field.hasMany)
    if (type && UNMATCHABLE_TYPES.has(type) && TEXT_MATCH_OPERATORS.has(operator) && !membership) {
      throw badRequest(req, 'query:textMatchOnStructured', {
        path,
        operator,
        type: TYPE_KEYS[type] ? message(req, TYPE_KEYS[type]) : type,
      })
    }
    if (LIST_OPERATORS.has(operator)) {
      const values = listValues(value)
      if (values === null) {
        if (local) continue
        throw badRequest(req, 'query:valueIsObject', { path, operator })
      }
      if (values.length > MAX_IN_VALUES) {
        throw badRequest(req, 'query:tooManyValues', { path, operator, max: MAX_IN_VALUES })
      }
      for (const each of values) checkValue(req, resolved, path, operator, each, local)
      continue
    }
    checkValue(req, resolved, path, operator, value, local)
  }
}

/** The bounds of a `where`, as a refusal names them. */
const WHERE_LIMITS = { max: MAX_CONDITIONS, depth: MAX_WHERE_NESTING }

/** Walks a `where` (and/or included), counting conditions. */
export const checkWhere = (
  req: PayloadRequest,
  fields: FlattenedField[],
  where: unknown,
  local = false,
) => {
  let conditions = 0
  const walk = (node: unknown, nesting: number) => {
    if (!isPlainObject(node)) throw badRequest(req, 'query:whereNotObject')
    if (nesting > MAX_WHERE_NESTING) throw badRequest(req, 'query:whereTooLarge', WHERE_LIMITS)
    for (const [key, value] of Object.entries(node)) {
      if (++conditions > MAX_CONDITIONS) throw badRequest(req, 'query:whereTooLarge', WHERE_LIMITS)
      if (key.toLowerCase() === 'and' || key.toLowerCase() === 'or') {
        const list = listValues(value)
        if (list === null || typeof value === 'string') {
          throw badRequest(req, 'query:andOrNotList', { key })
        }
        for (const each of list) walk(each, nesting + 1)
        continue
      }
      checkCondition(req, fields, key, value, local)
    }
  }
  walk(where, 0)
}

const checkWholeNumber = (
  req: Audience,
  name: string,
  value: unknown,
  min: number,
  max: number,
) => {
  if (value === undefined || value === null || value === '') return
  if (wholeNumber(value, min, max) === null) {
    throw badRequest(req, 'query:parameterNotInteger', { name, min, max })
  }
}

const checkSort = (req: Audience, sort: unknown) => {
  if (sort === undefined || sort === null || sort === '') return
  const parts = typeof sort === 'string' ? sort.split(',') : sort
  if (!Array.isArray(parts)) throw badRequest(req, 'query:sortNotFields')
  for (const part of parts) {
    if (typeof part !== 'string') throw badRequest(req, 'query:sortNotFields')
    if (hasNul(part)) throw badRequest(req, 'query:nulInParameter', { name: 'sort' })
    if (part !== '' && !/^[-+]?\w+(\.\w+)*$/.test(part.trim())) {
      throw badRequest(req, 'query:sortNotFields')
    }
  }
}

const checkSelect = (req: Audience, select: unknown, nesting = 0) => {
  if (select === undefined || select === null) return
  if (!isPlainObject(select) || nesting > 10) throw badRequest(req, 'query:selectNotFields')
  for (const [key, value] of Object.entries(select)) {
    if (hasNul(key)) throw badRequest(req, 'query:nulInParameter', { name: 'select' })
    if (typeof value === 'boolean') continue
    if (isPlainObject(value)) {
      checkSelect(req, value, nesting + 1)
      continue
    }
    throw badRequest(req, 'query:selectNotFields')
  }
}

/**
 * An uploaded file's name. Payload stores a name with a path under its last part, so only what
 * no file system takes is refused: control characters (NUL among them) and overlong names.
 */
export const checkUploadName = (req: Audience, name: string) => {
  if (/[\u0000-\u001f\u007f]/.test(name)) throw badRequest(req, 'uploads:fileNameInvalid')
  if (Buffer.byteLength(name, 'utf8') > MAX_FILE_NAME_BYTES) {
    throw badRequest(req, 'uploads:fileNameTooLong', { max: MAX_FILE_NAME_BYTES })
  }
}

/** A file name asked for in a file URL (`/api/media/file/<name>`): a plain name, nothing else. */
export const checkRequestedFileName = (req: Audience, name: string) => {
  checkUploadName(req, name)
  if (/[/\\]/.test(name) || name === '.' || name.includes('..')) {
    throw badRequest(req, 'uploads:fileNameInvalid')
  }
}

type QueryArgs = {
  depth?: unknown
  limit?: unknown
  page?: unknown
  select?: unknown
  sort?: unknown
  where?: unknown
}

/** The fields a `where` on this operation is about (versions are queried as `version.<field>`). */
const whereFields = (collection: SanitizedCollectionConfig, operation: string) =>
  operation === 'findVersions' || operation === 'countVersions'
    ? [
        ...collection.flattenedFields,
        {
          name: 'version',
          type: 'group',
          flattenedFields: collection.flattenedFields,
        } as unknown as FlattenedField,
        { name: 'parent', type: 'relationship', relationTo: collection.slug } as FlattenedField,
      ]
    : collection.flattenedFields

/**
 * Every collection's first beforeOperation hook (`withIdCheck`): the query parameters and the
 * upload name of a request, checked before Payload builds a query from them.
 */
export const rejectMalformedQueries: CollectionBeforeOperationHook = ({
  args,
  collection,
  operation,
  req,
}) => {
  const local = req.payloadAPI === 'local'
  const query = args as QueryArgs
  if (query.where !== undefined && query.where !== null) {
    checkWhere(req, whereFields(collection, operation), query.where, local)
  }
  if (!local) {
    // 0 is "every document" to Payload: for staff (the admin asks for it), not for anyone.
    checkWholeNumber(req, 'limit', query.limit, req.user ? 0 : 1, MAX_LIMIT)
    checkWholeNumber(req, 'page', query.page, 1, MAX_PAGE)
    checkWholeNumber(req, 'depth', query.depth, 0, req.payload.config.maxDepth)
    checkSort(req, query.sort)
    checkSelect(req, query.select)
  }
  if (req.file?.name !== undefined && (operation === 'create' || operation === 'update')) {
    checkUploadName(req, req.file.name)
  }
  return args
}
