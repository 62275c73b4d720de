import { getSitemap, parseSitemapName, renderUrlset, xmlResponse } from '@/data/sitemaps'

/** One child sitemap of /sitemap.xml (`articles-en.xml`, `sections.xml`, `news.xml`…). */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params
  const name = parseSitemapName(file)
  const sitemap = name ? await getSitemap(name) : null
  return xmlResponse(
    sitemap
      ? await renderUrlset(sitemap.entries, { publicationName: sitemap.publicationName })
      : null,
  )
}
