/**
 * The tables and columns of Payload's generated schema that raw SQL in src/db/ names. Payload
 * derives these from the collections (a field `publishedAt` of `articles` is `published_at`, a
 * version's field is `version_published_at` in `_articles_v`), so a renamed field or a Payload
 * upgrade can move them; `tests/int/db-schema.int.spec.ts` fails when one of them is missing from
 * Payload's schema or from the migrated database, and when SQL in src/db/ names a table not
 * listed here. Add to this list in the same commit as the SQL that needs it.
 *
 * One block per module that writes SQL; `RAW_SQL_SCHEMA` is their union.
 */
type TableColumns = Record<string, readonly string[]>

// ─── src/db/import.ts: the bulk importer ──────────────────────────────────────────────────────

/**
 * The `articles` columns the importer writes, in the order it writes them; every other column
 * keeps its default (NULL). The importer's rows are typed by this list, and the version it
 * copies into `_articles_v` is made of the same columns (`version_<column>`).
 */
export const IMPORTED_ARTICLE_COLUMNS = [
  'title',
  'dek',
  'body',
  'hero_image_id',
  'hero_caption',
  'source_outlet',
  'source_url',
  'source_original_language',
  'source_original_title',
  'source_original_date',
  'language',
  'slug',
  'translation_of_id',
  'category_id',
  'published_at',
  'reading_time',
  'updated_at',
  'created_at',
  '_status',
  'stage',
  'needs_update',
  'translated_from_title',
  'translated_from_dek',
  'translated_from_body_text',
  'translated_from_at',
  // the embargo (src/lib/embargo.ts): a draft keeps it; a version takes its original's
  'embargo_until',
  // the body as HTML (src/lib/bodyHtml.ts), made from the body as a save makes it
  'body_html',
] as const

export type ImportedArticleColumn = (typeof IMPORTED_ARTICLE_COLUMNS)[number]

/** A column of `articles` as Payload names it in `_articles_v` (`_status` → `version__status`). */
export const versionColumnOf = (column: ImportedArticleColumn) => `version_${column}`

/** The columns of a hasMany relationship table (`articles_rels`, `_articles_v_rels`). */
export const ARTICLE_RELS_COLUMNS = [
  'id',
  'parent_id',
  'path',
  'order',
  'categories_id',
  'tags_id',
  'authors_id',
] as const

export const EDITORIAL_EVENT_COLUMNS = [
  'article_id',
  'kind',
  'transition',
  'from',
  'to',
  'language',
  'summary',
  'updated_at',
  'created_at',
] as const

export const IMPORT_TABLES = {
  articles: ['id', ...IMPORTED_ARTICLE_COLUMNS],
  articles_rels: ARTICLE_RELS_COLUMNS,
  _articles_v: [
    'id',
    'parent_id',
    ...IMPORTED_ARTICLE_COLUMNS.map(versionColumnOf),
    'created_at',
    'updated_at',
    'latest',
  ],
  _articles_v_rels: ARTICLE_RELS_COLUMNS,
  editorial_events: EDITORIAL_EVENT_COLUMNS,
  categories: ['id', 'slug'],
  authors: ['id', 'slug'],
  tags: ['id', 'slug'],
} as const satisfies TableColumns

/**
 * The enum types the importer casts to (the version table has its own, named after its column).
 */
export const IMPORT_ENUMS = {
  articlesLanguage: 'enum_articles_language',
  versionSourceOriginalLanguage: 'enum__articles_v_version_source_original_language',
  versionLanguage: 'enum__articles_v_version_language',
  versionStatus: 'enum__articles_v_version_status',
  versionStage: 'enum__articles_v_version_stage',
} as const

// ─── src/db/reads.ts, src/db/search.ts: the public site's reads ───────────────────────────────

const READ_TABLES = {
  articles: [
    'id',
    'language',
    '_status',
    'deleted_at',
    'published_at',
    'created_at',
    'category_id',
    'slug',
    'title',
    'dek',
    'body',
  ],
  articles_rels: ['parent_id', 'path', 'categories_id', 'tags_id'],
} as const satisfies TableColumns

