import type { CollectionConfig } from 'payload'

import { isAdmin, isAdminField, isStaff, ROLES, type Role } from '@/access/roles'
import { inLanguages, label, type AdminKey } from '@/i18n/admin'
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGE_OPTIONS } from '@/lib/languages'
import { sessionCookieSecure } from '@/lib/origins'

import { canUpdateUser } from './access'
import { applyAdminLanguageOnLogin, applyAdminLanguageOnSave } from './hooks/adminLanguageCookie'
import { makeFirstUserAdmin } from './hooks/makeFirstUserAdmin'

const ONE_DAY = 60 * 60 * 24

const ROLE_KEYS = {
  admin: 'users:roleAdmin',
  editor: 'users:roleEditor',
  author: 'users:roleAuthor',
  translator: 'users:roleTranslator',
} as const satisfies Record<Role, AdminKey>

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: label('users:singular'), plural: label('users:plural') },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'roles', 'languages'],
    group: inLanguages('groups:newsroom'),
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
    afterChange: [applyAdminLanguageOnSave],
    afterLogin: [applyAdminLanguageOnLogin],
  },
  fields: [
    { name: 'name', type: 'text', required: true, label: label('common:name') },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      saveToJWT: true,
      defaultValue: ['author'],
      label: label('users:roles'),
      options: ROLES.map((role) => ({ label: label(ROLE_KEYS[role]), value: role })),
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
      label: label('users:languages'),
      // Each language by its own name, the same in every admin language (src/lib/languages.ts).
      options: LANGUAGE_OPTIONS,
      access: { create: isAdminField, update: isAdminField },
      admin: {
        position: 'sidebar',
        description: inLanguages('users:languagesDescription'),
      },
    },
    {
      // The admin language: the admin opens in it at login (hooks/adminLanguageCookie.ts sets
      // the language cookie, src/components/account/AdminLanguageSync.tsx re-renders the admin),
      // and notification emails are written in it. Payload's language switch on the account
      // page stores its choice here (AdminLanguageSync); a change saved here switches the admin
      // (AdminLanguageField).
      name: 'language',
      type: 'select',
      // English unless chosen. Set by a hook rather than `defaultValue`, which would make the
      // field required in the generated types (and every user creation name it).
      hooks: { beforeChange: [({ value }) => (isLanguage(value) ? value : DEFAULT_LANGUAGE)] },
      label: label('users:language'),
      // Each language by its own name, as in Payload's language switch.
      options: LANGUAGE_OPTIONS,
      admin: {
        description: inLanguages('users:languageDescription'),
        components: { Field: '@/components/account/AdminLanguageField#AdminLanguageField' },
      },
    },
    {
      name: 'author',
      type: 'relationship',
      relationTo: 'authors',
      label: label('users:author'),
      admin: { description: inLanguages('users:authorDescription') },
    },
  ],
}
