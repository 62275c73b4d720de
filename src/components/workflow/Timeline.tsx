import type { TimelineEvent } from '@/workflow/api'

import { StageBadge } from '../admin/StageBadge'
import type { Words } from '../admin/words'
import { EmbargoEventKind } from '../embargo/EmbargoMark'

/** An article's editorial timeline, newest first: who, when, from → to, and the note. */
export const Timeline = ({ events, l }: { events: TimelineEvent[]; l: Words }) => {
  if (!events.length) return <p className="wf-panel__hint">{l.t('workflow:noEvents')}</p>
  const newestFirst = [...events].sort(
    (a, b) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime(),
  )
  return (
    <ol className="wf-timeline">
      {newestFirst.map((event) => (
        <li key={event.id} className={`wf-timeline__event wf-timeline__event--${event.kind}`}>
          <div className="wf-timeline__what">
            <strong className="wf-timeline__who">
              {event.user?.name ?? l.t('workflow:system')}
            </strong>
            <span className="wf-timeline__action">
              {event.kind === 'note' ? (
                l.t('workflow:kindNote')
              ) : event.kind === 'restore' ? (
                l.t('workflow:kindRestore')
              ) : event.kind === 'embargo' ? (
                <EmbargoEventKind />
              ) : event.transition ? (
                l.transition(event.transition)
              ) : (
                ''
              )}
            </span>
          </div>
          {event.kind === 'transition' && (event.from || event.to) ? (
            <div className="wf-timeline__stages">
              <StageBadge stage={event.from} label={l.stage(event.from)} size="small" />
              <span aria-hidden="true">→</span>
              <StageBadge stage={event.to} label={l.stage(event.to)} size="small" />
            </div>
          ) : null}
          {event.note ? <p className="wf-timeline__note">{event.note}</p> : null}
          <time className="wf-timeline__when" dateTime={event.createdAt}>
            {l.dateTime(event.createdAt)}
          </time>
        </li>
      ))}
    </ol>
  )
}
