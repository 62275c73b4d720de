import type { CollectionConfig } from 'payload'

import { isEditor } from '@/access/roles'
import { inLanguages, label } from '@/i18n/admin'

import { checkRedirect, collapseIntoRedirect, refreshRemovedRedirect } from './hooks/redirects'

const never = () => false

export const REDIRECT_ORIGINS = ['automatic', 'manual', 'imported'] as const

/**
 * Old addresses and where they lead now: under a language, by the page's not-found path
 * (src/data/redirects.ts: 308, a 301 through nginx); elsewhere by the request proxy
 * (src/proxy.ts, from a snapshot of this table: src/db/redirectSnapshot.ts). Editors and admins
 * add, edit and remove them; nobody else reads or writes them through any API. Rows are made
 * automatically when a live URL changes (hooks/automatic.ts), by hand, or by the importer, and
 * kept collapsed: every row points straight at the final address (hooks/redirects.ts).
 */
export const Redirects: CollectionConfig = {
  slug: 'redirects',
  labels: { singular: label('redirects:singular'), plural: label('redirects:plural') },
  admin: {
    useAsTitle: 'from',
    defaultColumns: ['from', 'to', 'origin', 'updatedAt'],
    listSearchableFields: ['from', 'to'],
    group: inLanguages('groups:content'),
    description: inLanguages('redirects:description'),
  },
  defaultSort: '-updatedAt',
  access: { read: isEditor, create: isEditor, update: isEditor, delete: isEditor },
  hooks: {
    beforeChange: [checkRedirect],
    afterChange: [collapseIntoRedirect],
    afterDelete: [refreshRemovedRedirect],
  },
  fields: [
    {
      name: 'from',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      label: label('redirects:from'),
      admin: { description: inLanguages('redirects:fromDescription') },
    },
    {
      // Optional: the page the redirect leads to; `to` is then its address (in the language of
      // the old address for sections and tags), and follows it when its address changes.
      name: 'toDocument',
      type: 'relationship',
      relationTo: ['articles', 'categories', 'tags'],
      label: label('redirects:toDocument'),
      admin: { description: inLanguages('redirects:toDocumentDescription') },
    },
    {
      // Required by the hook (a person may give `toDocument` instead): hooks/redirects.ts.
      name: 'to',
      type: 'text',
      index: true,
      label: label('redirects:to'),
      admin: { description: inLanguages('redirects:toDescription') },
    },
    {
      name: 'origin',
      type: 'select',
      required: true,
      defaultValue: 'manual',
      index: true,
      label: label('redirects:origin'),
      options: REDIRECT_ORIGINS.map((value) => ({
        value,
        label: label(`redirects:origins:${value}`),
      })),
      // Set by the server: `manual` for a person's row, `automatic`/`imported` by the system.
      access: { create: never, update: never },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'createdBy',
      type: 'relationship',
      relationTo: 'users',
      label: label('redirects:createdBy'),
      access: { create: never, update: never },
      admin: { position: 'sidebar', readOnly: true },
    },
  ],
  timestamps: true,
}
