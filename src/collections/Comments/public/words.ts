import { createTranslator } from 'next-intl'

import az from '@/i18n/messages/az.json'
import en from '@/i18n/messages/en.json'
import ru from '@/i18n/messages/ru.json'
import type { Language } from '@/lib/languages'

const SITE_MESSAGES = { en, az, ru } as const

/**
 * The site's own words for comments (`comments` in src/i18n/messages), outside React: the
 * endpoint's answers, the refusal page and the confirmation email, with ICU plurals.
 */
export const commentWords = (language: Language) =>
  createTranslator({
    locale: language,
    messages: SITE_MESSAGES[language] as typeof en,
    namespace: 'comments',
  })

export type CommentWords = ReturnType<typeof commentWords>
