import type { CollectionConfig } from 'payload'

import { isAdmin, isAdminField, isStaff, ROLES } from '@/access/roles'
import { LANGUAGES } from '@/lib/languages'
import { sessionCookieSecure } from '@/lib/origins'

import { canUpdateUser } from './access'
import { makeFirstUserAdmin } from './hooks/makeFirstUserAdmin'

const ONE_DAY = 60 * 60 * 24

export const Users: CollectionConfig = {
  slug: 'users',
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'roles', 'languages'],
    group: 'Newsroom',
  },
  auth: {
    tokenExpiration: ONE_DAY,
    maxLoginAttempts: 5,
    lockTime: 15 * 60 * 1000,
    cookies: {
      sameSite: 'Lax',
      // https, or production on a host other than this machine (src/lib/origins.ts).
      secure: sessionCookieSecure(),
    },
  },
  access: {
    // Staff see each other (assignees, reviewers); hashes and tokens are never returned by Payload.
    read: isStaff,
    create: isAdmin,
    update: canUpdateUser,
    delete: isAdmin,
    unlock: isAdmin,
  },
  hooks: {
    beforeChange: [makeFirstUserAdmin],
  },
  fields: [
    { name: 'name', type: 'text', required: true },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      saveToJWT: true,
      defaultValue: ['author'],
      options: ROLES.map((role) => ({ label: role[0].toUpperCase() + role.slice(1), value: role })),
      access: {
        // Only admins hand out roles; nobody raises their own.
        create: isAdminField,
        update: isAdminField,
      },
      admin: { position: 'sidebar' },
    },
    {
      name: 'languages',
      type: 'select',
      hasMany: true,
      saveToJWT: true,
      options: LANGUAGES.map((language) => ({ label: language.toUpperCase(), value: language })),
      access: { create: isAdminField, update: isAdminField },
      admin: {
        position: 'sidebar',
        description: 'Languages this person writes and translates in.',
      },
    },
    {
      name: 'author',
      type: 'relationship',
      relationTo: 'authors',
      admin: { description: 'The public byline this person writes under.' },
    },
  ],
}
