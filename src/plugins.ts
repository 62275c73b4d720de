/**
 * Every plugin the app applies, in order, and the one statement of the order of the articles'
 * hooks. payload.config.ts takes `plugins` from here.
 *
 * 1. `workflowPlugin`, `translationsPlugin` (local): add their fields, endpoints, jobs and
 *    hooks to `articles`. Each appends its hooks, as Payload's plugins do; neither relies on
 *    where the other's land.
 * 2. `articleHookOrder`: puts the articles' hooks, the collection's own and the plugins', in the
 *    order of `ARTICLE_HOOKS` below, and stops the start-up when a hook is missing from the
 *    table or the table names one nobody added: a new hook is placed here, on purpose.
 * 3. Nested docs, SEO, S3 storage (Payload's): categories, pages, media.
 * 4. `edgeChecks`, last, so that they wrap every collection and global, plugins' additions
 *    included (see there).
 */
import { nestedDocsPlugin } from '@payloadcms/plugin-nested-docs'
import { seoPlugin } from '@payloadcms/plugin-seo'
import { s3Storage } from '@payloadcms/storage-s3'
import type { CollectionConfig, Plugin } from 'payload'

import { withDocumentLocks, withGlobalLocks } from '@/access/documentLocks'
import { withQueryGuard } from '@/access/queryGuard'
import { computeReadingTime } from '@/collections/Articles/hooks/computeReadingTime'
import { ensureUniqueSlug } from '@/collections/Articles/hooks/ensureUniqueSlug'
import { keepInScope } from '@/collections/Articles/hooks/keepInScope'
import {
  revalidateArticle,
  revalidateDeletedArticle,
} from '@/collections/Articles/hooks/revalidateArticle'
import { serializeSaves } from '@/collections/Articles/hooks/serializeSaves'
import { setCreatedBy } from '@/collections/Articles/hooks/setCreatedBy'
import { storeBodyHtml } from '@/collections/Articles/hooks/storeBodyHtml'
import { listWithoutBodies } from '@/collections/Articles/listShape'
import { commentsJobsPlugin } from '@/collections/Comments/plugin'
import {
  redirectChangedAddress,
  rememberLiveAddress,
} from '@/collections/Redirects/hooks/automatic'
import { redirectsPlugin } from '@/collections/Redirects/plugin'
import { withSeoLabels } from '@/fields/seo'
import { withIdCheck } from '@/lib/ids'
import { changeCollection } from '@/lib/plugins'
import { followOriginal, updateLanguageVersions } from '@/translations/hooks'
import { translationsPlugin } from '@/translations/plugin'
import { applyWorkflow, recordWorkflow, rememberSaveMode } from '@/workflow/hooks'
import { workflowPlugin } from '@/workflow/plugin'

type Hooks = NonNullable<CollectionConfig['hooks']>

/**
 * The articles' hooks, in the order they run, and why there:
 *
 * | kind            | hook                   | from         | why here                                                                                                  |
 * | --------------- | ---------------------- | ------------ | --------------------------------------------------------------------------------------------------------- |
 * | beforeOperation | serializeSaves         | articles     | first: locks the article's row before anything reads it, so saves of one article take turns              |
 * |                 | rememberSaveMode       | workflow     | notes draft save vs. write of the document, read by applyWorkflow; refuses a non-editor's restore         |
 * |                 | listWithoutBodies      | articles     | reads only: a REST list without `select` leaves the body out (listShape.ts); order-free                   |
 * | beforeValidate  | ensureUniqueSlug       | articles     | the only one                                                                                              |
 * | beforeChange    | applyWorkflow          | workflow     | first: decides stage and `_status` (checklist on the article as sent) before anything derives from them   |
 * |                 | followOriginal         | translations | checks the link to the original and copies its story fields, on the workflow's result                     |
 * |                 | setCreatedBy           | articles     | owner of a new article, before the scope check reads it                                                   |
 * |                 | keepInScope            | articles     | checks the article as it will be stored: after every hook that changes language, original or owner       |
 * |                 | computeReadingTime     | articles     | derived from the final body; order-free, last by convention                                               |
 * |                 | storeBodyHtml          | articles     | the final body as HTML, stored with the version (src/lib/bodyHtml.ts); order-free, with the other derived |
 * |                 | rememberLiveAddress    | redirects    | reads the live row's address before the write changes it; order-free                                      |
 * | afterChange     | recordWorkflow         | workflow     | timeline event and queued jobs, in the write's transaction                                                |
 * |                 | updateLanguageVersions | translations | writes the versions (their own hooks run, revalidation included)                                          |
 * |                 | redirectChangedAddress | redirects    | old live address → new one, in the write's transaction; before the expiry so the proxy refresh sees it    |
 * |                 | revalidateArticle      | articles     | last: expires the cache once everything this write changes is written                                     |
 * | afterDelete     | revalidateDeletedArticle | articles   | the only one                                                                                              |
 *
 * The edge checks' beforeOperation hooks wrap these (see `edgeChecks`).
 */
