/**
 * The planned date of an article (`plannedAt`): when the desk plans to run a story that is not
 * yet scheduled or published (draft, in review, changes requested, approved). A plan on the
 * planning calendar (src/components/planning/), never a publication: nothing reads it to publish.
 * Staff only (never readable anonymously); whoever may edit the article may set it (the
 * collection's update access holds writers to their scope and stages). A new planned date must
 * not fall on a day that is already over in the newsroom's time zone, and an article already
 * scheduled or published takes none: both a 4xx in the requester's language, nothing written.
 */
import type { Field, FieldHook } from 'payload'

import { isStaffField } from '@/access/roles'
import { adminText, inLanguages, label } from '@/i18n/admin'
import { refuse } from '@/lib/errors'
import { languageOf } from '@/lib/messages'
import {
  DEFAULT_NEWSROOM_TIME_ZONE,
  dayKeyOf,
  isTimeZone,
  PLANNED_STAGES,
  startOfDay,
} from '@/lib/planning'
import type { Article } from '@/payload-types'

import { notCopied } from './duplicate'

const sameMoment = (a: unknown, b: unknown) =>
  (a ? new Date(a as string).getTime() : null) === (b ? new Date(b as string).getTime() : null)

const isPlannable = (stage: unknown) =>
  stage === undefined || stage === null || (PLANNED_STAGES as readonly unknown[]).includes(stage)

/** Refuses a changed planned date on a day already over, or on an article past planning. */
const checkPlannedAt: FieldHook<Article> = async ({ value, previousValue, originalDoc, req }) => {
  if (!req.user || sameMoment(value, previousValue) || !value) return value
  const stage = originalDoc?.stage
  if (!isPlannable(stage)) {
    throw refuse(req, 'planning:notPlannable', 409, {
      stage: adminText(languageOf(req), `stages:${stage as (typeof PLANNED_STAGES)[number]}`),
    })
  }
  const settings = await req.payload
    .findGlobal({ slug: 'site-settings', req, depth: 0, select: { digestTimeZone: true } })
    .catch(() => null)
  const zone = isTimeZone(settings?.digestTimeZone)
    ? settings.digestTimeZone
    : DEFAULT_NEWSROOM_TIME_ZONE
  const today = dayKeyOf(new Date(), zone)
  if (new Date(value as string) < startOfDay(today, zone)) {
    throw refuse(req, 'planning:pastDate', 400, { today })
  }
  return value
}

export const plannedAtField: Field = {
  name: 'plannedAt',
  type: 'date',
  index: true,
  label: label('planning:plannedAt'),
  access: { read: isStaffField, create: isStaffField, update: isStaffField },
  hooks: { beforeChange: [checkPlannedAt], beforeDuplicate: [notCopied] },
  admin: {
    position: 'sidebar',
    date: { pickerAppearance: 'dayAndTime' },
    description: inLanguages('planning:plannedAtDescription'),
    condition: (data) => isPlannable(data?.stage),
  },
}
