import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * Indexes for what readers ask most (docs/architecture.md, "Reading fast"), measured on 100,000
 * articles (`scripts/bench/queries.ts`).
 *
 * Every public list of articles filters on `_status = 'published'` (the readers' access),
 * `deleted_at IS NULL` (trash) and a language or a section, and sorts on Payload's
 * `publishedAt DESC, createdAt DESC`. Without a matching index, PostgreSQL walked
 * `published_at` backwards through thousands of drafts (whose NULL dates come first), and
 * counted a page's total by reading every row of the language from the heap (200 ms for one
 * language, 50 ms for one section). These two indexes hold the whole sort key, so a page is an
 * index range read in order, and they are partial on `deleted_at IS NULL`, so a count is an
 * index-only scan (1 ms for a section).
 *
 * Search (src/data/search.ts) reads published, untrashed articles of one language. One GIN
 * index per language on exactly those rows replaces the index over every row: PostgreSQL no
 * longer intersects it with the 45,000-row bitmap of the language index, and drafts are not
 * indexed at all.
 *
 * Hand-written: Payload's `indexes` cannot express a partial index.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE INDEX IF NOT EXISTS "articles_language_list_idx" ON "articles"
    USING btree ("language", "_status", "published_at", "created_at") WHERE "deleted_at" IS NULL;
  CREATE INDEX IF NOT EXISTS "articles_category_list_idx" ON "articles"
    USING btree ("category_id", "_status", "published_at", "created_at") WHERE "deleted_at" IS NULL;

  CREATE INDEX IF NOT EXISTS "articles_search_en_idx" ON "articles" USING gin ("search_vector")
    WHERE "language" = 'en' AND "_status" = 'published' AND "deleted_at" IS NULL;
  CREATE INDEX IF NOT EXISTS "articles_search_az_idx" ON "articles" USING gin ("search_vector")
    WHERE "language" = 'az' AND "_status" = 'published' AND "deleted_at" IS NULL;
  CREATE INDEX IF NOT EXISTS "articles_search_ru_idx" ON "articles" USING gin ("search_vector")
    WHERE "language" = 'ru' AND "_status" = 'published' AND "deleted_at" IS NULL;
  DROP INDEX IF EXISTS "articles_search_vector_idx";
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  CREATE INDEX IF NOT EXISTS "articles_search_vector_idx" ON "articles" USING gin ("search_vector");
  DROP INDEX IF EXISTS "articles_search_ru_idx";
  DROP INDEX IF EXISTS "articles_search_az_idx";
  DROP INDEX IF EXISTS "articles_search_en_idx";
  DROP INDEX IF EXISTS "articles_category_list_idx";
  DROP INDEX IF EXISTS "articles_language_list_idx";
  `)
}
