import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * Search at the speed of a list (src/db/search.ts; the plans: `npm run bench:explain`).
 *
 * `articles.search_rank_vector` is a stored generated column: title (weight A) and dek (B) only,
 * in the row's text search configuration, as `search_vector` has them. Search ranks on it: a
 * few hundred bytes kept in the row itself, where ranking on `search_vector` read every ranked
 * match's whole vector (title, dek and body: several kilobytes, stored out of line). Matching
 * stays on `search_vector` and its per-language GIN indexes, so body words still find a story.
 * PostgreSQL fills it on every insert and update (the bulk importer's and Payload's alike).
 *
 * `lexical_plain_text_head(body, n)` is the first `n` characters of `lexical_plain_text(body)`,
 * read block by block until it has them: the search snippet's source. Rendering a whole body
 * to text was most of the cost of a page of snippets (the migration `search_vectors` has the
 * functions it builds on).
 *
 * Hand-written: the Drizzle schema cannot express a generated tsvector column or a function.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  ALTER TABLE "articles" ADD COLUMN "search_rank_vector" tsvector GENERATED ALWAYS AS (
    CASE "language"
      WHEN 'en' THEN
        setweight(to_tsvector('english'::regconfig, coalesce("title", '')), 'A') ||
        setweight(to_tsvector('english'::regconfig, coalesce("dek", '')), 'B')
      WHEN 'ru' THEN
        setweight(to_tsvector('russian'::regconfig, coalesce("title", '')), 'A') ||
        setweight(to_tsvector('russian'::regconfig, coalesce("dek", '')), 'B')
      ELSE
        setweight(to_tsvector('simple'::regconfig, coalesce("title", '')), 'A') ||
        setweight(to_tsvector('simple'::regconfig, coalesce("dek", '')), 'B')
    END
  ) STORED;

  CREATE OR REPLACE FUNCTION public.lexical_plain_text_head(state jsonb, max_chars integer)
  RETURNS text
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $fn$
  DECLARE
    children jsonb := state -> 'root' -> 'children';
    child jsonb;
    part text;
    result text := '';
    i integer := 0;
    n integer;
  BEGIN
    IF jsonb_typeof(children) IS DISTINCT FROM 'array' THEN
      RETURN '';
    END IF;
    n := jsonb_array_length(children);
    -- Block by block, by index (not jsonb_array_elements, which copies every block first).
    WHILE i < n AND length(result) < max_chars LOOP
      child := children -> i;
      i := i + 1;
      IF child ->> 'type' IN ('paragraph', 'heading', 'quote', 'listitem') THEN
        part := btrim(public.lexical_inline_text(child), E' \t\n\r');
      ELSE
        part := public.lexical_blocks_text(child);
      END IF;
      IF part <> '' THEN
        result := CASE WHEN result = '' THEN part ELSE result || E'\n\n' || part END;
      END IF;
    END LOOP;
    RETURN left(result, max_chars);
  END
  $fn$;
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP FUNCTION IF EXISTS public.lexical_plain_text_head(jsonb, integer);
  ALTER TABLE "articles" DROP COLUMN IF EXISTS "search_rank_vector";
  `)
}
