import {
  GraphQLError,
  getNamedType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  Kind,
  type ASTVisitor,
  type FieldNode,
  type GraphQLOutputType,
  type GraphQLType,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql'

/**
 * The work one GraphQL query may ask for, counted before it runs. Complexity (fields) and depth
 * are limited elsewhere; neither sees that `a1: Articles(limit: 100) … a50: Articles(limit: 100)`
 * loads 5,000 documents. This rule sums, for every object field of the query, how many times it
 * is resolved: a list field with a `limit` argument counts `limit` (Payload's default 10; 0, which
 * means "all", counts as `MAX_LIST`) times its parent's count; other lists of documents
 * (relationships with many values) count `UNLIMITED_LIST_GUESS` each, and every other object
 * field once per parent.
 */

/** Aliased fields in one query (the site and the admin use none). */
export const MAX_QUERY_ALIASES = 15
/** The documents one query may load (50 lists of 100 is 5,000; the site asks for under 100). */
export const MAX_QUERY_COST = 2000
/** Payload's default `limit` and what `limit: 0` or a huge limit counts as. */
const DEFAULT_LIMIT = 10
const MAX_LIST = 1000
/** A relationship with many values has no limit argument; editors keep them short (tags, bylines). */
const UNLIMITED_LIST_GUESS = 5

export const costMessages = {
  tooCostly: (cost: number) =>
    `This query asks for up to ${cost} documents; one query may ask for at most ${MAX_QUERY_COST}. ` +
    'Ask for fewer or smaller lists (the "limit" argument), or split the query.',
}

const unwrap = (type: GraphQLType): GraphQLType => (isNonNullType(type) ? type.ofType : type)

const intArgument = (node: FieldNode, name: string, variables: Record<string, unknown>) => {
  const argument = node.arguments?.find((each) => each.name.value === name)
  if (!argument) return undefined
  const value: ValueNode = argument.value
  if (value.kind === Kind.INT) return Number(value.value)
  if (value.kind === Kind.VARIABLE) {
    const given = variables[value.name.value]
    return typeof given === 'number' ? given : undefined
  }
  return undefined
}

/**
 * The validation rule. Variables are not known during validation, so a `limit` given as a
 * variable counts as `MAX_LIST` unless `variables` are passed in (Payload's `validationRules`
 * receives the request's arguments).
 */
export const queryCostRule =
  (variables: Record<string, unknown> = {}) =>
  (context: ValidationContext): ASTVisitor => {
    const cost = (
      selectionSet: SelectionSetNode | undefined,
      parentType: GraphQLType | undefined,
      multiplier: number,
      seenFragments: Set<string>,
    ): number => {
      if (!selectionSet) return 0
      const type = parentType ? getNamedType(parentType) : undefined
      let total = 0
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          const fieldDef =
            type && (isObjectType(type) || isInterfaceType(type))
              ? type.getFields()[selection.name.value]
              : undefined
          if (!fieldDef || !selection.selectionSet) continue
          const fieldType = unwrap(fieldDef.type as GraphQLOutputType)
          const hasLimit = fieldDef.args.some((arg) => arg.name === 'limit')
          const isPage = selection.name.value === 'docs'
          let count = 1
          if (hasLimit) {
            const written = selection.arguments?.some((arg) => arg.name.value === 'limit')
            const limit = written ? intArgument(selection, 'limit', variables) : DEFAULT_LIMIT
            count = limit === undefined || limit <= 0 || limit > MAX_LIST ? MAX_LIST : limit
          } else if (isListType(fieldType) && !isPage) {
            count = UNLIMITED_LIST_GUESS
          }
          const resolved = multiplier * count
          // `docs` is the page of a list whose `limit` was counted on its parent.
          if (!isPage) total += resolved
          total += cost(selection.selectionSet, fieldDef.type, resolved, seenFragments)
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          const fragmentType = selection.typeCondition
            ? (context.getSchema().getType(selection.typeCondition.name.value) ?? parentType)
            : parentType
          total += cost(selection.selectionSet, fragmentType, multiplier, seenFragments)
        } else {
          const name = selection.name.value
          if (seenFragments.has(name)) continue
          const fragment = context.getFragment(name)
          if (!fragment) continue
          const fragmentType =
            context.getSchema().getType(fragment.typeCondition.name.value) ?? parentType
          total += cost(
            fragment.selectionSet,
            fragmentType,
            multiplier,
            new Set([...seenFragments, name]),
          )
        }
      }
      return total
    }

    return {
      OperationDefinition(node) {
        const schema = context.getSchema()
        const root =
          node.operation === 'query'
            ? schema.getQueryType()
            : node.operation === 'mutation'
              ? schema.getMutationType()
              : schema.getSubscriptionType()
        const total = cost(node.selectionSet, root ?? undefined, 1, new Set())
        if (total > MAX_QUERY_COST) {
          context.reportError(new GraphQLError(costMessages.tooCostly(total), { nodes: [node] }))
        }
      },
    }
  }
