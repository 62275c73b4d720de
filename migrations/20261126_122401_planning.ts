import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_editorial_events_transition" ADD VALUE 'reschedule' BEFORE 'unschedule';
  ALTER TABLE "articles" ADD COLUMN "planned_at" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_planned_at" timestamp(3) with time zone;
  CREATE INDEX "articles_planned_at_idx" ON "articles" USING btree ("planned_at");
  CREATE INDEX "_articles_v_version_version_planned_at_idx" ON "_articles_v" USING btree ("version_planned_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "editorial_events" ALTER COLUMN "transition" SET DATA TYPE text;
  DROP TYPE "public"."enum_editorial_events_transition";
  CREATE TYPE "public"."enum_editorial_events_transition" AS ENUM('submit', 'approve', 'request_changes', 'publish', 'schedule', 'unschedule', 'unpublish', 'archive', 'reopen', 'start_update', 'publish_scheduled', 'expire');
  ALTER TABLE "editorial_events" ALTER COLUMN "transition" SET DATA TYPE "public"."enum_editorial_events_transition" USING "transition"::"public"."enum_editorial_events_transition";
  DROP INDEX "articles_planned_at_idx";
  DROP INDEX "_articles_v_version_version_planned_at_idx";
  ALTER TABLE "articles" DROP COLUMN "planned_at";
  ALTER TABLE "_articles_v" DROP COLUMN "version_planned_at";`)
}
