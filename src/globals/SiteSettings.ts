import type { GlobalConfig } from 'payload'

import { anyone, isEditor } from '@/access/roles'
import { revalidateTags } from '@/cache/revalidate'
import { cacheTags } from '@/cache/tags'
import { inLanguages, label } from '@/i18n/admin'
import { validateUrl } from '@/lib/safeUrl'

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
  ],
}
