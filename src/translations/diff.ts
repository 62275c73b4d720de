import { diffArrays, diffWords } from 'diff'

import type { TextSnapshot } from './shared'

/** A run of words, marked as kept, added or removed. */
export type WordChange = { value: string; added?: boolean; removed?: boolean }

export type FieldChange = {
  field: 'title' | 'dek'
  before: string
  after: string
  words: WordChange[]
}

export type ParagraphChange = {
  /** 1-based position of the paragraph in the original's current body (or where it was) */
  paragraph: number
  kind: 'changed' | 'added' | 'removed'
  before: string
  after: string
  words: WordChange[]
}

export type OriginalChanges = {
  changed: boolean
  fields: FieldChange[]
  paragraphs: ParagraphChange[]
}

const words = (before: string, after: string): WordChange[] =>
  diffWords(before, after).map(({ value, added, removed }) => ({ value, added, removed }))

const paragraphsOf = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)

/**
 * What changed in the original since a version was made from it, for a translator to read:
 * the title and dek word by word, and the body paragraph by paragraph (a paragraph rewritten in
 * place is one "changed" paragraph with its words marked, not a removal and an addition).
 */
export const originalChanges = (then: TextSnapshot, now: TextSnapshot): OriginalChanges => {
  const fields: FieldChange[] = (['title', 'dek'] as const)
    .filter((field) => then[field] !== now[field])
    .map((field) => ({
      field,
      before: then[field],
      after: now[field],
      words: words(then[field], now[field]),
    }))

  const paragraphs: ParagraphChange[] = []
  let position = 0
  const parts = diffArrays(paragraphsOf(then.bodyText), paragraphsOf(now.bodyText))
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]
    if (!part.added && !part.removed) {
      position += part.value.length
      continue
    }
    const next = parts[i + 1]
    if (part.removed && next?.added) {
      // Removed then added at the same place: pair them up as rewritten paragraphs.
      const pairs = Math.max(part.value.length, next.value.length)
      for (let k = 0; k < pairs; k++) {
        const before = part.value[k] ?? ''
        const after = next.value[k] ?? ''
        if (after) position += 1
        paragraphs.push({
          paragraph: Math.max(position, 1),
          kind: before && after ? 'changed' : after ? 'added' : 'removed',
          before,
          after,
          words: words(before, after),
        })
      }
      i += 1
      continue
    }
    for (const value of part.value) {
      if (part.added) position += 1
      paragraphs.push({
        paragraph: Math.max(position, 1),
        kind: part.added ? 'added' : 'removed',
        before: part.removed ? value : '',
        after: part.added ? value : '',
        words: words(part.removed ? value : '', part.added ? value : ''),
      })
    }
  }
  return { changed: fields.length > 0 || paragraphs.length > 0, fields, paragraphs }
}
