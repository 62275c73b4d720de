import { createLocalReq, type Payload } from 'payload'

import type { Article, User } from '@/payload-types'
import type { Stage } from '@/workflow'
import { performTransition, type TransitionRequest } from '@/workflow/perform'

import { createArticle } from './fixtures'

/** A request made for `user`, as the REST endpoint builds one for a logged-in person. */
export const requestFor = (payload: Payload, user: User | null) =>
  createLocalReq({ user: user ? { ...user, collection: 'users' } : undefined }, payload)

/** Fires a transition for `user` through the same function the REST endpoint calls. */
export const fire = async (
  payload: Payload,
  user: User,
  id: number,
  transition: string,
  input: Omit<TransitionRequest, 'id' | 'transition'> = {},
) => performTransition(await requestFor(payload, user), { id, transition, ...input })

/**
 * An article placed directly in a stage by the system (as an import would), owned by `owner`.
 * A scheduled one is due in a day.
 */
export const articleIn = async (
  payload: Payload,
  stage: Stage,
  fields: Partial<Article> & { createdBy?: number } = {},
): Promise<Article> =>
  createArticle(payload, {
    ...fields,
    stage,
    status: stage === 'published' ? 'published' : 'draft',
    ...(stage === 'scheduled'
      ? { scheduledAt: new Date(Date.now() + 86_400_000).toISOString() }
      : {}),
  })

/** The article's latest version (drafts included), read by the system. */
export const latest = (payload: Payload, id: number) =>
  payload.findByID({ collection: 'articles', id, draft: true, depth: 0 })

/** The timeline of one article, oldest first. */
export const timelineOf = async (payload: Payload, id: number) =>
  (
    await payload.find({
      collection: 'editorial-events',
      where: { article: { equals: id } },
      sort: 'createdAt',
      depth: 0,
      limit: 100,
    })
  ).docs

/** Runs the workflow's jobs queue once, as the app's cron would. */
export const runQueue = (payload: Payload) => payload.jobs.run({ queue: 'workflow', limit: 100 })
