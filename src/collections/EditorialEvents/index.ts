import type { CollectionConfig } from 'payload'

import { isStaff } from '@/access/roles'
import { inLanguages, label } from '@/i18n/admin'
import { CONTENT_LANGUAGE_OPTIONS } from '@/lib/languages'
import { STAGES, TRANSITION_NAMES } from '@/workflow/table'

const never = () => false

/**
 * The editorial timeline: one row per transition, editorial note or version restore, written by
 * the workflow (src/workflow/) and never edited afterwards. Kept out of the article's own
 * versions so that restoring an old version of the text never rewrites its history.
 */
export const EditorialEvents: CollectionConfig = {
  slug: 'editorial-events',
  labels: { singular: label('events:singular'), plural: label('events:plural') },
  admin: {
    useAsTitle: 'summary',
    defaultColumns: ['createdAt', 'article', 'kind', 'from', 'to', 'user'],
    group: inLanguages('groups:newsroom'),
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
      label: label('events:article'),
      // Not required: the history of an article deleted for good stays, without its article.
    },
    {
      name: 'kind',
      type: 'select',
      required: true,
      label: label('events:kind'),
      options: [
        { label: label('events:kindTransition'), value: 'transition' },
        { label: label('events:kindNote'), value: 'note' },
        { label: label('events:kindRestore'), value: 'restore' },
        { label: label('embargo:kind'), value: 'embargo' },
      ],
    },
    {
      name: 'transition',
      type: 'select',
      label: label('events:transition'),
      options: TRANSITION_NAMES.map((name) => ({
        label: label(`transitions:${name}`),
        value: name,
      })),
    },
    {
      name: 'from',
      type: 'select',
      label: label('events:from'),
      options: STAGES.map((s) => ({ label: label(`stages:${s}`), value: s })),
    },
    {
      name: 'to',
      type: 'select',
      label: label('events:to'),
      options: STAGES.map((s) => ({ label: label(`stages:${s}`), value: s })),
    },
    { name: 'note', type: 'textarea', label: label('common:note') },
    {
      name: 'language',
      type: 'select',
      label: label('common:language'),
      options: CONTENT_LANGUAGE_OPTIONS,
    },
    {
      name: 'user',
      type: 'relationship',
      relationTo: 'users',
      label: label('events:user'),
      admin: { description: inLanguages('events:userDescription') },
    },
    {
      name: 'summary',
      type: 'text',
      label: label('events:summary'),
      admin: { hidden: true },
    },
    {
      // Notifications for this event have been sent (the notify job is idempotent on it).
      name: 'notifiedAt',
      type: 'date',
      label: label('events:notifiedAt'),
      admin: { hidden: true },
    },
  ],
}
