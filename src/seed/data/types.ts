/**
 * Shapes of the demo newsroom's sample content. The seed (`src/seed/index.ts`) turns these into
 * Payload documents; the content itself lives in the sibling files and is original sample text.
 */
import type { Language } from '@/lib/languages'

export type Locale = Language

/** A text in the three site languages; `en` is required, the others fall back to it. */
export type Localized = { en: string; az?: string; ru?: string }

export type SeedCategory = {
  slug: string
  name: Localized
  description: Localized
  /** slug of the parent section, for nested sections (News › Economy) */
  parent?: string
  /** position in the menu, ascending */
  order: number
}

export type SeedAuthor = {
  slug: string
  name: string
  jobTitle: string
  bio: string
  /** a house byline such as the site's own name, not a person */
  isHouse?: boolean
  links?: { label: string; url: string }[]
}

export type SeedTag = { slug: string; name: string }

/** One block of an article body. */
export type SeedBlock =
  | string // a paragraph
  | { heading: string } // an h2
  | { quote: string } // a blockquote
  | { list: string[] } // an unordered list

export type SeedArticle = {
  /** unique within its language; kebab-case ASCII */
  slug: string
  language: Locale
  title: string
  dek: string
  /** slug of the primary section */
  category: string
  extraCategories?: string[]
  tags: string[]
  /** author slugs, in byline order */
  authors: string[]
  body: SeedBlock[]
  heroCaption?: string
  /** for reprints/translations of another outlet's story */
  source?: {
    outlet: string
    url: string
    originalLanguage: Locale | 'tr' | 'fr' | 'de'
    originalTitle: string
    originalDate: string // ISO date
  }
  /** ISO date-time; for published articles */
  publishedAt: string
  status: 'published' | 'draft'
  /** slug of the original (in its own language) when this is a language version */
  translationOf?: { language: Locale; slug: string }
  /** slugs (same language) of hand-picked related articles */
  related?: string[]
  /** public corrections appended after publication (ISO date-time, text) */
  corrections?: { date: string; text: string }[]
  /** for unpublished articles: where they stand in the editorial workflow (default draft) */
  stage?: 'draft' | 'in_review' | 'changes_requested' | 'approved'
  /** email of the demo user who wrote it (its owner in the workflow) */
  writer?: string
}

export type SeedPage = {
  slug: string
  title: Localized
  /** paragraphs per language; en required */
  body: { en: SeedBlock[]; az?: SeedBlock[]; ru?: SeedBlock[] }
}

export type SeedSettings = {
  siteName: string
  tagline: Localized
  about: Localized
  contactEmail: string
  social: {
    platform: 'facebook' | 'x' | 'instagram' | 'youtube' | 'telegram' | 'linkedin'
    url: string
  }[]
}
