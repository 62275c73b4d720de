import { notFound } from 'next/navigation'
import { setRequestLocale } from 'next-intl/server'

import { type Language, isLanguage } from '@/lib/languages'

/** The page's language from its `[lang]` segment; any other value is a 404. */
export const pageLanguage = async (params: Promise<{ lang: string }>): Promise<Language> => {
  const { lang } = await params
  if (!isLanguage(lang)) notFound()
  setRequestLocale(lang)
  return lang
}
