'use client'

import { toast, useConfig, useTranslation } from '@payloadcms/ui'
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useState, useTransition, type DragEvent, type FormEvent } from 'react'

import { isDayKey, moveToDay } from '@/lib/planning'

import { moveItem } from './api'
import type { PlanningItem } from './loadPlanning'
import { planningWordsOf, type PlanningWords } from './words'
import { failureMessage } from '../admin/adminFetch'
import { StageBadge } from '../admin/StageBadge'

/** A day of the grid, with its labels made on the server (Intl, in the admin's language). */
export type CalendarDay = {
  key: string
  /** "Mon 24" / "B.e. 24" */
  label: string
  /** the day in full, for screen readers and the toast */
  longLabel: string
  /** outside the month of a month view */
  outside: boolean
  today: boolean
  past: boolean
}

/** An item as the grid shows it: `time` is its time of day in the newsroom's time zone. */
export type CalendarItem = PlanningItem & { time: string; stageLabel: string; href: string }

const DRAG_TYPE = 'application/x-planning-item'

/** The keyboard way to move an item: a date field and a button. */
const MoveTo = ({
  item,
  w,
  busy,
  onMove,
}: {
  item: CalendarItem
  w: PlanningWords
  busy: boolean
  onMove: (item: CalendarItem, day: string) => void
}) => {
  const [open, setOpen] = useState(false)
  const [day, setDay] = useState(item.day)
  const title = item.title || w('untitled')
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (isDayKey(day)) onMove(item, day)
  }
  if (!open) {
    return (
      <button
        type="button"
        className="planning-item__move"
        aria-label={w('moveToDay', { title })}
        onClick={() => setOpen(true)}
      >
        {w('moveTo')}
      </button>
    )
  }
  return (
    <form className="planning-item__form" onSubmit={submit} noValidate>
      <label>
        <span className="planning-sr">{w('moveToDay', { title })}</span>
        <input
          type="date"
          name="day"
          value={day}
          autoFocus
          onChange={(event) => setDay(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setOpen(false)
          }}
        />
      </label>
      <button type="submit" disabled={busy || !isDayKey(day)}>
        {busy ? w('moving') : w('move')}
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        {w('cancel')}
      </button>
    </form>
  )
}

const Item = ({
  item,
  w,
  busy,
  onMove,
}: {
  item: CalendarItem
  w: PlanningWords
  busy: boolean
  onMove: (item: CalendarItem, day: string) => void
}) => (
  <li
    className={`planning-item planning-item--${item.kind}`}
    data-id={item.id}
    data-kind={item.kind}
    data-at={item.at}
    draggable={item.movable && !busy}
    onDragStart={(event: DragEvent) => {
      event.dataTransfer.setData(DRAG_TYPE, String(item.id))
      event.dataTransfer.setData('text/plain', String(item.id))
      event.dataTransfer.effectAllowed = 'move'
    }}
  >
    <div className="planning-item__head">
      <time className="planning-item__time" dateTime={item.at}>
        {item.time}
      </time>
      <span className="planning-item__kind">
        {item.kind === 'scheduled' ? w('kindScheduled') : w('kindPlanned')}
      </span>
      <span className="planning-item__lang">{item.language}</span>
    </div>
    <Link className="planning-item__title" href={item.href} prefetch={false} draggable={false}>
      {item.title || w('untitled')}
    </Link>
    <div className="planning-item__meta">
      <StageBadge stage={item.stage} label={item.stageLabel} size="small" />
      {item.section ? <span className="planning-item__section">{item.section}</span> : null}
      <span className="planning-item__who" title={w('assignee')}>
        {item.assignee ?? w('nobody')}
      </span>
    </div>
    {item.movable ? <MoveTo item={item} w={w} busy={busy} onMove={onMove} /> : null}
  </li>
)

/**
 * The week or month grid: each day's items, dragged to another day or moved with "Move to…";
 * either keeps the time of day (in the newsroom's time zone) and goes through the server's
 * rules (src/components/planning/api.ts). A refusal is shown above the grid and as a toast, in
 * the server's words; the grid is read again after every move.
 */
export const PlanningCalendar = ({
  view,
  days,
  items,
  timeZone,
}: {
  view: 'week' | 'month'
  days: CalendarDay[]
  items: CalendarItem[]
  timeZone: string
}) => {
  const { t } = useTranslation()
  const w = planningWordsOf(t)
  const router = useRouter()
  const {
    config: {
      routes: { api: apiRoute },
    },
  } = useConfig()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [over, setOver] = useState<string | null>(null)
  const [, startTransition] = useTransition()

  const move = async (item: CalendarItem, day: string) => {
    if (day === item.day) return
    setBusy(true)
    setError(null)
    try {
      await moveItem(apiRoute, item, moveToDay(item.at, day, timeZone).toISOString())
      const label = days.find((one) => one.key === day)?.longLabel ?? day
      toast.success(w('moved', { title: item.title || w('untitled'), day: label }))
      startTransition(() => router.refresh())
    } catch (err) {
      const text = failureMessage(err, w('failed'))
      setError(text)
      toast.error(text)
    } finally {
      setBusy(false)
    }
  }

  const byDay = new Map<string, CalendarItem[]>()
  for (const item of items) byDay.set(item.day, [...(byDay.get(item.day) ?? []), item])

  const drop = (day: string) => (event: DragEvent) => {
    event.preventDefault()
    setOver(null)
    const id = Number(
      event.dataTransfer.getData(DRAG_TYPE) || event.dataTransfer.getData('text/plain'),
    )
    const item = items.find((one) => one.id === id)
    if (item?.movable) void move(item, day)
  }

  return (
    <div className={`planning-calendar planning-calendar--${view}`} aria-busy={busy}>
      <p className="planning-calendar__error" role="alert" data-testid="planning-error">
        {error ?? ''}
      </p>
      <ol className="planning-grid">
        {days.map((day) => (
          <li
            key={day.key}
            className={[
              'planning-day',
              day.outside ? 'planning-day--outside' : '',
              day.today ? 'planning-day--today' : '',
              day.past ? 'planning-day--past' : '',
              over === day.key ? 'planning-day--over' : '',
            ]
              .filter(Boolean)
              .join(' ')}
            data-day={day.key}
            aria-label={day.longLabel}
            onDragOver={(event) => {
              event.preventDefault()
              event.dataTransfer.dropEffect = 'move'
              if (over !== day.key) setOver(day.key)
            }}
            onDragLeave={() => setOver((current) => (current === day.key ? null : current))}
            onDrop={drop(day.key)}
          >
            <h3 className="planning-day__label" aria-current={day.today ? 'date' : undefined}>
              {day.label}
            </h3>
            {byDay.get(day.key)?.length ? (
              <ul className="planning-day__items">
                {byDay.get(day.key)!.map((item) => (
                  <Item
                    key={`${item.kind}-${item.id}`}
                    item={item}
                    w={w}
                    busy={busy}
                    onMove={move}
                  />
                ))}
              </ul>
            ) : view === 'week' ? (
              <p className="planning-day__empty">{w('nothing')}</p>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  )
}
