import { getSectionFeed, rssResponse } from '@/data/feeds'
import { isLanguage } from '@/lib/languages'

/** RSS 2.0: the latest published articles of a section and its sub-sections. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ lang: string; slug: string }> },
) {
  const { lang, slug } = await params
  return rssResponse(isLanguage(lang) ? await getSectionFeed({ language: lang, slug }) : null)
}
