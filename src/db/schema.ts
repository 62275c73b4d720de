/**
 * The tables and columns of Payload's generated schema that raw SQL in src/db/ names. Payload
 * derives these from the collections (a field `publishedAt` of `articles` is `published_at`, a
 * version's field is `version_published_at` in `_articles_v`), so a renamed field or a Payload
 * upgrade can move them; `tests/int/db-schema.int.spec.ts` fails when one of them is missing from
 * Payload's schema or from the migrated database, and when SQL in src/db/ names a table not
 * listed here. Add to this list in the same commit as the SQL that needs it.
 */
export const RAW_SQL_SCHEMA = {
  // ── The public site's reads (src/db/reads.ts, src/db/search.ts) ──
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
    'search_vector',
  ],
  articles_rels: ['parent_id', 'path', 'categories_id', 'tags_id'],
  // ── end of the public site's reads ──
} as const satisfies Record<string, readonly string[]>
