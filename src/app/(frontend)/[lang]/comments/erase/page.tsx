import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'

import { CommentLinkPage, type LinkPageQuery } from '@/components/comments/CommentLinkPage'
import { pageLanguage } from '@/lib/params'

type Props = {
  params: Promise<{ lang: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

/** Personal (a token in the URL): rendered per request, never cached, never indexed. */
export const dynamic = 'force-dynamic'

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lang = await pageLanguage(params)
  const t = await getTranslations({ locale: lang, namespace: 'comments' })
  return {
    title: t('eraseTitle'),
    robots: { index: false, follow: false },
    referrer: 'no-referrer',
  }
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

export default async function CommentErasePage({ params, searchParams }: Props) {
  const lang = await pageLanguage(params)
  const query = await searchParams
  const shown: LinkPageQuery = {
    token: first(query.token),
    result: first(query.result),
    back: first(query.back),
    count: first(query.count),
  }
  return <CommentLinkPage lang={lang} kind="erase" query={shown} />
}