/**
 * What raw-SQL migrations add beside Payload's schema (migration `search_vectors`: the generated
 * `search_vector` column and the `lexical_plain_text` function it is computed with; migration
 * `search_speed`: `search_rank_vector` and `lexical_plain_text_head`). Payload's schema does not
 * know them, so the drift test looks for them in the migrated database only.
 */
export const MIGRATION_SCHEMA = {
  articles: ['search_vector', 'search_rank_vector'],
  // migration `editorial_notifications`: one row per email of a timeline event (the ledgers of
  // src/db/deliveries.ts: LEDGER_TABLES)
  editorial_notifications: ['event_id', 'user_id', 'email', 'claimed_at', 'claimed_by', 'sent_at'],
  // migration `comments`: the shared rate limits' counts (src/db/rateLimits.ts)
  rate_limit_hits: ['bucket', 'key', 'window_start', 'hits'],
  // migration `comment_notifications`: the batched emails about comments awaiting moderation
  comment_notify_batches: ['id', 'comment_ids', 'created_at', 'done_at'],
  comment_notify_recipients: [
    'batch_id',
    'user_id',
    'email',
    'claimed_at',
    'claimed_by',
    'sent_at',
  ],
  // migration `comment_commenters`: emails that confirmed they comment (src/db/comments.ts)
  comment_commenters: ['email', 'confirmed_at'],
  // migration `newsletter`: the digest's keys (src/db/newsletter.ts) and deliveries (a ledger)
  newsletter_ticks: ['slot'],
  newsletter_digests: ['id', 'language', 'digest_date', 'since', 'until', 'completed_at'],
  newsletter_deliveries: [
    'digest_id',
    'subscriber_id',
    'email',
    'claimed_at',
    'claimed_by',
    'sent_at',
    'skipped',
  ],
} as const satisfies TableColumns

export const MIGRATION_FUNCTIONS = ['lexical_plain_text', 'lexical_plain_text_head'] as const

/**
 * The per-recipient email ledgers of src/db/deliveries.ts: each has the recipient's `email`,
 * `claimed_at`, `claimed_by` and `sent_at`. That module names them (and their columns, typed from
 * `MIGRATION_SCHEMA`) through `sql.identifier`, out of the drift test's reading of the SQL, so they
 * are listed here.
 */
export const LEDGER_TABLES = [
  'editorial_notifications',
  'comment_notify_recipients',
  'newsletter_deliveries',
] as const satisfies readonly (keyof typeof MIGRATION_SCHEMA)[]

// ─── src/db/health.ts: readiness ──────────────────────────────────────────────────────────────

const HEALTH_TABLES = {
  payload_migrations: ['name'],
} as const satisfies TableColumns

// ─── src/db/jobs.ts, src/db/notifications.ts: the jobs queue and its events' emails ─────────

const JOBS_TABLES = {
  payload_jobs: [
    'id',
    'queue',
    'task_slug',
    'input',
    'processing',
    'completed_at',
    'has_error',
    'error',
    'total_tried',
    'wait_until',
    'updated_at',
    'created_at',
  ],
  editorial_events: ['id', 'notified_at'],
} as const satisfies TableColumns

// ─── src/db/commentNotifications.ts: the batched emails about new comments ─────────────────────

const COMMENT_NOTIFY_TABLES = {
  comments: ['id', 'status', 'notified_at', 'created_at'],
  payload_jobs: ['task_slug', 'completed_at', 'processing', 'has_error'],
} as const satisfies TableColumns

// ─── src/db/comments.ts: readers' comments ────────────────────────────────────────────────────

const COMMENTS_TABLES = {
  comments: [
    'id',
    'article_id',
    'parent_id',
    'name',
    'email',
    'body',
    'status',
    'by_newsroom',
    'ip_hash',
    'created_at',
  ],
  articles: [
    'id',
    'language',
    'slug',
    'title',
    '_status',
    'deleted_at',
    'category_id',
    'comment_mode',
  ],
  categories: ['id', 'comment_mode'],
} as const satisfies TableColumns

// ─── src/db/newsletter.ts, src/db/deliveries.ts: the subscribers, as the digest reads them ─────

