import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_live_coverages_status" AS ENUM('live', 'ended');
  CREATE TYPE "public"."enum_live_updates_kind" AS ENUM('text', 'image', 'quote', 'link');
  CREATE TABLE "live_coverages" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"article_id" integer NOT NULL,
  	"status" "enum_live_coverages_status" DEFAULT 'live' NOT NULL,
  	"started_at" timestamp(3) with time zone,
  	"ended_at" timestamp(3) with time zone,
  	"started_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "live_updates" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"article_id" integer NOT NULL,
  	"kind" "enum_live_updates_kind" DEFAULT 'text' NOT NULL,
  	"posted_at" timestamp(3) with time zone NOT NULL,
  	"headline" varchar,
  	"text" varchar,
  	"image_id" integer,
  	"attribution" varchar,
  	"url" varchar,
  	"link_title" varchar,
  	"pinned" boolean DEFAULT false,
  	"author_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "live_coverages_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "live_updates_id" integer;
  ALTER TABLE "live_coverages" ADD CONSTRAINT "live_coverages_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "live_coverages" ADD CONSTRAINT "live_coverages_started_by_id_users_id_fk" FOREIGN KEY ("started_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "live_updates" ADD CONSTRAINT "live_updates_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "live_updates" ADD CONSTRAINT "live_updates_image_id_media_id_fk" FOREIGN KEY ("image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "live_updates" ADD CONSTRAINT "live_updates_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "live_coverages_article_idx" ON "live_coverages" USING btree ("article_id");
  CREATE INDEX "live_coverages_status_idx" ON "live_coverages" USING btree ("status");
  CREATE INDEX "live_coverages_started_by_idx" ON "live_coverages" USING btree ("started_by_id");
  CREATE INDEX "live_coverages_updated_at_idx" ON "live_coverages" USING btree ("updated_at");
  CREATE INDEX "live_coverages_created_at_idx" ON "live_coverages" USING btree ("created_at");
  CREATE INDEX "live_updates_article_idx" ON "live_updates" USING btree ("article_id");
  CREATE INDEX "live_updates_posted_at_idx" ON "live_updates" USING btree ("posted_at");
  CREATE INDEX "live_updates_image_idx" ON "live_updates" USING btree ("image_id");
  CREATE INDEX "live_updates_author_idx" ON "live_updates" USING btree ("author_id");
  CREATE INDEX "live_updates_updated_at_idx" ON "live_updates" USING btree ("updated_at");
  CREATE INDEX "live_updates_created_at_idx" ON "live_updates" USING btree ("created_at");
  CREATE INDEX "article_postedAt_idx" ON "live_updates" USING btree ("article_id","posted_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_live_coverages_fk" FOREIGN KEY ("live_coverages_id") REFERENCES "public"."live_coverages"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_live_updates_fk" FOREIGN KEY ("live_updates_id") REFERENCES "public"."live_updates"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_live_coverages_id_idx" ON "payload_locked_documents_rels" USING btree ("live_coverages_id");
  CREATE INDEX "payload_locked_documents_rels_live_updates_id_idx" ON "payload_locked_documents_rels" USING btree ("live_updates_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "live_coverages" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "live_updates" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "live_coverages" CASCADE;
  DROP TABLE "live_updates" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_live_coverages_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_live_updates_fk";
  
  DROP INDEX "payload_locked_documents_rels_live_coverages_id_idx";
  DROP INDEX "payload_locked_documents_rels_live_updates_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "live_coverages_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "live_updates_id";
  DROP TYPE "public"."enum_live_coverages_status";
  DROP TYPE "public"."enum_live_updates_kind";`)
}
