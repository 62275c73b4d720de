import { getAuthorFeed, rssResponse } from '@/data/feeds'
import { isLanguage } from '@/lib/languages'

/** RSS 2.0: the latest published articles under one author's byline. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ lang: string; slug: string }> },
) {
  const { lang, slug } = await params
  return rssResponse(isLanguage(lang) ? await getAuthorFeed({ language: lang, slug }) : null)
}
