/**
 * The fields the workflow adds to articles (src/workflow/plugin.ts): the panel and the stage
 * first in the sidebar, who works on the story, the schedule, and the history tab. Only the
 * workflow moves the stage and the schedule; a client sending them is ignored.
 */
import type { Field, Tab } from 'payload'

import { isEditorField, isStaffField } from '@/access/roles'
import { notCopied } from '@/fields/duplicate'
import { plannedAtField } from '@/fields/planning'
import { workflowPanelField } from '@/fields/workflowPanel'
import { inLanguages, label } from '@/i18n/admin'

import { embargoField } from './embargo'
import { STAGES } from './table'

const never = () => false
const editorsOnly = { create: isEditorField, update: isEditorField }
/** Who works on a story: staff business, never shown or queryable outside the newsroom. */
const staffOnlyEditorsSet = { read: isStaffField, ...editorsOnly }

/** First in the sidebar, in this order. */
export const workflowSidebarFields: Field[] = [
  workflowPanelField,
  {
    name: 'stage',
    type: 'select',
    // Always set by the workflow hooks (a new article starts as a draft); neither required nor
    // defaulted in the schema, so that no client ever has to send it.
    index: true,
    label: label('workflow:stage'),
    options: STAGES.map((stage) => ({ label: label(`stages:${stage}`), value: stage })),
    // Only the workflow moves it (src/workflow/): a client sending it directly is ignored.
    access: { create: never, update: never },
    admin: {
      position: 'sidebar',
      readOnly: true,
      components: { Cell: '@/components/workflow/StageCell#StageCell' },
    },
  },
  {
    name: 'assignee',
    type: 'relationship',
    relationTo: 'users',
    index: true,
    label: label('workflow:assignee'),
    access: staffOnlyEditorsSet,
    hooks: { beforeDuplicate: [notCopied] },
    admin: { position: 'sidebar', description: inLanguages('workflow:assigneeDescription') },
  },
  {
    name: 'reviewer',
    type: 'relationship',
    relationTo: 'users',
    label: label('workflow:reviewer'),
    access: staffOnlyEditorsSet,
    hooks: { beforeDuplicate: [notCopied] },
    admin: { position: 'sidebar', description: inLanguages('workflow:reviewerDescription') },
  },
  {
    name: 'scheduledAt',
    type: 'date',
    label: label('workflow:scheduledAt'),
    access: { create: never, update: never },
    hooks: { beforeDuplicate: [notCopied] },
    admin: {
      position: 'sidebar',
      readOnly: true,
      date: { pickerAppearance: 'dayAndTime' },
      condition: (data) => data?.stage === 'scheduled',
    },
  },
  plannedAtField,
  {
    name: 'expiresAt',
    type: 'date',
    label: label('workflow:expiresAt'),
    access: editorsOnly,
    hooks: { beforeDuplicate: [notCopied] },
    admin: {
      position: 'sidebar',
      date: { pickerAppearance: 'dayAndTime' },
      description: inLanguages('workflow:expiresAtDescription'),
    },
  },
  embargoField,
]

/** The article's timeline (`editorial-events`), as a tab of the edit view. */
export const workflowHistoryTab: Tab = {
  label: label('workflow:historyTab'),
  fields: [
    {
      name: 'timeline',
      type: 'join',
      label: label('workflow:timeline'),
      collection: 'editorial-events',
      on: 'article',
      defaultSort: '-createdAt',
      defaultLimit: 50,
      admin: {
        defaultColumns: ['createdAt', 'kind', 'from', 'to', 'user', 'note'],
        allowCreate: false,
      },
    },
  ],
}
