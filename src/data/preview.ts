import { headers } from 'next/headers'

import type { Language } from '@/access/roles'
import { isStaffUser } from '@/access/roles'
import type { Article, User } from '@/payload-types'

import { detailPopulate, detailSelect, toDetail, type ArticleDetail } from './articles'
import { getPayloadClient } from './payload'

/** The logged-in newsroom user of this request (Payload session cookie), or null. */
export const getPreviewUser = async (): Promise<User | null> => {
  const payload = await getPayloadClient()
  const { user } = await payload.auth({ headers: await headers() })
  return user && isStaffUser(user) ? (user as User) : null
}

/**
 * Draft mode only: the newest version of an article (draft or published) as the logged-in user
 * may read it, with their access. Never cached; without a staff session, nothing.
 */
export const getDraftArticleBySlug = async (
  language: Language,
  slug: string,
): Promise<ArticleDetail | null> => {
  const user = await getPreviewUser()
  if (!user) return null
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: 'articles',
    draft: true,
    overrideAccess: false,
    user,
    where: { and: [{ language: { equals: language } }, { slug: { equals: slug } }] },
    limit: 1,
    pagination: false,
    depth: 1,
    locale: language,
    fallbackLocale: 'en',
    select: detailSelect,
    populate: detailPopulate,
  })
  return docs[0] ? toDetail(docs[0] as Article) : null
}
