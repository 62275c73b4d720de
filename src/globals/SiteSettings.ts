import type { GlobalConfig } from 'payload'

import { anyone, isEditor } from '@/access/roles'
import { revalidateTags } from '@/cache/revalidate'
import { cacheTags } from '@/cache/tags'
import { validateUrl } from '@/lib/safeUrl'

export const SiteSettings: GlobalConfig = {
  slug: 'site-settings',
  label: 'Site settings',
  admin: { group: 'Site' },
  access: { read: anyone, update: isEditor },
  hooks: {
    afterChange: [
      ({ doc, context }) =>
        revalidateTags([cacheTags.global('site-settings')], context).then(() => doc),
    ],
  },
  fields: [
    { name: 'siteName', type: 'text', required: true, defaultValue: 'Caspian Digest' },
    { name: 'tagline', type: 'text', localized: true },
    {
      name: 'about',
      type: 'textarea',
      localized: true,
      admin: { description: 'Shown in the footer.' },
    },
    { name: 'contactEmail', type: 'email' },
    {
      name: 'social',
      type: 'array',
      label: 'Social links',
      fields: [
        {
          name: 'platform',
          type: 'select',
          required: true,
          options: ['facebook', 'x', 'instagram', 'youtube', 'telegram', 'linkedin'].map((p) => ({
            label: p === 'x' ? 'X' : p[0].toUpperCase() + p.slice(1),
            value: p,
          })),
        },
        { name: 'url', type: 'text', required: true, validate: validateUrl },
      ],
    },
  ],
}
