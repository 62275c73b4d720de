import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * An article's own alt text for its hero image (`heroAlt`, in the article's language; empty:
 * the image's). Existing language versions without a hero caption of their own get the one they
 * would start with today (src/collections/Articles/hooks/defaultHeroText.ts): the original's,
 * else the image's in the version's language, else the image's in the original's; the
 * translator then rewrites it. Their alt text stays empty, the image's, as it was shown so far.
 */

/** The captions of the language versions that have none (exported for its test). */
export const backfillVersionCaptions = (db: MigrateUpArgs['db']) =>
  db.execute(sql`
  UPDATE "articles" AS v
     SET "hero_caption" = COALESCE(
           NULLIF(btrim(o."hero_caption"), ''),
           (SELECT NULLIF(btrim(m."caption"), '') FROM "media_locales" m
             WHERE m."_parent_id" = COALESCE(v."hero_image_id", o."hero_image_id")
               AND m."_locale"::text = v."language"::text),
           (SELECT NULLIF(btrim(m."caption"), '') FROM "media_locales" m
             WHERE m."_parent_id" = COALESCE(v."hero_image_id", o."hero_image_id")
               AND m."_locale"::text = o."language"::text))
    FROM "articles" AS o
   WHERE v."translation_of_id" = o."id"
     AND NULLIF(btrim(v."hero_caption"), '') IS NULL;

  UPDATE "_articles_v" AS v
     SET "version_hero_caption" = COALESCE(
           NULLIF(btrim(o."hero_caption"), ''),
           (SELECT NULLIF(btrim(m."caption"), '') FROM "media_locales" m
             WHERE m."_parent_id" = COALESCE(v."version_hero_image_id", o."hero_image_id")
               AND m."_locale"::text = v."version_language"::text),
           (SELECT NULLIF(btrim(m."caption"), '') FROM "media_locales" m
             WHERE m."_parent_id" = COALESCE(v."version_hero_image_id", o."hero_image_id")
               AND m."_locale"::text = o."language"::text))
    FROM "articles" AS o
   WHERE v."version_translation_of_id" = o."id"
     AND v."latest" = true
     AND NULLIF(btrim(v."version_hero_caption"), '') IS NULL;`)

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles" ADD COLUMN "hero_alt" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_hero_alt" varchar;`)
  await backfillVersionCaptions(db)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles" DROP COLUMN "hero_alt";
  ALTER TABLE "_articles_v" DROP COLUMN "version_hero_alt";`)
}
