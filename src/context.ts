/**
 * Every key this project puts on Payload's request context (`req.context`, the `context` of a
 * Local API call), declared once through Payload's `RequestContext` module augmentation: hooks
 * read and write them as typed properties, with no cast and no string constant standing in for
 * a name. A new key is added here first, with what sets it and what reads it.
 */
import type { LiveArticleRow } from '@/db/redirects'
import type { SanctionedTransition } from '@/workflow/hooks'

declare module 'payload' {
  export interface RequestContext {
    /**
     * Set by Payload itself while `restoreVersion` runs; the workflow keeps the article's
     * workflow fields and never publishes on a restore (src/workflow/hooks.ts).
     */
    isRestoringVersion?: boolean
    /**
     * The write saves a draft version only (the live text stays), rather than the document
     * itself. Set by the workflow's beforeOperation hook (`rememberSaveMode`), read by
     * `applyWorkflow`, which cannot tell the two apart from its own arguments.
     */
    workflowDraftSave?: boolean
    /**
     * The one transition `performTransition` has checked against the table for this update;
     * the workflow hooks let that update through as it is and name its timeline event after it.
     * Set and cleared around the update by src/workflow/perform.ts.
     */
    workflowTransition?: SanctionedTransition
    /**
     * When present, `revalidateTags` collects the cache tags (and proxy paths) here instead of
     * expiring them, for the caller to expire once its transaction has committed (the scheduler
     * in src/workflow/perform.ts).
     */
    deferredTags?: string[]
    /** The proxy paths that go with `deferredTags`. */
    deferredPaths?: string[]
    /**
     * The write copies an original's story fields or flags to one of its language versions
     * (src/translations/hooks.ts); the version's own afterChange does not start another round.
     */
    followingOriginal?: boolean
    /**
     * The system is loading content (seed, importer): no notification emails are queued for the
     * stage changes it makes.
     */
    seeding?: boolean
    /** No cache to expire for this write (seed, importer, tests): `revalidateTags` does nothing. */
    disableRevalidate?: boolean
    /**
     * The id a server error's answer and its log line share, one per request however many errors
     * it reports (src/lib/errorResponse.ts).
     */
    requestId?: string
    /**
     * Each article's live address before this write (its own row: language, slug, status), by
     * id. Set by `rememberLiveAddress` (beforeChange), read and cleared by
     * `redirectChangedAddress` (afterChange), src/collections/Redirects/hooks/automatic.ts.
     */
    redirectsLiveBefore?: Record<string, LiveArticleRow>
  }
}
