'use client'

import { useTranslation } from '@payloadcms/ui'
import { useMemo } from 'react'

import { wordsOf, type Words } from './words'

/** The admin components' words in the admin's language (Payload's `useTranslation`). */
export const useWords = (): Words => {
  const { t, i18n } = useTranslation()
  return useMemo(() => wordsOf(t as never, i18n.language), [t, i18n.language])
}
