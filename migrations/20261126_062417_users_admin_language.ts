import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * A user's admin language (`users.language`): the admin opens in it at login and notification
 * emails are written in it. Everyone already there starts in English, the admin's default.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_users_language" AS ENUM('en', 'az', 'ru');
  ALTER TABLE "users" ADD COLUMN "language" "enum_users_language";
  UPDATE "users" SET "language" = 'en' WHERE "language" IS NULL;`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "users" DROP COLUMN "language";
  DROP TYPE "public"."enum_users_language";`)
}
