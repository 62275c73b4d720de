import type { FieldHook, PayloadRequest } from 'payload'

import { isLanguage, type Language } from '@/lib/languages'
import { idOf, latestArticle } from '@/lib/relations'
import type { Article, Media } from '@/payload-types'

type HeroText = { caption: string | null; alt: string | null }

const filled = (...texts: (string | null | undefined)[]) =>
  texts.map((text) => text?.trim()).find(Boolean) ?? null

/** The image's own caption and alt text in one language, without falling back to another. */
const mediaText = async (req: PayloadRequest, id: number, language: Language) => {
  const media: Pick<Media, 'alt' | 'caption'> | null = await req.payload
    .findByID({
      collection: 'media',
      id,
      req,
      depth: 0,
      locale: language,
      fallbackLocale: false,
      select: { alt: true, caption: true },
      disableErrors: true,
      overrideAccess: true,
    })
    .catch(() => null)
  return { caption: media?.caption ?? null, alt: media?.alt ?? null }
}

/**
 * What a new language version's hero caption and alt text start as: the original's own (its
 * `heroCaption`/`heroAlt`), else the image's in the version's language, else the image's in the
 * original's language. The translator then rewrites them in the version's language.
 */
export const heroTextForVersion = async (
  req: PayloadRequest,
  version: Partial<Article>,
): Promise<HeroText> => {
  const originalId = idOf(version.translationOf)
  const original = originalId === null ? null : await latestArticle(req, originalId)
  if (!original) return { caption: null, alt: null }
  const mediaId = idOf(version.heroImage) ?? idOf(original.heroImage)
  const language = isLanguage(version.language) ? version.language : null
  const inVersion = mediaId !== null && language ? await mediaText(req, mediaId, language) : null
  const inOriginal =
    mediaId !== null && isLanguage(original.language)
      ? await mediaText(req, mediaId, original.language)
      : null
  return {
    caption: filled(original.heroCaption, inVersion?.caption, inOriginal?.caption),
    alt: filled(original.heroAlt, inVersion?.alt, inOriginal?.alt),
  }
}

/**
 * A field hook for `heroCaption` or `heroAlt`: when a language version is created without one,
 * it gets its default (heroTextForVersion). Editing it afterwards is the version's own business.
 */
export const defaultHeroText =
  (which: keyof HeroText): FieldHook<Article, string | null | undefined> =>
  async ({ value, data, operation, req }) => {
    if (operation !== 'create' || value?.trim() || !data?.translationOf) return value
    return (await heroTextForVersion(req, data))[which] ?? value
  }
