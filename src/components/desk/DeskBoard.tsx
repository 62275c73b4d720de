import Link from 'next/link'

import { embargoActive } from '@/lib/embargo'
import type { Stage } from '@/workflow'

import { nameOf, type DeskCard, type DeskColumn } from './loadDesk'
import { LocalTime } from './LocalTime'
import { StageBadge } from '../admin/StageBadge'
import type { Words } from '../admin/words'
import { EmbargoMark } from '../embargo/EmbargoMark'

/** One article on the board: title, language, needs-update mark, section, assignee, time. */
const Card = ({
  card,
  stage,
  editURL,
  l,
}: {
  card: DeskCard
  stage: Stage
  editURL: (id: number | string) => string
  l: Words
}) => (
  <li className="desk-card" data-id={card.id}>
    <Link className="desk-card__title" href={editURL(card.id)} prefetch={false}>
      {card.title || l.t('desk:untitled')}
    </Link>
    <div className="desk-card__meta">
      <span className="desk-card__lang">{card.language}</span>
      {card.needsUpdate ? (
        <span className="desk-card__flag" title={l.t('desk:needsUpdateTitle')}>
          {l.t('desk:needsUpdate')}
        </span>
      ) : null}
      {nameOf(card.category) ? (
        <span className="desk-card__section">{nameOf(card.category)}</span>
      ) : null}
    </div>
    <div className="desk-card__meta">
      <span className="desk-card__who" title={l.t('desk:assignee')}>
        {nameOf(card.assignee) ?? ''}
      </span>
      {stage === 'scheduled' && card.scheduledAt ? (
        <LocalTime value={card.scheduledAt} short title={l.t('desk:publishAt')} />
      ) : card.updatedAt ? (
        <LocalTime value={card.updatedAt} short title={l.t('desk:updated')} />
      ) : null}
    </div>
    {card.embargoUntil && embargoActive(card.embargoUntil) ? (
      <EmbargoMark until={card.embargoUntil} />
    ) : null}
  </li>
)

/** The columns by stage; a full column links to the list view for the rest. */
export const DeskBoard = ({
  columns,
  editURL,
  listURL,
  l,
}: {
  columns: DeskColumn[]
  editURL: (id: number | string) => string
  listURL: (stage: Stage) => string
  l: Words
}) => (
  <div className="desk-board">
    {columns.map(({ stage, cards, totalDocs }) => {
      const more = totalDocs - cards.length
      return (
        <section key={stage} className="desk-column" data-stage={stage}>
          <h2 className="desk-column__head">
            <StageBadge stage={stage} label={l.stage(stage)} size="small" />
            <span className="desk-column__count">{totalDocs}</span>
          </h2>
          {cards.length ? (
            <ul className="desk-column__cards">
              {cards.map((card) => (
                <Card key={card.id} card={card} stage={stage} editURL={editURL} l={l} />
              ))}
            </ul>
          ) : (
            <p className="desk__empty">{l.t('desk:empty')}</p>
          )}
          {more > 0 ? (
            <Link className="desk-column__more" href={listURL(stage)} prefetch={false}>
              {l.t('desk:more', { count: more })}
            </Link>
          ) : null}
        </section>
      )
    })}
  </div>
)
