import { notFoundOrMoved } from '@/data/redirects'
import { pageLanguage } from '@/lib/params'

type Props = { params: Promise<{ lang: string; rest: string[] }> }

/** Any other path under a language is the site's 404 page, in that language, or a redirect. */
export default async function UnknownPage({ params }: Props) {
  const lang = await pageLanguage(params)
  return notFoundOrMoved(`/${lang}/${(await params).rest.join('/')}`)
}
