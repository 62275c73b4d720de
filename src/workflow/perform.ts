import { sql } from '@payloadcms/db-postgres'
import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'

import { revalidateTags } from '@/cache/revalidate'
import { drizzleFor } from '@/db/client'
import { refuse } from '@/lib/errors'
import { languageOf } from '@/lib/messages'
import { latestArticle } from '@/lib/relations'
import type { Article } from '@/payload-types'

import { workflowFacts } from './facts'
import { clearSanctionedTransition, sanctionTransition } from './hooks'
import { isLive } from './live'
import { checkTransition, stageOf, systemMayFire } from './rules'
import { TRANSITIONS, transitionOf, type TransitionName } from './table'

export type TransitionRequest = {
  id: number | string
  transition: string
  note?: string | null
  /** for `schedule`: when to publish */
  date?: string | null
}

export type SystemTransition = {
  /** the scheduler acts for nobody; the rules check only the stage */
  asSystem: true
  /** a last check under the row lock (the job is still due); false makes it a no-op */
  stillDue: (article: Article) => boolean
}

/**
 * Fires one transition of the workflow table on an article, for `req.user` or for the
 * scheduler, in one transaction: the article's row is locked, the rules are checked against the
 * latest version, the stage, `_status`, schedule and reviewer are written in one update, and the
 * hooks record the event and queue what follows. Returns the article, or null when a system
 * transition found nothing to do (already done, or no longer due). A refusal is an APIError
 * with a 4xx status, a message saying what is allowed from here in the requester's language,
 * and the message's code.
 */
export const performTransition = async (
  req: PayloadRequest,
  input: TransitionRequest,
  system?: SystemTransition,
): Promise<Article | null> => {
  const shouldCommit = await initTransaction(req)
  try {
    const id = Number(input.id)
    if (!Number.isInteger(id) || id <= 0) {
      throw refuse(req, 'access:notArticleId', 400, { id: String(input.id) })
    }
    const db = await drizzleFor(req)
    // Serialises transitions on one article: two editors, or two scheduler runs, take turns.
    await db.execute(sql`SELECT id FROM articles WHERE id = ${id} FOR UPDATE`)
    const article = await latestArticle(req, id)
    if (!article) throw refuse(req, 'access:noArticle', 404, { id })

    const name = input.transition as TransitionName
    if (system) {
      if (!systemMayFire(name, stageOf(article)) || !system.stillDue(article)) {
        if (shouldCommit) await commitTransaction(req)
        return null
      }
    } else {
      if (!req.user) throw refuse(req, 'workflow:logInToMove', 401)
      const facts = await workflowFacts(req, article)
      const check = checkTransition(req.user, facts, input.transition, input, languageOf(req))
      if (!check.ok) throw refuse(req, check.key, check.status, check.values)
    }

    const to = TRANSITIONS[name].to
    // On a live article, a transition of the pending draft over it saves that draft only.
    const overLive = Boolean(transitionOf(name).overLive) && (await isLive(req, id))
    const data: Partial<Article> = {
      stage: to,
      _status: to === 'published' ? 'published' : 'draft',
      scheduledAt: to === 'scheduled' && input.date ? new Date(input.date).toISOString() : null,
    }
    if (req.user && (name === 'approve' || name === 'request_changes')) data.reviewer = req.user.id

    // The scheduler acts outside any request: the tags its change expires are collected and
    // expired after the commit, not before it.
    if (system) {
      req.context.deferredTags = []
      req.context.deferredPaths = []
    }
    sanctionTransition(req, {
      id,
      name,
      note: input.note?.trim() || null,
      userId: system ? null : (req.user?.id ?? null),
    })
    try {
      const doc = await req.payload.update({
        collection: 'articles',
        id,
        data,
        req,
        draft: overLive,
        depth: 0,
        overrideAccess: true,
      })
      if (shouldCommit) await commitTransaction(req)
      if (system) {
        const { deferredTags: tags = [], deferredPaths: paths = [] } = req.context
        delete req.context.deferredTags
        delete req.context.deferredPaths
        await revalidateTags(tags, req.context, paths)
      }
      return doc
    } finally {
      clearSanctionedTransition(req)
      delete req.context.deferredTags
      delete req.context.deferredPaths
    }
  } catch (error) {
    if (shouldCommit) await killTransaction(req)
    throw error
  }
}
