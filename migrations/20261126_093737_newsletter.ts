import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_subscribers_language" AS ENUM('en', 'az', 'ru');
  CREATE TYPE "public"."enum_subscribers_status" AS ENUM('pending', 'subscribed', 'unsubscribed');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'newsletterTick' BEFORE 'workflowScheduledTransition';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'newsletterDigest' BEFORE 'workflowScheduledTransition';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'newsletterTick' BEFORE 'workflowScheduledTransition';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'newsletterDigest' BEFORE 'workflowScheduledTransition';
  CREATE TABLE "subscribers" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"email" varchar NOT NULL,
  	"language" "enum_subscribers_language" NOT NULL,
  	"all_sections" boolean DEFAULT false,
  	"status" "enum_subscribers_status" DEFAULT 'pending' NOT NULL,
  	"confirmed_at" timestamp(3) with time zone,
  	"unsubscribed_at" timestamp(3) with time zone,
  	"ip_hash" varchar,
  	"confirm_token_hash" varchar,
  	"confirm_expires_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "subscribers_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"categories_id" integer
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "subscribers_id" integer;
  ALTER TABLE "site_settings" ADD COLUMN "digest_hour" numeric DEFAULT 7 NOT NULL;
  ALTER TABLE "site_settings" ADD COLUMN "digest_time_zone" varchar DEFAULT 'Asia/Baku' NOT NULL;
  ALTER TABLE "subscribers_rels" ADD CONSTRAINT "subscribers_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."subscribers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "subscribers_rels" ADD CONSTRAINT "subscribers_rels_categories_fk" FOREIGN KEY ("categories_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;
  CREATE UNIQUE INDEX "subscribers_email_idx" ON "subscribers" USING btree ("email");
  CREATE INDEX "subscribers_language_idx" ON "subscribers" USING btree ("language");
  CREATE INDEX "subscribers_status_idx" ON "subscribers" USING btree ("status");
  CREATE INDEX "subscribers_ip_hash_idx" ON "subscribers" USING btree ("ip_hash");
  CREATE INDEX "subscribers_confirm_token_hash_idx" ON "subscribers" USING btree ("confirm_token_hash");
  CREATE INDEX "subscribers_updated_at_idx" ON "subscribers" USING btree ("updated_at");
  CREATE INDEX "subscribers_created_at_idx" ON "subscribers" USING btree ("created_at");
  CREATE INDEX "subscribers_rels_order_idx" ON "subscribers_rels" USING btree ("order");
  CREATE INDEX "subscribers_rels_parent_idx" ON "subscribers_rels" USING btree ("parent_id");
  CREATE INDEX "subscribers_rels_path_idx" ON "subscribers_rels" USING btree ("path");
  CREATE INDEX "subscribers_rels_categories_id_idx" ON "subscribers_rels" USING btree ("categories_id");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_subscribers_fk" FOREIGN KEY ("subscribers_id") REFERENCES "public"."subscribers"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_subscribers_id_idx" ON "payload_locked_documents_rels" USING btree ("subscribers_id");`)
  // By hand (src/db/newsletter.ts): the daily digest's keys and deliveries. One check job per
  // slot, one digest per language and local date (each inserted with its job in one
  // transaction), one row per digest and subscriber (claimed before SMTP, marked sent after).
  await db.execute(sql`
  CREATE TABLE "newsletter_ticks" (
    "slot" timestamp(0) with time zone PRIMARY KEY NOT NULL,
    "created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  CREATE TABLE "newsletter_digests" (
    "id" serial PRIMARY KEY NOT NULL,
    "language" varchar NOT NULL,
    "digest_date" date NOT NULL,
    "since" timestamp(3) with time zone NOT NULL,
    "until" timestamp(3) with time zone NOT NULL,
    "created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
    "completed_at" timestamp(3) with time zone,
    CONSTRAINT "newsletter_digests_language_date_key" UNIQUE ("language", "digest_date")
  );
  CREATE INDEX "newsletter_digests_language_until_idx" ON "newsletter_digests" USING btree ("language", "until");
  CREATE TABLE "newsletter_deliveries" (
    "digest_id" integer NOT NULL REFERENCES "newsletter_digests"("id") ON DELETE cascade,
    "subscriber_id" integer NOT NULL REFERENCES "subscribers"("id") ON DELETE cascade,
    "email" varchar NOT NULL,
    "claimed_at" timestamp(3) with time zone,
    "claimed_by" varchar,
    "sent_at" timestamp(3) with time zone,
    "skipped" boolean DEFAULT false NOT NULL,
    PRIMARY KEY ("digest_id", "subscriber_id")
  );
  CREATE INDEX "newsletter_deliveries_subscriber_idx" ON "newsletter_deliveries" USING btree ("subscriber_id");`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE IF EXISTS "newsletter_deliveries";
   DROP TABLE IF EXISTS "newsletter_digests";
   DROP TABLE IF EXISTS "newsletter_ticks";
   ALTER TABLE "subscribers" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "subscribers_rels" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "subscribers" CASCADE;
  DROP TABLE "subscribers_rels" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_subscribers_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'workflowScheduledTransition', 'workflowNotify');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'workflowScheduledTransition', 'workflowNotify');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_subscribers_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "subscribers_id";
  ALTER TABLE "site_settings" DROP COLUMN "digest_hour";
  ALTER TABLE "site_settings" DROP COLUMN "digest_time_zone";
  DROP TYPE "public"."enum_subscribers_language";
  DROP TYPE "public"."enum_subscribers_status";`)
}
