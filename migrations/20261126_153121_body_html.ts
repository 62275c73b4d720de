import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { bodyToHtml } from '../src/lib/bodyHtml'

/** Rows of published text rendered per statement while filling the new column. */
const BATCH = 500

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles" ADD COLUMN "body_html" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_body_html" varchar;`)
  // The live rows' HTML, so the articles already there are read as a lookup too (a version's
  // HTML is made when it is next saved; draft preview renders from the body anyway).
  for (let after = 0; ; ) {
    const { rows } = await db.execute<{ id: number; body: unknown }>(sql`
      SELECT "id", "body" FROM "articles"
      WHERE "id" > ${after} AND "body" IS NOT NULL ORDER BY "id" LIMIT ${BATCH}`)
    if (rows.length === 0) break
    const filled = rows
      .map((row) => ({ id: row.id, html: bodyToHtml(row.body) }))
      .filter((row): row is { id: number; html: string } => row.html !== null)
    if (filled.length) {
      await db.execute(sql`
        UPDATE "articles" AS a SET "body_html" = f."html"
        FROM json_to_recordset(${JSON.stringify(filled)}::json) AS f("id" int, "html" text)
        WHERE a."id" = f."id"`)
    }
    after = rows[rows.length - 1].id
  }
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles" DROP COLUMN "body_html";
  ALTER TABLE "_articles_v" DROP COLUMN "version_body_html";`)
}
