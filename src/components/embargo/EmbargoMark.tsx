'use client'

import { useTranslation } from '@payloadcms/ui'

import type { embargoEn } from '@/i18n/admin/embargo/en'

import { LocalTime } from '../desk/LocalTime'
import './embargo.css'

type EmbargoWord = keyof typeof embargoEn

/** The embargo's words in the admin's language (`custom:embargo:…`, src/i18n/admin/embargo/). */
export const useEmbargoWords = () => {
  const { t } = useTranslation()
  return (key: EmbargoWord) => (t as (key: string) => string)(`custom:embargo:${key}`)
}

/**
 * "Embargo until …" with the time in the viewer's time zone: on desk cards and in the Workflow
 * panel. `detail`: the sentence saying why Publish is not offered (the panel).
 */
export const EmbargoMark = ({ until, detail = false }: { until: string; detail?: boolean }) => {
  const words = useEmbargoWords()
  return (
    <div className="embargo-mark" data-testid="embargo-mark" data-until={until}>
      <span className="embargo-mark__label">
        {words('until')} <LocalTime value={until} short={!detail} />
      </span>
      {detail ? <p className="embargo-mark__detail">{words('publishHeld')}</p> : null}
    </div>
  )
}

/** The timeline's name for an embargo change. */
export const EmbargoEventKind = () => <>{useEmbargoWords()('kind')}</>
