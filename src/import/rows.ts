/** The rows one imported article is made of, in the collection's column names (src/db/schema.ts). */
import type { ArticleRelRow, ArticleRow, EditorialEventRow, OriginalRow } from '@/db/import'
import type { ArticleSource } from '@/lib/articleSource'
import { languageNameIn, type Language } from '@/lib/languages'
import { TRANSITIONS } from '@/workflow/table'

import type { ValidRecord } from './records'

/** The fields a language version takes from its original. */
export type Shared = {
  categoryId: number | null
  categories: number[]
  tags: number[]
  authors: number[]
  heroImageId: number | null
  source: ArticleSource
}

/** Everything one article's rows are made of. */
export type Prepared = {
  record: ValidRecord
  key: string
  shared: Shared
  body: object
  readingTime: number
  /** the body's stored HTML (src/lib/bodyHtml.ts) */
  bodyHtml: string | null
  translationOfId: number | null
  translatedFrom: { title: string; dek: string; bodyText: string; at: string } | null
  /** the story's embargo: the record's own, or for a version the later of it and its original's */
  embargoUntil: string | null
}

/** A language as the importer's (English) messages name it. */
export const languageInMessages = (language: Language) => languageNameIn('en', language)

export const keyOf = (language: string, slug: string) => `${language}:${slug}`

/** The `articles` row Payload writes for this record. */
export const articleRow = (p: Prepared, now: string): ArticleRow => ({
  title: p.record.title,
  dek: p.record.dek,
  body: p.body,
  hero_image_id: p.shared.heroImageId,
  hero_caption: p.record.heroCaption,
  source_outlet: p.shared.source.outlet,
  source_url: p.shared.source.url,
  source_original_language: p.shared.source.originalLanguage,
  source_original_title: p.shared.source.originalTitle,
  source_original_date: p.shared.source.originalDate,
  language: p.record.language,
  slug: p.record.slug,
  translation_of_id: p.translationOfId,
  category_id: p.shared.categoryId,
  published_at: p.record.publishedAt,
  reading_time: p.readingTime,
  updated_at: now,
  created_at: now,
  _status: p.record.stage === 'published' ? 'published' : 'draft',
  stage: p.record.stage,
  needs_update: false,
  translated_from_title: p.translatedFrom?.title ?? null,
  translated_from_dek: p.translatedFrom?.dek ?? null,
  translated_from_body_text: p.translatedFrom?.bodyText ?? null,
  translated_from_at: p.translatedFrom?.at ?? null,
  embargo_until: p.embargoUntil,
  body_html: p.bodyHtml,
})

/** Rows of the hasMany relationships, in order. */
export const relsRows = (parentId: number, shared: Shared): ArticleRelRow[] => {
  const row = (path: ArticleRelRow['path'], order: number, id: number): ArticleRelRow => ({
    parent_id: parentId,
    path,
    order,
    categories_id: path === 'categories' ? id : null,
    tags_id: path === 'tags' ? id : null,
    authors_id: path === 'authors' ? id : null,
  })
  return [
    ...shared.categories.map((id, i) => row('categories', i + 1, id)),
    ...shared.tags.map((id, i) => row('tags', i + 1, id)),
    ...shared.authors.map((id, i) => row('authors', i + 1, id)),
  ]
}

/** The "Publish" event of each article created published. */
export const publishEvents = (batch: Prepared[], ids: Map<string, number>, now: string) => {
  const publish = TRANSITIONS.publish
  return batch
    .filter((p) => p.record.stage === 'published')
    .map((p): EditorialEventRow => ({
      article_id: ids.get(p.key)!,
      kind: 'transition',
      transition: 'publish',
      from: 'draft',
      to: publish.to,
      language: p.record.language,
      summary: `${publish.label}: "${p.record.title}"`,
      updated_at: now,
      created_at: now,
    }))
}

/** A language version's shared fields, as its original has them. */
export const sharedOfOriginal = (
  row: OriginalRow,
  rels: Omit<ArticleRelRow, 'order'>[],
): Shared => ({
  categoryId: row.category_id,
  categories: rels.filter((r) => r.path === 'categories').map((r) => r.categories_id!),
  tags: rels.filter((r) => r.path === 'tags').map((r) => r.tags_id!),
  authors: rels.filter((r) => r.path === 'authors').map((r) => r.authors_id!),
  heroImageId: row.hero_image_id,
  source: {
    outlet: row.source_outlet,
    url: row.source_url,
    originalLanguage: row.source_original_language,
    originalTitle: row.source_original_title,
    originalDate: row.source_original_date ? row.source_original_date.toISOString() : null,
  },
})
