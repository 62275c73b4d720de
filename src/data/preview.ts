import 'server-only'

import { headers } from 'next/headers'
import { executeAuthStrategies } from 'payload'
import { cache } from 'react'

import { isStaffUser } from '@/access/roles'
import type { Language } from '@/lib/languages'
import type { User } from '@/payload-types'

import { findArticleDetail, type ArticleDetail } from './articles'
import { getPayloadClient } from './payload'

/**
 * The logged-in newsroom user of this request (Payload session cookie), or null; once per
 * render (the page and its metadata both ask). Only the user: `payload.auth` would also work out
 * the permissions of every collection, which preview never reads.
 */
export const getPreviewUser = cache(async (): Promise<User | null> => {
  const payload = await getPayloadClient()
  const { user } = await executeAuthStrategies({ headers: await headers(), payload })
  return user && isStaffUser(user) ? (user as User) : null
})

/**
 * Draft mode only: the newest version of an article (draft or published) as the logged-in user
 * may read it, with their access. Never cached; without a staff session, nothing.
 */
export const getDraftArticleBySlug = async (args: {
  language: Language
  slug: string
}): Promise<ArticleDetail | null> => {
  const user = await getPreviewUser()
  if (!user) return null
  return findArticleDetail(args, { draft: true, overrideAccess: false, user })
}
