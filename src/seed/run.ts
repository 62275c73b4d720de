import type { Payload, RequestContext } from 'payload'

import { DEFAULT_LANGUAGE, LANGUAGES } from '@/lib/languages'

import type { Locale, Localized } from './data/types'

export type SeedResult = { created: Record<string, number>; skipped: Record<string, number> }

/** Every seed write skips revalidation and tells the hooks that the seed is writing. */
export const context: RequestContext = { disableRevalidate: true, seeding: true }

export const OTHER_LOCALES = LANGUAGES.filter((language) => language !== DEFAULT_LANGUAGE)

type Collection = 'articles' | 'authors' | 'categories' | 'tags' | 'pages' | 'media' | 'users'

/** A localized value in one of the other locales (absent when the data has none). */
export const inLocale = (value: Localized, locale: Locale) => value[locale]

/**
 * One run of the seed: the Payload instance, the counts of records created and skipped, and the
 * lookups every kind of record shares.
 */
export type SeedRun = {
  payload: Payload
  result: SeedResult
  /** counts one record of `collection`, created or found */
  tally: (collection: string, created: boolean) => void
  /** the record with this natural key, drafts included */
  findOne: <T>(collection: Collection, where: Record<string, unknown>) => Promise<T | undefined>
  /** writes the az/ru values of localized fields after the English create */
  localize: (
    collection: 'categories' | 'pages' | 'tags',
    id: number,
    fields: (locale: Locale) => Record<string, unknown> | null,
  ) => Promise<void>
}

export const startSeedRun = (payload: Payload): SeedRun => {
  const result: SeedResult = { created: {}, skipped: {} }
  return {
    payload,
    result,
    tally: (collection, created) => {
      const bucket = created ? result.created : result.skipped
      bucket[collection] = (bucket[collection] ?? 0) + 1
    },
    findOne: async <T>(collection: Collection, where: Record<string, unknown>) => {
      const { docs } = await payload.find({
        collection,
        where: where as never,
        limit: 1,
        depth: 0,
        draft: true,
        pagination: false,
        context,
      })
      return docs[0] as T | undefined
    },
    localize: async (collection, id, fields) => {
      for (const locale of OTHER_LOCALES) {
        const data = fields(locale)
        if (data) await payload.update({ collection, id, locale, data, context })
      }
    },
  }
}
