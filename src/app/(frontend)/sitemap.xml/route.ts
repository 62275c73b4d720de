import { getSitemapIndex, renderSitemapIndex, xmlResponse } from '@/data/sitemaps'

/** The sitemap index: per-language article sitemaps, sections, authors, tags, pages, news. */
export async function GET() {
  return xmlResponse(await renderSitemapIndex(await getSitemapIndex()))
}