export const ARTICLE_HOOKS: Hooks = {
  beforeOperation: [serializeSaves, rememberSaveMode, listWithoutBodies],
  beforeValidate: [ensureUniqueSlug],
  beforeChange: [
    applyWorkflow,
    followOriginal,
    setCreatedBy,
    keepInScope,
    computeReadingTime,
    storeBodyHtml,
    rememberLiveAddress,
  ],
  afterChange: [recordWorkflow, updateLanguageVersions, redirectChangedAddress, revalidateArticle],
  afterDelete: [revalidateDeletedArticle],
}

/** The articles' hooks in the order of `ARTICLE_HOOKS`; exactly those, or the start-up fails. */
export const articleHookOrder: Plugin = (config) =>
  changeCollection(config, 'articles', (articles) => {
    const present: Record<string, unknown[] | undefined> = { ...articles.hooks }
    const table: Record<string, unknown[] | undefined> = { ...ARTICLE_HOOKS }
    for (const kind of new Set([...Object.keys(present), ...Object.keys(table)])) {
      const added = present[kind] ?? []
      const ordered = table[kind] ?? []
      const same = added.length === ordered.length && ordered.every((hook) => added.includes(hook))
      if (!same) {
        throw new Error(
          `The articles' ${kind} hooks differ from the table in src/plugins.ts: place every hook there.`,
        )
      }
    }
    const hooks = Object.fromEntries(
      Object.entries(ARTICLE_HOOKS).map(([kind, list]) => [kind, [...(list ?? [])]]),
    )
    return { ...articles, hooks }
  })

/**
 * The checks every collection and global gets, applied to each in this order, so that their
 * beforeOperation hooks run:
 * 1. `withIdCheck` (src/lib/ids.ts), prepended: malformed ids, `where`, `sort`, `limit`, `page`,
 *    `depth`, `select` and upload names are refused before any query is made;
 * 2. `withQueryGuard` (src/access/queryGuard.ts), prepended, so second: no sorting or filtering
 *    by what the caller cannot read, on a request whose shape is known to be sound;
 * 3. the collection's own hooks (for articles, as `ARTICLE_HOOKS` orders them);
 * 4. `withDocumentLocks` / `withGlobalLocks` (src/access/documentLocks.ts), appended: the
 *    document lock is checked last, on the save's own transaction, once the save is otherwise
 *    allowed.
 * Applied after every other plugin, so that a collection a plugin adds gets them too.
 */
export const edgeChecks: Plugin = (config) => ({
  ...config,
  collections: (config.collections ?? [])
    .map(withQueryGuard)
    .map(withIdCheck)
    .map(withDocumentLocks),
  globals: (config.globals ?? []).map(withGlobalLocks),
})

export const plugins: Plugin[] = [
  workflowPlugin({
    // The queue is run by one guarded runner at a time (src/jobs/): `npm run worker`, or the
    // web server itself unless JOBS_AUTORUN=false (src/instrumentation.ts). Not Payload's
    // `jobs.autoRun` cron, nor `payload jobs:run`: two of those can run a job twice.
    historyTabBefore: 'Related',
  }),
  translationsPlugin({ fieldsAfter: 'slug' }),
  commentsJobsPlugin,
  redirectsPlugin,
  articleHookOrder,
  nestedDocsPlugin({
    collections: ['categories'],
    generateLabel: (_, doc) => String(doc.name ?? ''),
    generateURL: (docs) => docs.reduce((url, doc) => `${url}/${doc.slug}`, ''),
  }),
  seoPlugin({
    collections: ['pages'],
    uploadsCollection: 'media',
    // The fields with the admin's labels in every admin language (src/fields/seo.ts).
    fields: ({ defaultFields }) => defaultFields.map(withSeoLabels),
    // Articles carry the same fields unlocalized (src/collections/Articles); these generators
    // serve both.
    generateTitle: ({ doc }) => `${doc?.title ?? ''} · Caspian Digest`,
    generateDescription: ({ doc }) => String(doc?.dek ?? ''),
  }),
  // Media in an S3-compatible bucket when S3_BUCKET is set (else on local disk, MEDIA_DIR). The
  // bucket stays private: files are served through /api/media/file/... with the media's access.
  s3Storage({
    enabled: Boolean(process.env.S3_BUCKET),
    // The plugin's columns (prefix, _objectKey) exist with or without S3, so one schema and one
    // set of migrations serve both; without this, turning S3 on needs columns no migration made.
    // The prefix is stated (objects at the bucket's root) because with S3 on the plugin keeps its
    // prefix field only when one is.
    alwaysInsertFields: true,
    collections: { media: { prefix: '' } },
    bucket: process.env.S3_BUCKET || '',
    config: {
      endpoint: process.env.S3_ENDPOINT || undefined,
      region: process.env.S3_REGION || 'us-east-1',
      forcePathStyle: true,
      credentials: {
        accessKeyId: process.env.S3_ACCESS_KEY_ID || '',
        secretAccessKey: process.env.S3_SECRET_ACCESS_KEY || '',
      },
      // The SDK's default trailing checksums (CRC32 in aws-chunked bodies) are refused by most
      // S3-compatible stores (Swift's s3api among them): checksum only where S3 requires one.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    },
  }),
  edgeChecks,
]
