import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  CollectionConfig,
} from 'payload'

import { isEditor, isEditorUser } from '@/access/roles'
import { expireLive } from '@/collections/LiveUpdates/cache'
import { systemDateField } from '@/fields/system'
import { inLanguages, label } from '@/i18n/admin'
import { refuse } from '@/lib/errors'
import { LIVE_STATUSES, liveIdOf as idOf } from '@/lib/live'
import type { LiveCoverage } from '@/payload-types'

const never = () => false

/**
 * Starting (create), ending and resuming (`status`) stamp the times and who started it; the
 * article is fixed once set, and must exist (a unique index keeps one coverage per article).
 */
const stampCoverage: CollectionBeforeChangeHook<LiveCoverage> = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const now = new Date().toISOString()
  if (operation === 'create') {
    const articleId = idOf(data.article)
    const found = articleId
      ? await req.payload.count({
          collection: 'articles',
          where: { id: { equals: articleId } },
          overrideAccess: true,
          req,
        })
      : { totalDocs: 0 }
    if (!articleId || found.totalDocs === 0) {
      throw refuse(req, 'live:unknownArticle', 404, { id: String(data.article ?? '') })
    }
    const existing = await req.payload.count({
      collection: 'live-coverages',
      where: { article: { equals: articleId } },
      overrideAccess: true,
      req,
    })
    if (existing.totalDocs > 0) throw refuse(req, 'live:alreadyLive', 409)
    return {
      ...data,
      status: data.status ?? 'live',
      // The demo newsroom's coverage keeps the time of its sample updates.
      startedAt: req.context.seeding && data.startedAt ? data.startedAt : now,
      endedAt: data.status === 'ended' ? now : null,
      startedBy: req.user?.id ?? null,
    }
  }
  if (data.article !== undefined && idOf(data.article) !== idOf(originalDoc?.article)) {
    throw refuse(req, 'live:otherArticle', 400)
  }
  const status = data.status ?? originalDoc?.status
  if (status === originalDoc?.status) return data
  return { ...data, endedAt: status === 'ended' ? now : null }
}

const expireCoverage: CollectionAfterChangeHook<LiveCoverage> = async ({ doc, req }) => {
  await expireLive(req, idOf(doc.article))
  return doc
}

const expireDeletedCoverage: CollectionAfterDeleteHook<LiveCoverage> = async ({ doc, req }) => {
  await expireLive(req, idOf(doc.article))
  return doc
}

/**
 * Whether an article is live coverage, since when, and when it ended: one small document per
 * article, outside the versioned article, so that starting or ending it never re-publishes the
 * article or makes a version. Editors and admins only, on every way in: live updates go straight
 * to readers without review, and writers (authors, translators) never publish. Readers see it
 * through the read layer only (`src/data/live.ts`), for published articles.
 */
export const LiveCoverages: CollectionConfig = {
  slug: 'live-coverages',
  labels: { singular: label('live:coverage'), plural: label('live:coverages') },
  admin: {
    useAsTitle: 'article',
    defaultColumns: ['article', 'status', 'startedAt', 'endedAt'],
    group: inLanguages('groups:newsroom'),
    hidden: ({ user }) => !isEditorUser(user as { roles?: string[] } | null),
  },
  defaultSort: '-startedAt',
  access: { read: isEditor, create: isEditor, update: isEditor, delete: isEditor },
  hooks: {
    beforeChange: [stampCoverage],
    afterChange: [expireCoverage],
    afterDelete: [expireDeletedCoverage],
  },
  fields: [
    {
      name: 'article',
      type: 'relationship',
      relationTo: 'articles',
      required: true,
      unique: true,
      index: true,
      label: label('live:article'),
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'live',
      index: true,
      label: label('live:status'),
      options: LIVE_STATUSES.map((status) => ({
        label: label(`live:statuses:${status}`),
        value: status,
      })),
    },
    systemDateField('startedAt', 'live:startedAt'),
    systemDateField('endedAt', 'live:endedAt'),
    {
      name: 'startedBy',
      type: 'relationship',
      relationTo: 'users',
      label: label('live:startedBy'),
      access: { create: never, update: never },
      admin: { position: 'sidebar', readOnly: true },
    },
  ],
  timestamps: true,
}
