import type { CollectionBeforeChangeHook } from 'payload'

/** Records who created the document; ownership never changes afterwards. */
export const setCreatedBy: CollectionBeforeChangeHook = ({ data, operation, originalDoc, req }) => {
  if (operation === 'create') return { ...data, createdBy: req.user?.id ?? data.createdBy ?? null }
  return { ...data, createdBy: originalDoc?.createdBy ?? null }
}
