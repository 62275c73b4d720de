import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * One row per email a timeline event sends (src/db/notifications.ts, src/workflow/notify.ts):
 * the recipient is recorded once, claimed just before the message is handed to SMTP (by the
 * job that sends it, `claimed_by`) and marked `sent_at` just after. A job run again after its
 * runner died sends only the rows without `sent_at`, so a recipient hears about an event once
 * (at most a message whose SMTP answer was lost with the runner goes out twice, under the same
 * Message-ID).
 *
 * Hand-written: a table of the jobs' own bookkeeping, not a Payload collection (Payload's
 * schema does not know it; src/db/schema.ts lists it under MIGRATION_SCHEMA).
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE TABLE "editorial_notifications" (
  	"event_id" integer NOT NULL REFERENCES "public"."editorial_events"("id") ON DELETE cascade,
  	"user_id" integer NOT NULL REFERENCES "public"."users"("id") ON DELETE cascade,
  	"email" varchar NOT NULL,
  	"claimed_at" timestamp(3) with time zone,
  	"claimed_by" varchar,
  	"sent_at" timestamp(3) with time zone,
  	PRIMARY KEY ("event_id", "user_id")
  );
  CREATE INDEX "editorial_notifications_user_idx" ON "editorial_notifications" USING btree ("user_id");`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`DROP TABLE IF EXISTS "editorial_notifications";`)
}
