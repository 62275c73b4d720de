import { createTranslator } from 'next-intl'

import az from '@/i18n/messages/az.json'
import en from '@/i18n/messages/en.json'
import ru from '@/i18n/messages/ru.json'
import { isLanguage } from '@/lib/languages'

const MESSAGES = { en, az, ru } as const

/**
 * "3 comments" in the article's language (ICU plural: az and ru forms), for article cards; a
 * card is a plain component (no request locale), so the words come straight from the messages.
 */
export const commentCountLabel = (language: string, count: number): string =>
  createTranslator({
    locale: isLanguage(language) ? language : 'en',
    messages: MESSAGES[isLanguage(language) ? language : 'en'] as typeof en,
    namespace: 'comments',
  })('count', { count })
