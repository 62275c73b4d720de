import Link from 'next/link'
import type { PayloadRequest } from 'payload'

import { CancelScheduleButton } from './CancelScheduleButton'
import { mayCancel, type DeskCard } from './loadDesk'
import { LocalTime } from './LocalTime'
import type { Words } from '../admin/words'

/** The next 24 hours of scheduled publications, each with Cancel for those who may. */
export const DeskSchedule = ({
  upcoming,
  user,
  editURL,
  l,
}: {
  upcoming: DeskCard[]
  user: NonNullable<PayloadRequest['user']>
  editURL: (id: number | string) => string
  l: Words
}) => (
  <section className="desk-schedule" aria-labelledby="desk-next24">
    <h2 id="desk-next24" className="desk__subtitle">
      {l.t('desk:next24')}
    </h2>
    {upcoming.length === 0 ? (
      <p className="desk__empty">{l.t('desk:nothingScheduled')}</p>
    ) : (
      <ol className="desk-schedule__list">
        {upcoming.map((card) => (
          <li key={card.id} className="desk-schedule__item" data-id={card.id}>
            <span className="desk-schedule__time">
              {card.scheduledAt ? <LocalTime value={card.scheduledAt} short /> : null}
            </span>
            <Link className="desk-schedule__title" href={editURL(card.id)} prefetch={false}>
              {card.title || l.t('desk:untitled')}
            </Link>
            <span className="desk-card__lang">{card.language}</span>
            {mayCancel(user, card) ? (
              <CancelScheduleButton id={card.id} title={card.title || l.t('desk:untitled')} />
            ) : null}
          </li>
        ))}
      </ol>
    )}
  </section>
)
