import 'server-only'

import type { Language } from '@/lib/languages'

/**
 * What every public read of one record by its slug asks Payload: as the anonymous reader, in the
 * page's language (English where a field has no translation), at most one record.
 */
export const oneBySlug = ({ language, slug }: { language: Language; slug: string }) => ({
  overrideAccess: false as const,
  where: { slug: { equals: slug } },
  locale: language,
  fallbackLocale: 'en' as const,
  limit: 1,
})
