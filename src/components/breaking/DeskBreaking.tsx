import Link from 'next/link'
import type { PayloadRequest } from 'payload'

import { isEditorUser } from '@/access/roles'
import { BREAKING_SLUG } from '@/lib/breaking'

import { LocalTime } from '../desk/LocalTime'
import './breaking.css'

type Translate = (key: string, values?: Record<string, unknown>) => string

/**
 * The desk's breaking-news strip, for editors: the articles marked now, each with its language
 * and when its mark runs out, newest mark first. Read as the signed-in person (the marks are
 * editors' only); nothing is shown when nothing is marked.
 */
export const DeskBreaking = async ({
  req,
  editURL,
}: {
  req: PayloadRequest
  editURL: (id: number | string) => string
}) => {
  if (!req.user || !isEditorUser(req.user)) return null
  const { docs } = await req.payload.find({
    collection: BREAKING_SLUG,
    user: req.user,
    overrideAccess: false,
    where: { expiresAt: { greater_than: new Date().toISOString() } },
    sort: '-createdAt',
    limit: 20,
    depth: 1,
    populate: { articles: { title: true, language: true } },
  })
  const marks = docs.flatMap((doc) =>
    doc.article && typeof doc.article === 'object' && doc.expiresAt
      ? [{ id: doc.id, article: doc.article, expiresAt: doc.expiresAt }]
      : [],
  )
  if (marks.length === 0) return null
  const t = req.i18n.t as unknown as Translate
  return (
    <section className="desk-breaking" aria-labelledby="desk-breaking" data-testid="desk-breaking">
      <h2 id="desk-breaking" className="desk__subtitle">
        {t('custom:breaking:plural')}
      </h2>
      <ul className="desk-breaking__list">
        {marks.map(({ id, article, expiresAt }) => (
          <li key={id} className="desk-breaking__item" data-id={article.id}>
            <Link href={editURL(article.id)} prefetch={false}>
              {article.title}
            </Link>{' '}
            <span className="desk-card__lang">{article.language}</span>{' '}
            <LocalTime value={expiresAt} short title={t('custom:breaking:expiresAt')} />
          </li>
        ))}
      </ul>
    </section>
  )
}
