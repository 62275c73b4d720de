import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Confirmed commenters (src/db/comments.ts): an email enters once its owner opened the link in
 * the confirmation email; its later comments go straight to the moderation queue. Raw SQL beside
 * Payload's schema (no collection: nobody edits it; the erase link deletes the row).
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE TABLE IF NOT EXISTS "comment_commenters" (
    "email" varchar PRIMARY KEY NOT NULL,
    "confirmed_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`DROP TABLE IF EXISTS "comment_commenters";`)
}
