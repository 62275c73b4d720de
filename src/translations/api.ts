/**
 * The contract of the translation endpoints (`endpoints.ts`): what each accepts and answers.
 * Types only, so the Translations panel imports it without pulling any server code; the handlers
 * are checked against these types.
 */
import type { Language } from '@/lib/languages'
import type { Stage } from '@/workflow/table'

import type { OriginalChanges } from './diff'

export type { FieldChange, OriginalChanges, ParagraphChange, WordChange } from './diff'

/** One language other than the original's: its version, or whether this person may add it. */
export type LanguageRow = {
  language: Language
  languageName: string
  version: {
    id: number
    title: string
    stage: Stage
    needsUpdate: boolean
    assignee: number | null
    /** its published text is on the site (whatever the stage of a draft over it) */
    live: boolean
  } | null
  canAdd: boolean
}

/** `GET /api/articles/:id/translations` */
export type TranslationsResponse = {
  original: { id: number; title: string; language: Language; stage: Stage }
  languages: LanguageRow[]
}

/** `POST /api/articles/:id/translations`: `translator` (a user id) is an editor's choice. */
export type AddTranslationRequest = { language: Language; translator?: number }

export type AddTranslationResponse = {
  message: string
  doc: { id: number; language: Language; stage: Stage }
}

/** `GET /api/articles/:id/original-changes` (on a language version) */
export type OriginalChangesResponse = OriginalChanges & {
  needsUpdate: boolean
  since: string | null
  /** flagged, and its text changed since: "Mark updated" may follow (always true unflagged) */
  updatedSinceFlagged: boolean
  original: { id: number; title: string; language: Language }
}

/** `POST /api/articles/:id/mark-updated` (409 before the version's text has changed) */
export type MarkUpdatedResponse = { message: string }

/** `POST /api/articles/:id/unpublish-versions` (on an original): each live version's outcome. */
export type UnpublishVersionsResponse = {
  message: string
  unpublished: { id: number; language: Language }[]
  refused: { id: number; language: Language; message: string }[]
}
