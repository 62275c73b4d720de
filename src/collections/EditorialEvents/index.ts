import type { CollectionConfig } from 'payload'

import { isStaff } from '@/access/roles'
import { LANGUAGE_OPTIONS } from '@/lib/languages'
import { STAGES, STAGE_LABELS, TRANSITION_NAMES, TRANSITIONS } from '@/workflow/table'

const never = () => false

/**
 * The editorial timeline: one row per transition, editorial note or version restore, written by
 * the workflow (src/workflow/) and never edited afterwards. Kept out of the article's own
 * versions so that restoring an old version of the text never rewrites its history.
 */
export const EditorialEvents: CollectionConfig = {
  slug: 'editorial-events',
  labels: { singular: 'Editorial event', plural: 'Editorial events' },
  admin: {
    useAsTitle: 'summary',
    defaultColumns: ['createdAt', 'article', 'kind', 'from', 'to', 'user'],
    group: 'Newsroom',
  },
  defaultSort: '-createdAt',
  access: {
    // Staff read the history; only the workflow writes it (with overrideAccess), nobody edits it.
    read: isStaff,
    create: never,
    update: never,
    delete: never,
  },
  fields: [
    {
      name: 'article',
      type: 'relationship',
      relationTo: 'articles',
      index: true,
      // Not required: the history of an article deleted for good stays, without its article.
    },
    {
      name: 'kind',
      type: 'select',
      required: true,
      options: [
        { label: 'Transition', value: 'transition' },
        { label: 'Note', value: 'note' },
        { label: 'Restore', value: 'restore' },
      ],
    },
    {
      name: 'transition',
      type: 'select',
      options: TRANSITION_NAMES.map((name) => ({ label: TRANSITIONS[name].label, value: name })),
    },
    {
      name: 'from',
      type: 'select',
      options: STAGES.map((s) => ({ label: STAGE_LABELS[s], value: s })),
    },
    {
      name: 'to',
      type: 'select',
      options: STAGES.map((s) => ({ label: STAGE_LABELS[s], value: s })),
    },
    { name: 'note', type: 'textarea' },
    { name: 'language', type: 'select', options: LANGUAGE_OPTIONS },
    {
      name: 'user',
      type: 'relationship',
      relationTo: 'users',
      admin: { description: 'Empty when the scheduler acted.' },
    },
    {
      name: 'summary',
      type: 'text',
      admin: { hidden: true },
    },
    {
      // Notifications for this event have been sent (the notify job is idempotent on it).
      name: 'notifiedAt',
      type: 'date',
      admin: { hidden: true },
    },
  ],
}
