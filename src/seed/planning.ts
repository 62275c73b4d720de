import { addDays, dayKeyOf, PLANNED_STAGES, zonedTimeToDate } from '@/lib/planning'
import type { Article } from '@/payload-types'

import { context, type SeedRun } from './run'

/** Days from today and the hour (newsroom time) each unscheduled demo story is planned for. */
const PLANS = [
  { days: 1, hour: 9 },
  { days: 2, hour: 14 },
  { days: 4, hour: 11 },
  { days: 6, hour: 16 },
]

/**
 * Puts the demo newsroom's unscheduled stories (drafts, in review, sent back, approved) on the
 * planning calendar: a planned date in the coming week, in the site's time zone. Only stories
 * without one get one, so a second run changes nothing.
 */
export const seedPlannedDates = async (run: SeedRun, timeZone = 'Asia/Baku') => {
  const { docs } = await run.payload.find({
    collection: 'articles',
    where: { stage: { in: [...PLANNED_STAGES] } },
    draft: true,
    depth: 0,
    limit: PLANS.length,
    sort: 'createdAt',
    select: { plannedAt: true },
    context,
  })
  const today = dayKeyOf(new Date(), timeZone)
  for (const [index, doc] of (docs as Pick<Article, 'id' | 'plannedAt'>[]).entries()) {
    if (doc.plannedAt) {
      run.tally('planned dates', false)
      continue
    }
    const { days, hour } = PLANS[index]
    const plannedAt = zonedTimeToDate(addDays(today, days), { hour, minute: 0 }, timeZone)
    await run.payload.update({
      collection: 'articles',
      id: doc.id,
      draft: true,
      data: { plannedAt: plannedAt.toISOString() },
      context,
    })
    run.tally('planned dates', true)
  }
}
