import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * Full-text search on published articles (src/data/search.ts).
 *
 * `lexical_plain_text(body)` returns the text a reader sees in a Lexical body, block by block
 * (paragraphs, headings, quotes, list items), as src/lib/lexical.ts `lexicalToPlainText` does:
 * only the `text` of text nodes, never the JSON's keys or node type names.
 *
 * `articles.search_vector` is a stored generated column: title (weight A), dek (B) and body
 * text (C), in the text search configuration of the row's language (english for en, russian
 * for ru, simple for az: PostgreSQL has no Azerbaijani stemmer, and simple only lower-cases).
 * PostgreSQL keeps it in step on every insert and update; a GIN index serves `@@` queries.
 * Payload's schema does not know the column, so it never writes or selects it.
 *
 * Hand-written: the Drizzle schema cannot express a generated tsvector column or a function.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE OR REPLACE FUNCTION public.lexical_inline_text(node jsonb) RETURNS text
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $fn$
  DECLARE
    child jsonb;
    result text := '';
  BEGIN
    IF jsonb_typeof(node -> 'text') = 'string' THEN
      RETURN node ->> 'text';
    END IF;
    IF node ->> 'type' = 'linebreak' THEN
      RETURN E'\n';
    END IF;
    IF jsonb_typeof(node -> 'children') = 'array' THEN
      FOR child IN SELECT value FROM jsonb_array_elements(node -> 'children') LOOP
        result := result || public.lexical_inline_text(child);
      END LOOP;
    END IF;
    RETURN result;
  END
  $fn$;

  CREATE OR REPLACE FUNCTION public.lexical_blocks_text(node jsonb) RETURNS text
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $fn$
  DECLARE
    child jsonb;
    part text;
    result text := '';
  BEGIN
    IF jsonb_typeof(node -> 'children') IS DISTINCT FROM 'array' THEN
      RETURN '';
    END IF;
    FOR child IN SELECT value FROM jsonb_array_elements(node -> 'children') LOOP
      IF child ->> 'type' IN ('paragraph', 'heading', 'quote', 'listitem') THEN
        part := btrim(public.lexical_inline_text(child), E' \t\n\r');
      ELSE
        part := public.lexical_blocks_text(child);
      END IF;
      IF part <> '' THEN
        result := CASE WHEN result = '' THEN part ELSE result || E'\n\n' || part END;
      END IF;
    END LOOP;
    RETURN result;
  END
  $fn$;

  CREATE OR REPLACE FUNCTION public.lexical_plain_text(state jsonb) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN coalesce(public.lexical_blocks_text(state -> 'root'), '');

  ALTER TABLE "articles" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    CASE "language"
      WHEN 'en' THEN
        setweight(to_tsvector('english'::regconfig, coalesce("title", '')), 'A') ||
        setweight(to_tsvector('english'::regconfig, coalesce("dek", '')), 'B') ||
        setweight(to_tsvector('english'::regconfig, public.lexical_plain_text("body")), 'C')
      WHEN 'ru' THEN
        setweight(to_tsvector('russian'::regconfig, coalesce("title", '')), 'A') ||
        setweight(to_tsvector('russian'::regconfig, coalesce("dek", '')), 'B') ||
        setweight(to_tsvector('russian'::regconfig, public.lexical_plain_text("body")), 'C')
      ELSE
        setweight(to_tsvector('simple'::regconfig, coalesce("title", '')), 'A') ||
        setweight(to_tsvector('simple'::regconfig, coalesce("dek", '')), 'B') ||
        setweight(to_tsvector('simple'::regconfig, public.lexical_plain_text("body")), 'C')
    END
  ) STORED;

  CREATE INDEX "articles_search_vector_idx" ON "articles" USING gin ("search_vector");
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP INDEX IF EXISTS "articles_search_vector_idx";
  ALTER TABLE "articles" DROP COLUMN IF EXISTS "search_vector";
  DROP FUNCTION IF EXISTS public.lexical_plain_text(jsonb);
  DROP FUNCTION IF EXISTS public.lexical_blocks_text(jsonb);
  DROP FUNCTION IF EXISTS public.lexical_inline_text(jsonb);
  `)
}
