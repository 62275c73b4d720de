import { notFound } from 'next/navigation'

import { pageLanguage } from '@/lib/params'

type Props = { params: Promise<{ lang: string }> }

/** Any other path under a language is the site's 404 page, in that language. */
export default async function UnknownPage({ params }: Props) {
  await pageLanguage(params)
  notFound()
}
