import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'commentsNotify';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'commentsNotify';`)
  // The batched emails to editors about comments awaiting moderation
  // (src/db/commentNotifications.ts): a batch names its comments when it opens; at most one is
  // open at a time (the unique partial index); one row per editor records that editor's email.
  await db.execute(sql`
  CREATE TABLE "comment_notify_batches" (
    "id" serial PRIMARY KEY,
    "comment_ids" integer[] NOT NULL,
    "created_at" timestamp(3) with time zone NOT NULL DEFAULT now(),
    "done_at" timestamp(3) with time zone
  );
  CREATE UNIQUE INDEX "comment_notify_batches_one_open_idx" ON "comment_notify_batches" ((true)) WHERE "done_at" IS NULL;
  CREATE TABLE "comment_notify_recipients" (
    "batch_id" integer NOT NULL REFERENCES "comment_notify_batches"("id") ON DELETE CASCADE,
    "user_id" integer NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
    "email" varchar NOT NULL,
    "claimed_at" timestamp(3) with time zone,
    "claimed_by" varchar,
    "sent_at" timestamp(3) with time zone,
    PRIMARY KEY ("batch_id", "user_id")
  );
  CREATE INDEX "comment_notify_recipients_user_idx" ON "comment_notify_recipients" USING btree ("user_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE IF EXISTS "comment_notify_recipients";
   DROP TABLE IF EXISTS "comment_notify_batches";
   ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'workflowScheduledTransition', 'workflowNotify');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'workflowScheduledTransition', 'workflowNotify');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";`)
}
