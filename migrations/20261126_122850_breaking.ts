import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_breaking_news_language" AS ENUM('en', 'az', 'ru');
  CREATE TABLE "breaking_news" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"article_id" integer,
  	"expires_at" timestamp(3) with time zone,
  	"language" "enum_breaking_news_language",
  	"marked_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "breaking_news_id" integer;
  ALTER TABLE "breaking_news" ADD CONSTRAINT "breaking_news_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "breaking_news" ADD CONSTRAINT "breaking_news_marked_by_id_users_id_fk" FOREIGN KEY ("marked_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "breaking_news_article_idx" ON "breaking_news" USING btree ("article_id");
  CREATE INDEX "breaking_news_expires_at_idx" ON "breaking_news" USING btree ("expires_at");
  CREATE INDEX "breaking_news_language_idx" ON "breaking_news" USING btree ("language");
  CREATE INDEX "breaking_news_marked_by_idx" ON "breaking_news" USING btree ("marked_by_id");
  CREATE INDEX "breaking_news_updated_at_idx" ON "breaking_news" USING btree ("updated_at");
  CREATE INDEX "breaking_news_created_at_idx" ON "breaking_news" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_breaking_news_fk" FOREIGN KEY ("breaking_news_id") REFERENCES "public"."breaking_news"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_breaking_news_id_idx" ON "payload_locked_documents_rels" USING btree ("breaking_news_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "breaking_news" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "breaking_news" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_breaking_news_fk";
  
  DROP INDEX "payload_locked_documents_rels_breaking_news_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "breaking_news_id";
  DROP TYPE "public"."enum_breaking_news_language";`)
}
