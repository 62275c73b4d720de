import type { Access, FieldAccess, PayloadRequest } from 'payload'

export const ROLES = ['admin', 'editor', 'author', 'translator'] as const
export type Role = (typeof ROLES)[number]

type MaybeUser = { roles?: (Role | string)[] | null } | null | undefined

/** The one predicate every access rule is built from. */
export const hasRole = (user: MaybeUser, ...roles: Role[]): boolean =>
  Boolean(user?.roles?.some((role) => (roles as string[]).includes(role)))

/** Anyone who works in the newsroom (any role). */
export const isStaffUser = (user: MaybeUser): boolean => hasRole(user, ...ROLES)

/** Editors and admins: may edit any content. */
export const isEditorUser = (user: MaybeUser): boolean => hasRole(user, 'admin', 'editor')

type Args = { req: PayloadRequest }

export const isAdmin: Access = ({ req }: Args) => hasRole(req.user, 'admin')
export const isAdminField: FieldAccess = ({ req }) => hasRole(req.user, 'admin')

export const isEditor: Access = ({ req }: Args) => isEditorUser(req.user)
export const isEditorField: FieldAccess = ({ req }) => isEditorUser(req.user)

export const isStaff: Access = ({ req }: Args) => isStaffUser(req.user)
export const isStaffField: FieldAccess = ({ req }) => isStaffUser(req.user)

export const anyone: Access = () => true
