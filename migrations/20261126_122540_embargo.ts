import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_editorial_events_kind" ADD VALUE 'embargo';
  ALTER TABLE "articles" ADD COLUMN "embargo_until" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_embargo_until" timestamp(3) with time zone;
  CREATE INDEX "articles_embargo_until_idx" ON "articles" USING btree ("embargo_until");
  CREATE INDEX "_articles_v_version_version_embargo_until_idx" ON "_articles_v" USING btree ("version_embargo_until");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "editorial_events" ALTER COLUMN "kind" SET DATA TYPE text;
  DROP TYPE "public"."enum_editorial_events_kind";
  CREATE TYPE "public"."enum_editorial_events_kind" AS ENUM('transition', 'note', 'restore');
  ALTER TABLE "editorial_events" ALTER COLUMN "kind" SET DATA TYPE "public"."enum_editorial_events_kind" USING "kind"::"public"."enum_editorial_events_kind";
  DROP INDEX "articles_embargo_until_idx";
  DROP INDEX "_articles_v_version_version_embargo_until_idx";
  ALTER TABLE "articles" DROP COLUMN "embargo_until";
  ALTER TABLE "_articles_v" DROP COLUMN "version_embargo_until";`)
}