const NEWSLETTER_TABLES = {
  subscribers: ['id', 'email', 'language', 'status', 'all_sections'],
  subscribers_rels: ['parent_id', 'path', 'categories_id'],
} as const satisfies TableColumns

// ─── src/db/redirects.ts, src/db/redirectSnapshot.ts: the redirects ───────────────────────────

const REDIRECT_TABLES = {
  redirects: ['id', 'from', 'to', 'origin', 'created_by_id', 'updated_at', 'created_at'],
  articles: ['id', 'language', 'slug', '_status', 'deleted_at'],
} as const satisfies TableColumns

// ─── src/db/live.ts: whether an article has live coverage ─────────────────────────────────────

const LIVE_TABLES = {
  live_coverages: ['article_id'],
} as const satisfies TableColumns

// ─── src/db/articleReads.ts: the article page's reads ────────────────────────────────────────

const MEDIA_SIZE_COLUMNS = ['thumbnail', 'card', 'hero', 'og'].flatMap((size) =>
  ['filename', 'url', 'width', 'height'].map((column) => `sizes_${size}_${column}`),
)

const ARTICLE_READ_TABLES = {
  articles: [
    'id',
    'title',
    'slug',
    'dek',
    'language',
    'body',
    'body_html',
    'hero_image_id',
    'hero_caption',
    'hero_alt',
    'source_outlet',
    'source_url',
    'source_original_language',
    'source_original_title',
    'source_original_date',
    'meta_title',
    'meta_description',
    'meta_image_id',
    'published_at',
    'reading_time',
    'created_at',
    'updated_at',
    'translation_of_id',
    'category_id',
    'comment_mode',
    '_status',
    'deleted_at',
  ],
  articles_rels: ['parent_id', 'path', 'order', 'tags_id', 'authors_id', 'articles_id'],
  articles_corrections: ['_parent_id', '_order', 'date', 'text'],
  categories: ['id', 'slug', 'comment_mode'],
  categories_locales: ['_parent_id', '_locale', 'name'],
  categories_breadcrumbs: ['_parent_id', '_locale', '_order', 'url'],
  tags: ['id', 'slug'],
  tags_locales: ['_parent_id', '_locale', 'name'],
  authors: ['id', 'name', 'slug'],
  authors_locales: ['_parent_id', '_locale', 'job_title'],
  media: ['id', 'filename', 'url', 'prefix', 'width', 'height', 'credit', ...MEDIA_SIZE_COLUMNS],
  media_locales: ['_parent_id', '_locale', 'alt', 'caption'],
  pages: ['id', 'slug', '_status'],
  pages_locales: ['_parent_id', '_locale', 'title'],
  comments: ['article_id', 'parent_id', 'status', 'id'],
} as const satisfies TableColumns

// ─── the union ────────────────────────────────────────────────────────────────────────────────

/** Every block's columns per table (a table named by several blocks lists all of theirs). */
const union = (...blocks: TableColumns[]): TableColumns => {
  const tables: Record<string, string[]> = {}
  for (const block of blocks) {
    for (const [table, columns] of Object.entries(block)) {
      tables[table] = [...new Set([...(tables[table] ?? []), ...columns])]
    }
  }
  return tables
}

/** What Payload's generated schema must have (and the migrated database too). */
export const RAW_SQL_SCHEMA: TableColumns = union(
  IMPORT_TABLES,
  READ_TABLES,
  HEALTH_TABLES,
  JOBS_TABLES,
  COMMENT_NOTIFY_TABLES,
  COMMENTS_TABLES,
  NEWSLETTER_TABLES,
  REDIRECT_TABLES,
  LIVE_TABLES,
  ARTICLE_READ_TABLES,
)

/** Every table and column SQL in src/db/ may name: Payload's and the migrations' own. */
export const RAW_SQL_NAMES: TableColumns = union(RAW_SQL_SCHEMA, MIGRATION_SCHEMA)

/** Every enum type raw SQL in src/db/ casts to. */
export const RAW_SQL_ENUMS: readonly string[] = [...Object.values(IMPORT_ENUMS)]
