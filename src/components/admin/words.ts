/**
 * The admin components' words through Payload's i18n: every text is a `custom:panels:…` key of
 * the admin dictionary (src/i18n/admin/panels/), looked up with Payload's own `t` in the admin's
 * language (client: `useTranslation()`, server: `req.i18n`), `{{name}}` filled by Payload. Stage
 * and transition names are the dictionary's `custom:stages:…` / `custom:transitions:…`, language
 * names `src/lib/languages.ts`'. Only formatting (dates, in the admin's language) is code here.
 */
import type { panelsEn } from '@/i18n/admin/panels/en'
import type { Keys } from '@/lib/dictionary'
import { isLanguage, languageNameIn } from '@/lib/languages'
import { STAGES, TRANSITION_NAMES, type Stage, type TransitionName } from '@/workflow/table'

/** A key of the panels' dictionary: `workflow:title`, `translations:markUpdated`, `desk:more`. */
export type PanelKey = Keys<typeof panelsEn>

export type WordValues = Record<string, string | number>

/** Payload's `t` (typed with Payload's own keys; ours are checked by `PanelKey`). */
type PayloadT = (key: never, values?: never) => string

export type Words = {
  /** the admin's language */
  language: string
  t: (key: PanelKey, values?: WordValues) => string
  stage: (stage: string | null | undefined) => string
  transition: (name: string, fallback?: string) => string
  /** a language's name in the admin's language */
  languageName: (code: string) => string
  /** a date and time in the admin's language, in the viewer's time zone */
  dateTime: (value: string | Date | null | undefined) => string
  /** the same, short (no year), for cards and lists */
  shortDateTime: (value: string | Date | null | undefined) => string
}

const formatWith = (format: Intl.DateTimeFormat) => (value: string | Date | null | undefined) => {
  if (!value) return ''
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? '' : format.format(date)
}

/** The words of the admin components for Payload's `t` in `language`. */
export const wordsOf = (payloadT: PayloadT, language: string): Words => {
  const t = payloadT as unknown as (key: string, values?: WordValues) => string
  const code = isLanguage(language) ? language : 'en'
  return {
    language: code,
    t: (key, values) => t(`custom:panels:${key}`, values),
    stage: (stage) =>
      stage && (STAGES as readonly string[]).includes(stage)
        ? t(`custom:stages:${stage as Stage}`)
        : (stage ?? ''),
    transition: (name, fallback) =>
      (TRANSITION_NAMES as readonly string[]).includes(name)
        ? t(`custom:transitions:${name as TransitionName}`)
        : (fallback ?? name),
    languageName: (other) => languageNameIn(code, other),
    dateTime: formatWith(
      new Intl.DateTimeFormat(code, { dateStyle: 'medium', timeStyle: 'short' }),
    ),
    shortDateTime: formatWith(
      new Intl.DateTimeFormat(code, {
        day: 'numeric',
        month: 'short',
        hour: 'numeric',
        minute: '2-digit',
      }),
    ),
  }
}
