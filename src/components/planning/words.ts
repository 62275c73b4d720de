/**
 * The planning calendar's words: `custom:planning:…` keys of the admin dictionary
 * (src/i18n/admin/planning/), looked up with Payload's own `t` in the admin's language (client:
 * `useTranslation()`, server: `req.i18n.t`), `{{name}}` filled by Payload.
 */
import type { planningEn } from '@/i18n/admin/planning/en'

export type PlanningKey = keyof typeof planningEn

export type PlanningWords = (key: PlanningKey, values?: Record<string, string | number>) => string

export const planningWordsOf =
  (t: unknown): PlanningWords =>
  (key, values) =>
    (t as (key: string, values?: Record<string, string | number>) => string)(
      `custom:planning:${key}`,
      values,
    )
