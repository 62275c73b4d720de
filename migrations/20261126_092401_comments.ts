import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_articles_comment_mode" AS ENUM('inherit', 'moderated', 'closed', 'hidden');
  CREATE TYPE "public"."enum__articles_v_version_comment_mode" AS ENUM('inherit', 'moderated', 'closed', 'hidden');
  CREATE TYPE "public"."enum_categories_comment_mode" AS ENUM('moderated', 'closed', 'hidden');
  CREATE TYPE "public"."enum_comments_language" AS ENUM('en', 'az', 'ru');
  CREATE TYPE "public"."enum_comments_status" AS ENUM('unconfirmed', 'pending', 'approved', 'rejected', 'spam');
  CREATE TABLE "comments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"article_id" integer NOT NULL,
  	"parent_id" integer,
  	"name" varchar NOT NULL,
  	"email" varchar NOT NULL,
  	"body" varchar NOT NULL,
  	"language" "enum_comments_language" NOT NULL,
  	"status" "enum_comments_status" DEFAULT 'pending' NOT NULL,
  	"by_newsroom" boolean DEFAULT false,
  	"ip_hash" varchar,
  	"moderated_by_id" integer,
  	"moderated_at" timestamp(3) with time zone,
  	"notified_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "articles" ADD COLUMN "comment_mode" "enum_articles_comment_mode" DEFAULT 'inherit';
  ALTER TABLE "_articles_v" ADD COLUMN "version_comment_mode" "enum__articles_v_version_comment_mode" DEFAULT 'inherit';
  ALTER TABLE "categories" ADD COLUMN "comment_mode" "enum_categories_comment_mode" DEFAULT 'moderated';
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "comments_id" integer;
  ALTER TABLE "comments" ADD CONSTRAINT "comments_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "comments" ADD CONSTRAINT "comments_parent_id_comments_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "comments" ADD CONSTRAINT "comments_moderated_by_id_users_id_fk" FOREIGN KEY ("moderated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "comments_article_idx" ON "comments" USING btree ("article_id");
  CREATE INDEX "comments_parent_idx" ON "comments" USING btree ("parent_id");
  CREATE INDEX "comments_email_idx" ON "comments" USING btree ("email");
  CREATE INDEX "comments_language_idx" ON "comments" USING btree ("language");
  CREATE INDEX "comments_status_idx" ON "comments" USING btree ("status");
  CREATE INDEX "comments_ip_hash_idx" ON "comments" USING btree ("ip_hash");
  CREATE INDEX "comments_moderated_by_idx" ON "comments" USING btree ("moderated_by_id");
  CREATE INDEX "comments_updated_at_idx" ON "comments" USING btree ("updated_at");
  CREATE INDEX "comments_created_at_idx" ON "comments" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_comments_fk" FOREIGN KEY ("comments_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_comments_id_idx" ON "payload_locked_documents_rels" USING btree ("comments_id");`)
  // By hand: a comment goes with its article and its replies with it (Payload's "set null"
  // would break the NOT NULL article or lift a reply to the top level), and the article page's
  // read (approved comments of one article, oldest first) has its own partial index.
  await db.execute(sql`
  CREATE INDEX "comments_article_approved_idx" ON "comments" USING btree ("article_id", "created_at") WHERE "status" = 'approved';`)
  // Rate limits shared by every instance (src/db/rateLimits.ts): one row per rule, client and
  // window; unlogged (a crash may forget the last windows' counts, which costs nothing).
  await db.execute(sql`
  CREATE UNLOGGED TABLE "rate_limit_hits" (
    "bucket" varchar NOT NULL,
    "key" varchar NOT NULL,
    "window_start" timestamp(0) with time zone NOT NULL,
    "hits" integer NOT NULL,
    PRIMARY KEY ("bucket", "key", "window_start")
  );
  CREATE INDEX "rate_limit_hits_window_idx" ON "rate_limit_hits" USING btree ("window_start");`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE IF EXISTS "rate_limit_hits";
   ALTER TABLE "comments" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "comments" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_comments_fk";
  
  DROP INDEX "payload_locked_documents_rels_comments_id_idx";
  ALTER TABLE "articles" DROP COLUMN "comment_mode";
  ALTER TABLE "_articles_v" DROP COLUMN "version_comment_mode";
  ALTER TABLE "categories" DROP COLUMN "comment_mode";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "comments_id";
  DROP TYPE "public"."enum_articles_comment_mode";
  DROP TYPE "public"."enum__articles_v_version_comment_mode";
  DROP TYPE "public"."enum_categories_comment_mode";
  DROP TYPE "public"."enum_comments_language";
  DROP TYPE "public"."enum_comments_status";`)
}
