import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_editorial_events_transition" ADD VALUE 'start_update' BEFORE 'publish_scheduled';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "editorial_events" ALTER COLUMN "transition" SET DATA TYPE text;
  DROP TYPE "public"."enum_editorial_events_transition";
  CREATE TYPE "public"."enum_editorial_events_transition" AS ENUM('submit', 'approve', 'request_changes', 'publish', 'schedule', 'unschedule', 'unpublish', 'archive', 'reopen', 'publish_scheduled', 'expire');
  ALTER TABLE "editorial_events" ALTER COLUMN "transition" SET DATA TYPE "public"."enum_editorial_events_transition" USING "transition"::"public"."enum_editorial_events_transition";`)
}
