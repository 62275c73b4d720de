import 'server-only'

import type { Language } from '@/lib/languages'
import { isLanguage } from '@/lib/languages'
import { verifyLink } from '@/lib/signedLinks'

import { getPayloadClient } from './payload'

/** The purpose the manage links are signed for (src/collections/Subscribers/constants.ts). */
const MANAGE_LINK_PURPOSE = 'newsletter:manage'

export type Subscription = {
  language: Language
  allSections: boolean
  sections: number[]
  status: 'pending' | 'subscribed' | 'unsubscribed'
  /** the address, mostly hidden: `r•••@example.org` */
  email: string
}

const masked = (email: string) => {
  const [name, domain] = email.split('@')
  return `${name.slice(0, 1)}•••@${domain ?? ''}`
}

/**
 * The subscription a signed manage link opens (the manage page), or null when the link is not
 * valid or the subscriber is gone. Not cached: one reader's, read on each request.
 */
export const getSubscription = async (token: unknown): Promise<Subscription | null> => {
  const verified = verifyLink(MANAGE_LINK_PURPOSE, token)
  const id = verified.ok ? Number(verified.data.id) : NaN
  if (!Number.isInteger(id) || id <= 0) return null
  const payload = await getPayloadClient()
  const doc = await payload.findByID({
    collection: 'subscribers',
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    select: { email: true, language: true, allSections: true, sections: true, status: true },
  })
  if (!doc) return null
  return {
    language: isLanguage(doc.language) ? doc.language : 'en',
    allSections: doc.allSections === true,
    sections: (doc.sections ?? []).map((s) => (typeof s === 'number' ? s : s.id)),
    status: doc.status,
    email: masked(doc.email),
  }
}
