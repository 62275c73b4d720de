import { connection } from 'next/server'

import { getSitemapIndex, renderSitemapIndex, xmlResponse } from '@/data/sitemaps'

/** The sitemap index: per-language article sitemaps, sections, authors, tags, pages, news. */
export async function GET() {
  // Answered per request from the tagged data cache, so a build needs no database.
  await connection()
  return xmlResponse(await renderSitemapIndex(await getSitemapIndex()))
}
