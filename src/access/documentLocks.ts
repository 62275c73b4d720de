import type {
  CollectionBeforeOperationHook,
  CollectionConfig,
  GlobalBeforeOperationHook,
  GlobalConfig,
  PayloadRequest,
  Where,
} from 'payload'

import { refuse } from '@/lib/errors'
import { message } from '@/lib/messages'

/** How long an editor's lock lasts after their last keystroke, as Payload's admin counts it. */
const DEFAULT_LOCK_SECONDS = 300

/** The refusal's English text (the answer is in the requester's language: `locks:editing`). */
export const LOCKED_MESSAGE = message('en', 'locks:editing')

/**
 * Payload's document locks (the admin's "currently editing") hold on every way in: a person's
 * update or delete through REST, GraphQL or the Local API (`user`, `overrideAccess: false`) of a
 * document or global another person has open is refused with 423. Payload itself checks only REST, and
 * only on a second pool connection while the write's transaction holds the first (the pool
 * deadlock of ten concurrent saves); here the check runs on the write's own transaction, after
 * any row lock a hook before it took, and Payload's own check is switched off (`overrideLock`).
 * The system's writes (the workflow's jobs, the seed, the importer) pass, as in Payload.
 */
export const holdDocumentLocks: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  overrideAccess,
  req,
}) => {
  if (operation !== 'update' && operation !== 'delete') return args
  const id = (args as { id?: number | string }).id
  // A bulk write (by `where`) keeps Payload's own check, document by document.
  if (id === undefined || collection.lockDocuments === false) return args
  if (req.user && !overrideAccess) {
    await refuseIfLockedByOther(req, collection.lockDocuments, {
      and: [
        { 'document.relationTo': { equals: collection.slug } },
        { 'document.value': { equals: id } },
      ],
    })
  }
  return { ...args, overrideLock: true }
}

/** The same for a global (site settings, navigation) a person has open in the admin. */
export const holdGlobalLocks: GlobalBeforeOperationHook = async ({
  args,
  global,
  operation,
  overrideAccess,
  req,
}) => {
  if (operation !== 'update' || global.lockDocuments === false) return args
  if (req.user && !overrideAccess) {
    await refuseIfLockedByOther(req, global.lockDocuments, { globalSlug: { equals: global.slug } })
  }
  return { ...args, overrideLock: true }
}

/** Refuses with 423 when someone else holds a fresh lock matching `where`; on `req`'s transaction. */
const refuseIfLockedByOther = async (
  req: PayloadRequest,
  setting: CollectionConfig['lockDocuments'],
  where: Where,
) => {
  const { docs } = await req.payload.db.find<{ user?: { value?: unknown }; updatedAt: string }>({
    collection: 'payload-locked-documents',
    where,
    sort: '-updatedAt',
    limit: 1,
    pagination: false,
    req,
  })
  const lock = docs[0]
  const seconds = typeof setting === 'object' ? setting.duration : DEFAULT_LOCK_SECONDS
  const fresh = lock && Date.now() - new Date(lock.updatedAt).getTime() <= seconds * 1000
  if (fresh && String(lock.user?.value) !== String(req.user?.id)) {
    throw refuse(req, 'locks:editing', 423)
  }
}

/** The collection with the document-lock check last among its beforeOperation hooks. */
export const withDocumentLocks = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  hooks: {
    ...collection.hooks,
    beforeOperation: [...(collection.hooks?.beforeOperation ?? []), holdDocumentLocks],
  },
})

/** The global with the lock check last among its beforeOperation hooks. */
export const withGlobalLocks = (global: GlobalConfig): GlobalConfig => ({
  ...global,
  hooks: {
    ...global.hooks,
    beforeOperation: [...(global.hooks?.beforeOperation ?? []), holdGlobalLocks],
  },
})
