import { getSectionFeed, rssResponse } from '@/data/feeds'
import { movedTarget } from '@/data/redirects'
import { isLanguage } from '@/lib/languages'

/** RSS 2.0: the latest published articles of a section and its sub-sections (or a redirect). */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ lang: string; slug: string }> },
) {
  const { lang, slug } = await params
  const data = isLanguage(lang) ? await getSectionFeed({ language: lang, slug }) : null
  const moved =
    data || !isLanguage(lang) ? null : await movedTarget(`/${lang}/feed/section/${slug}`)
  if (moved) return new Response(null, { status: 308, headers: { location: moved } })
  return rssResponse(data)
}
