import type { CollectionConfig, RequestContext } from 'payload'

/**
 * Expire cached reads by tag. Hooks call this after a change; it is a no-op outside a Next.js
 * server (seed, migrations, tests run through the Local API) and when the caller set
 * `context.disableRevalidate`.
 */
export const revalidateTags = async (tags: string[], context?: RequestContext): Promise<void> => {
  if (context?.disableRevalidate || tags.length === 0) return
  try {
    const { revalidateTag } = await import('next/cache')
    for (const tag of new Set(tags)) revalidateTag(tag, { expire: 0 })
  } catch {
    // Not inside a Next.js request (a script or a test): there is no cache to expire.
  }
}

type RevalidatingHooks = Required<Pick<CollectionConfig, 'hooks'>>['hooks']

/**
 * Hooks for collections whose every change is public (sections, tags, authors, pages): expire
 * `tags` after a save or a delete.
 */
export const revalidateOnChange = (tags: string[]): RevalidatingHooks => ({
  afterChange: [({ doc, context }) => revalidateTags(tags, context).then(() => doc)],
  afterDelete: [({ doc, context }) => revalidateTags(tags, context).then(() => doc)],
})
