import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_articles_stage" AS ENUM('draft', 'in_review', 'changes_requested', 'approved', 'scheduled', 'published', 'archived');
  CREATE TYPE "public"."enum__articles_v_version_stage" AS ENUM('draft', 'in_review', 'changes_requested', 'approved', 'scheduled', 'published', 'archived');
  CREATE TYPE "public"."enum_editorial_events_kind" AS ENUM('transition', 'note', 'restore');
  CREATE TYPE "public"."enum_editorial_events_transition" AS ENUM('submit', 'approve', 'request_changes', 'publish', 'schedule', 'unschedule', 'unpublish', 'archive', 'reopen', 'publish_scheduled', 'expire');
  CREATE TYPE "public"."enum_editorial_events_from" AS ENUM('draft', 'in_review', 'changes_requested', 'approved', 'scheduled', 'published', 'archived');
  CREATE TYPE "public"."enum_editorial_events_to" AS ENUM('draft', 'in_review', 'changes_requested', 'approved', 'scheduled', 'published', 'archived');
  CREATE TYPE "public"."enum_editorial_events_language" AS ENUM('en', 'az', 'ru');
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'workflowScheduledTransition', 'workflowNotify');
  CREATE TYPE "public"."enum_payload_jobs_log_state" AS ENUM('failed', 'succeeded');
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'workflowScheduledTransition', 'workflowNotify');
  CREATE TABLE "articles_corrections" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"date" timestamp(3) with time zone,
  	"text" varchar
  );
  
  CREATE TABLE "_articles_v_version_corrections" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"date" timestamp(3) with time zone,
  	"text" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "editorial_events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"article_id" integer,
  	"kind" "enum_editorial_events_kind" NOT NULL,
  	"transition" "enum_editorial_events_transition",
  	"from" "enum_editorial_events_from",
  	"to" "enum_editorial_events_to",
  	"note" varchar,
  	"language" "enum_editorial_events_language",
  	"user_id" integer,
  	"summary" varchar,
  	"notified_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_jobs_log" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"executed_at" timestamp(3) with time zone NOT NULL,
  	"completed_at" timestamp(3) with time zone NOT NULL,
  	"task_slug" "enum_payload_jobs_log_task_slug" NOT NULL,
  	"task_i_d" varchar NOT NULL,
  	"input" jsonb,
  	"output" jsonb,
  	"state" "enum_payload_jobs_log_state" NOT NULL,
  	"error" jsonb
  );
  
  CREATE TABLE "payload_jobs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"input" jsonb,
  	"completed_at" timestamp(3) with time zone,
  	"total_tried" numeric DEFAULT 0,
  	"has_error" boolean DEFAULT false,
  	"error" jsonb,
  	"task_slug" "enum_payload_jobs_task_slug",
  	"queue" varchar DEFAULT 'default',
  	"wait_until" timestamp(3) with time zone,
  	"processing" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "articles" ADD COLUMN "stage" "enum_articles_stage";
  ALTER TABLE "articles" ADD COLUMN "assignee_id" integer;
  ALTER TABLE "articles" ADD COLUMN "reviewer_id" integer;
  ALTER TABLE "articles" ADD COLUMN "scheduled_at" timestamp(3) with time zone;
  ALTER TABLE "articles" ADD COLUMN "expires_at" timestamp(3) with time zone;
  ALTER TABLE "articles" ADD COLUMN "needs_update" boolean DEFAULT false;
  ALTER TABLE "articles" ADD COLUMN "translated_from_title" varchar;
  ALTER TABLE "articles" ADD COLUMN "translated_from_dek" varchar;
  ALTER TABLE "articles" ADD COLUMN "translated_from_body_text" varchar;
  ALTER TABLE "articles" ADD COLUMN "translated_from_at" timestamp(3) with time zone;
  ALTER TABLE "articles" ADD COLUMN "deleted_at" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_stage" "enum__articles_v_version_stage";
  ALTER TABLE "_articles_v" ADD COLUMN "version_assignee_id" integer;
  ALTER TABLE "_articles_v" ADD COLUMN "version_reviewer_id" integer;
  ALTER TABLE "_articles_v" ADD COLUMN "version_scheduled_at" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_expires_at" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_needs_update" boolean DEFAULT false;
  ALTER TABLE "_articles_v" ADD COLUMN "version_translated_from_title" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_translated_from_dek" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_translated_from_body_text" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_translated_from_at" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_deleted_at" timestamp(3) with time zone;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "editorial_events_id" integer;
  ALTER TABLE "articles_corrections" ADD CONSTRAINT "articles_corrections_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_version_corrections" ADD CONSTRAINT "_articles_v_version_corrections_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_articles_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "editorial_events" ADD CONSTRAINT "editorial_events_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "editorial_events" ADD CONSTRAINT "editorial_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_jobs_log" ADD CONSTRAINT "payload_jobs_log_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."payload_jobs"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "articles_corrections_order_idx" ON "articles_corrections" USING btree ("_order");
  CREATE INDEX "articles_corrections_parent_id_idx" ON "articles_corrections" USING btree ("_parent_id");
  CREATE INDEX "_articles_v_version_corrections_order_idx" ON "_articles_v_version_corrections" USING btree ("_order");
  CREATE INDEX "_articles_v_version_corrections_parent_id_idx" ON "_articles_v_version_corrections" USING btree ("_parent_id");
  CREATE INDEX "editorial_events_article_idx" ON "editorial_events" USING btree ("article_id");
  CREATE INDEX "editorial_events_user_idx" ON "editorial_events" USING btree ("user_id");
  CREATE INDEX "editorial_events_updated_at_idx" ON "editorial_events" USING btree ("updated_at");
  CREATE INDEX "editorial_events_created_at_idx" ON "editorial_events" USING btree ("created_at");
  CREATE INDEX "payload_jobs_log_order_idx" ON "payload_jobs_log" USING btree ("_order");
  CREATE INDEX "payload_jobs_log_parent_id_idx" ON "payload_jobs_log" USING btree ("_parent_id");
  CREATE INDEX "payload_jobs_completed_at_idx" ON "payload_jobs" USING btree ("completed_at");
  CREATE INDEX "payload_jobs_total_tried_idx" ON "payload_jobs" USING btree ("total_tried");
  CREATE INDEX "payload_jobs_has_error_idx" ON "payload_jobs" USING btree ("has_error");
  CREATE INDEX "payload_jobs_task_slug_idx" ON "payload_jobs" USING btree ("task_slug");
  CREATE INDEX "payload_jobs_queue_idx" ON "payload_jobs" USING btree ("queue");
  CREATE INDEX "payload_jobs_wait_until_idx" ON "payload_jobs" USING btree ("wait_until");
  CREATE INDEX "payload_jobs_processing_idx" ON "payload_jobs" USING btree ("processing");
  CREATE INDEX "payload_jobs_updated_at_idx" ON "payload_jobs" USING btree ("updated_at");
  CREATE INDEX "payload_jobs_created_at_idx" ON "payload_jobs" USING btree ("created_at");
  ALTER TABLE "articles" ADD CONSTRAINT "articles_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles" ADD CONSTRAINT "articles_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_assignee_id_users_id_fk" FOREIGN KEY ("version_assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_reviewer_id_users_id_fk" FOREIGN KEY ("version_reviewer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_editorial_events_fk" FOREIGN KEY ("editorial_events_id") REFERENCES "public"."editorial_events"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "articles_stage_idx" ON "articles" USING btree ("stage");
  CREATE INDEX "articles_assignee_idx" ON "articles" USING btree ("assignee_id");
  CREATE INDEX "articles_reviewer_idx" ON "articles" USING btree ("reviewer_id");
  CREATE INDEX "articles_needs_update_idx" ON "articles" USING btree ("needs_update");
  CREATE INDEX "articles_deleted_at_idx" ON "articles" USING btree ("deleted_at");
  CREATE INDEX "stage_scheduledAt_idx" ON "articles" USING btree ("stage","scheduled_at");
  CREATE UNIQUE INDEX "translationOf_language_idx" ON "articles" USING btree ("translation_of_id","language");
  CREATE INDEX "_articles_v_version_version_stage_idx" ON "_articles_v" USING btree ("version_stage");
  CREATE INDEX "_articles_v_version_version_assignee_idx" ON "_articles_v" USING btree ("version_assignee_id");
  CREATE INDEX "_articles_v_version_version_reviewer_idx" ON "_articles_v" USING btree ("version_reviewer_id");
  CREATE INDEX "_articles_v_version_version_needs_update_idx" ON "_articles_v" USING btree ("version_needs_update");
  CREATE INDEX "_articles_v_version_version_deleted_at_idx" ON "_articles_v" USING btree ("version_deleted_at");
  CREATE INDEX "version_stage_version_scheduledAt_idx" ON "_articles_v" USING btree ("version_stage","version_scheduled_at");
  CREATE INDEX "version_translationOf_version_language_idx" ON "_articles_v" USING btree ("version_translation_of_id","version_language");
  CREATE INDEX "payload_locked_documents_rels_editorial_events_id_idx" ON "payload_locked_documents_rels" USING btree ("editorial_events_id");`)

  // Articles written before the workflow existed take the stage their publication status implies.
  await db.execute(sql`
  UPDATE "articles" SET "stage" = CASE WHEN "_status" = 'published' THEN 'published'::"enum_articles_stage" ELSE 'draft'::"enum_articles_stage" END WHERE "stage" IS NULL;
  UPDATE "_articles_v" SET "version_stage" = CASE WHEN "version__status" = 'published' THEN 'published'::"enum__articles_v_version_stage" ELSE 'draft'::"enum__articles_v_version_stage" END WHERE "version_stage" IS NULL;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles_corrections" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_articles_v_version_corrections" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "editorial_events" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload_jobs_log" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload_jobs" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "articles_corrections" CASCADE;
  DROP TABLE "_articles_v_version_corrections" CASCADE;
  DROP TABLE "editorial_events" CASCADE;
  DROP TABLE "payload_jobs_log" CASCADE;
  DROP TABLE "payload_jobs" CASCADE;
  ALTER TABLE "articles" DROP CONSTRAINT "articles_assignee_id_users_id_fk";
  
  ALTER TABLE "articles" DROP CONSTRAINT "articles_reviewer_id_users_id_fk";
  
  ALTER TABLE "_articles_v" DROP CONSTRAINT "_articles_v_version_assignee_id_users_id_fk";
  
  ALTER TABLE "_articles_v" DROP CONSTRAINT "_articles_v_version_reviewer_id_users_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_editorial_events_fk";
  
  DROP INDEX "articles_stage_idx";
  DROP INDEX "articles_assignee_idx";
  DROP INDEX "articles_reviewer_idx";
  DROP INDEX "articles_needs_update_idx";
  DROP INDEX "articles_deleted_at_idx";
  DROP INDEX "stage_scheduledAt_idx";
  DROP INDEX "translationOf_language_idx";
  DROP INDEX "_articles_v_version_version_stage_idx";
  DROP INDEX "_articles_v_version_version_assignee_idx";
  DROP INDEX "_articles_v_version_version_reviewer_idx";
  DROP INDEX "_articles_v_version_version_needs_update_idx";
  DROP INDEX "_articles_v_version_version_deleted_at_idx";
  DROP INDEX "version_stage_version_scheduledAt_idx";
  DROP INDEX "version_translationOf_version_language_idx";
  DROP INDEX "payload_locked_documents_rels_editorial_events_id_idx";
  ALTER TABLE "articles" DROP COLUMN "stage";
  ALTER TABLE "articles" DROP COLUMN "assignee_id";
  ALTER TABLE "articles" DROP COLUMN "reviewer_id";
  ALTER TABLE "articles" DROP COLUMN "scheduled_at";
  ALTER TABLE "articles" DROP COLUMN "expires_at";
  ALTER TABLE "articles" DROP COLUMN "needs_update";
  ALTER TABLE "articles" DROP COLUMN "translated_from_title";
  ALTER TABLE "articles" DROP COLUMN "translated_from_dek";
  ALTER TABLE "articles" DROP COLUMN "translated_from_body_text";
  ALTER TABLE "articles" DROP COLUMN "translated_from_at";
  ALTER TABLE "articles" DROP COLUMN "deleted_at";
  ALTER TABLE "_articles_v" DROP COLUMN "version_stage";
  ALTER TABLE "_articles_v" DROP COLUMN "version_assignee_id";
  ALTER TABLE "_articles_v" DROP COLUMN "version_reviewer_id";
  ALTER TABLE "_articles_v" DROP COLUMN "version_scheduled_at";
  ALTER TABLE "_articles_v" DROP COLUMN "version_expires_at";
  ALTER TABLE "_articles_v" DROP COLUMN "version_needs_update";
  ALTER TABLE "_articles_v" DROP COLUMN "version_translated_from_title";
  ALTER TABLE "_articles_v" DROP COLUMN "version_translated_from_dek";
  ALTER TABLE "_articles_v" DROP COLUMN "version_translated_from_body_text";
  ALTER TABLE "_articles_v" DROP COLUMN "version_translated_from_at";
  ALTER TABLE "_articles_v" DROP COLUMN "version_deleted_at";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "editorial_events_id";
  DROP TYPE "public"."enum_articles_stage";
  DROP TYPE "public"."enum__articles_v_version_stage";
  DROP TYPE "public"."enum_editorial_events_kind";
  DROP TYPE "public"."enum_editorial_events_transition";
  DROP TYPE "public"."enum_editorial_events_from";
  DROP TYPE "public"."enum_editorial_events_to";
  DROP TYPE "public"."enum_editorial_events_language";
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  DROP TYPE "public"."enum_payload_jobs_log_state";
  DROP TYPE "public"."enum_payload_jobs_task_slug";`)
}
