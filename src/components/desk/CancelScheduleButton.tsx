'use client'

import { toast, useConfig } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState, useTransition } from 'react'

import { failureMessage } from '../admin/adminFetch'
import { workflowApi } from '../admin/articleApi'
import { useWords } from '../admin/useWords'

/** Cancels a scheduled publication (the `unschedule` transition) and reloads the desk. */
export const CancelScheduleButton = ({ id, title }: { id: number | string; title: string }) => {
  const l = useWords()
  const {
    config: {
      routes: { api: apiRoute },
    },
  } = useConfig()
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [, startTransition] = useTransition()

  const cancel = async () => {
    setBusy(true)
    try {
      await workflowApi.transition(apiRoute, id, { transition: 'unschedule' })
      toast.success(`${l.transition('unschedule')}: ${title}`)
      startTransition(() => router.refresh())
    } catch (err) {
      toast.error(failureMessage(err, l.t('desk:failed')))
    } finally {
      setBusy(false)
    }
  }

  return (
    <button
      type="button"
      className="desk-schedule__cancel"
      disabled={busy}
      aria-label={`${l.transition('unschedule')}: ${title}`}
      onClick={() => void cancel()}
    >
      {busy ? l.t('desk:cancelling') : l.t('desk:cancel')}
    </button>
  )
}
