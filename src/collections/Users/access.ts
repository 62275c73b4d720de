import type { Access } from 'payload'

import { hasRole } from '@/access/roles'

/** Admins update anyone; everyone else only their own profile (role fields stay admin-only). */
export const canUpdateUser: Access = ({ req }) => {
  if (!req.user) return false
  if (hasRole(req.user, 'admin')) return true
  return { id: { equals: req.user.id } }
}
