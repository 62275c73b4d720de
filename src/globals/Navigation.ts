import type { Field, GlobalConfig } from 'payload'

import { anyone, isEditor } from '@/access/roles'
import { revalidateTags } from '@/cache/revalidate'
import { cacheTags } from '@/cache/tags'
import { inLanguages, label } from '@/i18n/admin'
import { validateMenuUrl } from '@/lib/safeUrl'

/** A menu entry: a section, a static page, or any URL; the label falls back to the target's name. */
const MENU_ITEMS = { singular: label('navigation:item'), plural: label('navigation:items') }

const linkFields: Field[] = [
  {
    name: 'type',
    type: 'radio',
    defaultValue: 'category',
    label: label('navigation:type'),
    options: [
      { label: label('navigation:typeSection'), value: 'category' },
      { label: label('navigation:typePage'), value: 'page' },
      { label: label('navigation:typeUrl'), value: 'url' },
    ],
    admin: { layout: 'horizontal' },
  },
  {
    name: 'label',
    type: 'text',
    localized: true,
    label: label('navigation:menuText'),
    admin: { description: inLanguages('navigation:labelDescription') },
  },
  {
    name: 'category',
    type: 'relationship',
    relationTo: 'categories',
    label: label('common:section'),
    admin: { condition: (_, sibling) => sibling?.type === 'category' },
  },
  {
    name: 'page',
    type: 'relationship',
    relationTo: 'pages',
    label: label('navigation:page'),
    admin: { condition: (_, sibling) => sibling?.type === 'page' },
  },
  {
    name: 'url',
    type: 'text',
    label: label('common:url'),
    validate: validateMenuUrl,
    admin: { condition: (_, sibling) => sibling?.type === 'url' },
  },
]

export const Navigation: GlobalConfig = {
  slug: 'navigation',
  label: label('navigation:label'),
  admin: { group: inLanguages('groups:site') },
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
      label: label('navigation:header'),
      labels: MENU_ITEMS,
      fields: [
        ...linkFields,
        {
          name: 'children',
          type: 'array',
          label: label('navigation:children'),
          labels: MENU_ITEMS,
          fields: linkFields,
        },
      ],
    },
    {
      name: 'footer',
      type: 'array',
      label: label('navigation:footer'),
      labels: MENU_ITEMS,
      fields: linkFields,
    },
  ],
}
