import { withBreakingFirst } from '@/data/breaking'
import { getLatestFeed, rssResponse } from '@/data/feeds'
import { isLanguage } from '@/lib/languages'

/** RSS 2.0: the latest published articles in one language, breaking news first. */
export async function GET(_request: Request, { params }: { params: Promise<{ lang: string }> }) {
  const { lang } = await params
  return rssResponse(
    isLanguage(lang) ? await withBreakingFirst(await getLatestFeed({ language: lang })) : null,
  )
}
