'use client'

import { useSyncExternalStore } from 'react'

import { useWords } from '../admin/useWords'

const subscribe = () => () => {}

/**
 * A date and time in the reader's own time zone. The server does not know it, so the server
 * renders the UTC time and the browser replaces it once hydrated.
 */
export const LocalTime = ({
  value,
  short = false,
  title,
}: {
  value: string
  short?: boolean
  title?: string
}) => {
  const l = useWords()
  const local = useSyncExternalStore(
    subscribe,
    () => (short ? l.shortDateTime(value) : l.dateTime(value)),
    () => `${new Date(value).toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  )
  return (
    <time dateTime={value} title={title}>
      {local}
    </time>
  )
}
