import type { CollectionBeforeChangeHook, CollectionConfig, FieldHook } from 'payload'

import { isEditor, isEditorField } from '@/access/roles'
import { addressHashField, systemDateField } from '@/fields/system'
import { inLanguages, label } from '@/i18n/admin'
import { refuse } from '@/lib/errors'
import { CONTENT_LANGUAGE_OPTIONS } from '@/lib/languages'
import type { Subscriber } from '@/payload-types'

import { SUBSCRIBER_LIMITS, SUBSCRIBER_STATUSES } from './constants'
import { subscriberEndpoints } from './endpoints'

const never = () => false

/** Addresses are kept lower-cased: one row per mailbox however the reader typed it. */
const lowerCaseEmail: FieldHook<Subscriber, string | null | undefined> = ({ value }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value

/**
 * Readers confirm and unsubscribe through the public endpoints (which write with
 * `overrideAccess`); a person in the admin may only mark a subscriber unsubscribed.
 */
const onlyUnsubscribeByHand: CollectionBeforeChangeHook<Subscriber> = ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  if (operation !== 'update' || !req.user || !data.status) return data
  if (data.status === originalDoc?.status) return data
  if (data.status !== 'unsubscribed') throw refuse(req, 'newsletter:onlyUnsubscribe', 403)
  return { ...data, unsubscribedAt: new Date().toISOString() }
}

/**
 * Newsletter subscribers (double opt-in). Nobody but editors reads this collection through any
 * API, and no one creates through Payload's create: readers subscribe through
 * `POST /api/subscribers/subscribe` (endpoints.ts). The confirmation token is kept only as its
 * hash, readable by no one.
 */
export const Subscribers: CollectionConfig = {
  slug: 'subscribers',
  labels: { singular: label('newsletter:singular'), plural: label('newsletter:plural') },
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['email', 'status', 'language', 'sections', 'allSections', 'confirmedAt'],
    listSearchableFields: ['email'],
    group: inLanguages('groups:newsroom'),
  },
  defaultSort: '-createdAt',
  access: {
    read: isEditor,
    create: never,
    update: isEditor,
    delete: isEditor,
  },
  endpoints: subscriberEndpoints,
  hooks: { beforeChange: [onlyUnsubscribeByHand] },
  fields: [
    {
      name: 'email',
      type: 'email',
      required: true,
      unique: true,
      index: true,
      label: label('newsletter:email'),
      access: { read: isEditorField, update: never },
      hooks: { beforeValidate: [lowerCaseEmail] },
    },
    {
      name: 'language',
      type: 'select',
      required: true,
      index: true,
      label: label('newsletter:language'),
      options: CONTENT_LANGUAGE_OPTIONS,
      access: { update: never },
    },
    {
      name: 'sections',
      type: 'relationship',
      relationTo: 'categories',
      hasMany: true,
      maxRows: SUBSCRIBER_LIMITS.sections,
      label: label('newsletter:sections'),
      access: { update: never },
    },
    {
      name: 'allSections',
      type: 'checkbox',
      defaultValue: false,
      label: label('newsletter:allSections'),
      access: { update: never },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      index: true,
      defaultValue: 'pending',
      label: label('newsletter:status'),
      options: SUBSCRIBER_STATUSES.map((status) => ({
        label: label(`newsletter:statuses:${status}`),
        value: status,
      })),
      admin: { position: 'sidebar', description: inLanguages('newsletter:statusDescription') },
    },
    systemDateField('confirmedAt', 'newsletter:confirmedAt'),
    systemDateField('unsubscribedAt', 'newsletter:unsubscribedAt'),
    addressHashField('newsletter:ipHash', 'newsletter:ipHashDescription'),
    // The confirmation link's token, as its SHA-256 (the token itself only ever in the email),
    // and when it stops working. Readable by no one, written by the endpoints only.
    {
      name: 'confirmTokenHash',
      type: 'text',
      index: true,
      access: { read: never, create: never, update: never },
      admin: { hidden: true },
    },
    {
      name: 'confirmExpiresAt',
      type: 'date',
      access: { read: never, create: never, update: never },
      admin: { hidden: true },
    },
  ],
  timestamps: true,
}
