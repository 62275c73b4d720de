import type { Field, GlobalConfig } from 'payload'

import { anyone, isEditor } from '@/access/roles'
import { revalidateTags } from '@/cache/revalidate'
import { cacheTags } from '@/cache/tags'
import { validateMenuUrl } from '@/lib/safeUrl'

/** A menu entry: a section, a static page, or any URL; the label falls back to the target's name. */
const linkFields: Field[] = [
  {
    name: 'type',
    type: 'radio',
    defaultValue: 'category',
    options: [
      { label: 'Section', value: 'category' },
      { label: 'Page', value: 'page' },
      { label: 'URL', value: 'url' },
    ],
    admin: { layout: 'horizontal' },
  },
  {
    name: 'label',
    type: 'text',
    localized: true,
    admin: { description: "Leave empty to use the section's or page's own name." },
  },
  {
    name: 'category',
    type: 'relationship',
    relationTo: 'categories',
    admin: { condition: (_, sibling) => sibling?.type === 'category' },
  },
  {
    name: 'page',
    type: 'relationship',
    relationTo: 'pages',
    admin: { condition: (_, sibling) => sibling?.type === 'page' },
  },
  {
    name: 'url',
    type: 'text',
    validate: validateMenuUrl,
    admin: { condition: (_, sibling) => sibling?.type === 'url' },
  },
]

export const Navigation: GlobalConfig = {
  slug: 'navigation',
  admin: { group: 'Site' },
  access: { read: anyone, update: isEditor },
  hooks: {
    afterChange: [
      ({ doc, context }) =>
        revalidateTags([cacheTags.global('navigation')], context).then(() => doc),
    ],
  },
  fields: [
    {
      name: 'header',
      type: 'array',
      label: 'Header menu',
      fields: [
        ...linkFields,
        { name: 'children', type: 'array', label: 'Submenu', fields: linkFields },
      ],
    },
    { name: 'footer', type: 'array', label: 'Footer links', fields: linkFields },
  ],
}
