import type { CollectionBeforeOperationHook, CollectionConfig } from 'payload'

import { refusal } from './errors'

/**
 * Every collection here has serial integer ids. A request naming any other id (`/api/articles/abc`)
 * would reach PostgreSQL as a type error and come back as a 500; it gets a 404 instead.
 */
export const rejectMalformedIds: CollectionBeforeOperationHook = ({ args, collection }) => {
  const id = (args as { id?: unknown }).id
  if (id !== undefined && id !== null && !/^\d+$/.test(String(id))) {
    const name = String(collection.labels?.singular ?? collection.slug)
    throw refusal(`There is no ${name.toLowerCase()} with the id "${String(id)}".`, 404)
  }
  return args
}

/** The collection with the malformed-id check first among its beforeOperation hooks. */
export const withIdCheck = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  hooks: {
    ...collection.hooks,
    beforeOperation: [rejectMalformedIds, ...(collection.hooks?.beforeOperation ?? [])],
  },
})
