/**
 * Language versions: which fields belong to the story (and so follow the original) and which
 * to the language, and the snapshot of the original's text a version was made from.
 */
import type { FieldAccess } from 'payload'

import { lexicalToPlainText, type LexicalState } from '@/lib/lexical'
import { idOf } from '@/lib/relations'
import type { Article } from '@/payload-types'

/** Fields of the story, not of a language: set on the original, copied to every version. */
export const SHARED_FIELDS = [
  'category',
  'categories',
  'tags',
  'authors',
  'heroImage',
  'source',
  'embargoUntil',
] as const satisfies readonly (keyof Article)[]

export type SharedFields = Pick<Article, (typeof SHARED_FIELDS)[number]>

/** Relationship values as ids, so the original's values can be written to a version as they are. */
const plain = (value: unknown): unknown =>
  Array.isArray(value) ? value.map((item) => idOf(item) ?? item) : (idOf(value) ?? value)

export const sharedFieldsOf = (article: Partial<Article>): SharedFields =>
  Object.fromEntries(
    SHARED_FIELDS.map((field) => [field, plain(article[field]) ?? null]),
  ) as SharedFields

export const sameSharedFields = (a: Partial<Article>, b: Partial<Article>) =>
  JSON.stringify(sharedFieldsOf(a)) === JSON.stringify(sharedFieldsOf(b))

/** On a language version the shared fields are read-only: they follow the original. */
export const notOnLanguageVersions: FieldAccess = ({ doc, data }) =>
  !(doc?.translationOf ?? data?.translationOf)

export type TextSnapshot = { title: string; dek: string; bodyText: string }

/** The text of an article a translator works from: title, dek and the body as plain text. */
export const textOf = (article: Pick<Article, 'title' | 'dek' | 'body'>): TextSnapshot => ({
  title: article.title ?? '',
  dek: article.dek ?? '',
  bodyText: lexicalToPlainText(article.body as LexicalState),
})

export const sameText = (
  a: TextSnapshot,
  b: { [K in keyof TextSnapshot]?: string | null } | null | undefined,
) =>
  Boolean(b) &&
  a.title === (b?.title ?? '') &&
  a.dek === (b?.dek ?? '') &&
  a.bodyText === (b?.bodyText ?? '')
