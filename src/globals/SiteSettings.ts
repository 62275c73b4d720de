import type { GlobalConfig } from 'payload'

import { anyone, isEditor } from '@/access/roles'
import { revalidateTags } from '@/cache/revalidate'
import { cacheTags } from '@/cache/tags'
import { adminText, inLanguages, label } from '@/i18n/admin'
import { fill } from '@/lib/dictionary'
import { languageOf } from '@/lib/messages'
import { validateUrl } from '@/lib/safeUrl'

/** An IANA time zone this server's Intl knows (the digest's clock). */
const validateTimeZone = (value: unknown, { req }: { req: { i18n?: { language?: string } } }) => {
  if (value === null || value === undefined || value === '') return true
  try {
    new Intl.DateTimeFormat('en', { timeZone: String(value) })
    return true
  } catch {
    return fill(adminText(languageOf(req), 'newsletter:settings:badTimeZone'), {
      zone: String(value),
    })
  }
}

export const SiteSettings: GlobalConfig = {
  slug: 'site-settings',
  label: label('siteSettings:label'),
  admin: { group: inLanguages('groups:site') },
  access: { read: anyone, update: isEditor },
  hooks: {
    afterChange: [
      ({ doc, context }) =>
        revalidateTags([cacheTags.global('site-settings')], context).then(() => doc),
    ],
  },
  fields: [
    {
      name: 'siteName',
      type: 'text',
      required: true,
      defaultValue: 'Caspian Digest',
      label: label('siteSettings:siteName'),
    },
    { name: 'tagline', type: 'text', localized: true, label: label('siteSettings:tagline') },
    {
      name: 'about',
      type: 'textarea',
      localized: true,
      label: label('siteSettings:about'),
      admin: { description: inLanguages('siteSettings:aboutDescription') },
    },
    { name: 'contactEmail', type: 'email', label: label('siteSettings:contactEmail') },
    {
      name: 'social',
      type: 'array',
      label: label('siteSettings:social'),
      labels: { singular: label('siteSettings:socialLink'), plural: label('siteSettings:social') },
      fields: [
        {
          name: 'platform',
          type: 'select',
          required: true,
          label: label('siteSettings:platform'),
          // Brand names: the same in every language.
          options: ['facebook', 'x', 'instagram', 'youtube', 'telegram', 'linkedin'].map((p) => ({
            label: p === 'x' ? 'X' : p[0].toUpperCase() + p.slice(1),
            value: p,
          })),
        },
        {
          name: 'url',
          type: 'text',
          required: true,
          label: label('common:url'),
          validate: validateUrl,
        },
      ],
    },
    // The daily newsletter digest's send time (src/collections/Subscribers/digest.ts).
    {
      type: 'collapsible',
      label: label('newsletter:settings:tab'),
      fields: [
        {
          name: 'digestHour',
          type: 'number',
          min: 0,
          max: 23,
          defaultValue: 7,
          required: true,
          label: label('newsletter:settings:digestHour'),
          admin: {
            step: 1,
            description: inLanguages('newsletter:settings:digestHourDescription'),
          },
        },
        {
          name: 'digestTimeZone',
          type: 'text',
          defaultValue: 'Asia/Baku',
          required: true,
          maxLength: 64,
          label: label('newsletter:settings:digestTimeZone'),
          validate: validateTimeZone,
          admin: { description: inLanguages('newsletter:settings:digestTimeZoneDescription') },
        },
      ],
    },
  ],
}
