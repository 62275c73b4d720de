/** After the run: the checks, each pass or fail with what was seen. */
import type { Load } from '../lib'
import type { Api } from './api'
import {
  CLEAN_REFUSALS,
  EDITOR_BOUND_MS,
  MAX_VERSIONS,
  type Desk,
  type EditorLog,
  type Save,
} from './context'

export type Check = { check: string; pass: boolean; detail: string }

export const statusesOf = (loads: Load[]) => {
  const all: Record<string, number> = {}
  for (const l of loads)
    for (const [status, count] of Object.entries(l.statuses))
      all[status] = (all[status] ?? 0) + count
  return all
}
const countWhere = (statuses: Record<string, number>, test: (status: number) => boolean) =>
  Object.entries(statuses)
    .filter(([status]) => test(Number(status)))
    .reduce((sum, [, count]) => sum + count, 0)
/** Responses by status, as text. */
export const describeStatuses = (statuses: Record<string, number>) =>
  Object.entries(statuses)
    .map(([status, count]) => `${status}: ${count}`)
    .join(', ') || 'none'

/** No 5xx, no 4xx, no connection errors for the readers. */
export const readerChecks = (kinds: Record<string, Load>): Check[] => {
  const readerStatuses = statusesOf(Object.values(kinds))
  const reader5xx = countWhere(readerStatuses, (s) => s >= 500)
  const reader4xx = countWhere(readerStatuses, (s) => s >= 400 && s < 500)
  const readerErrors = Object.values(kinds).reduce((sum, l) => sum + l.errors, 0)
  const readerTimeouts = Object.values(kinds).reduce((sum, l) => sum + l.timeouts, 0)
  return [
    {
      check: 'readers: no 5xx',
      pass: reader5xx === 0,
      detail: `responses by status: ${describeStatuses(readerStatuses)}`,
    },
    {
      check: 'readers: no 4xx (every path read exists)',
      pass: reader4xx === 0,
      detail: `${reader4xx} responses 4xx`,
    },
    {
      check: 'readers: no connection errors',
      pass: readerErrors === 0,
      detail: `${readerErrors} errors; ${readerTimeouts} timeouts (10 s; reported, not failed: the cores are shared)`,
    },
  ]
}

/** Every editor request answered in time, with a save or a clean refusal. */
export const editorChecks = (log: EditorLog): Check[] => {
  const editorOther5xx = countWhere(log.statuses, (s) => s >= 500 && !CLEAN_REFUSALS.includes(s))
  return [
    {
      check: `editors: every request answered within ${EDITOR_BOUND_MS / 1000} s`,
      pass: log.timeouts === 0,
      detail: `${log.timeouts} requests unanswered after ${EDITOR_BOUND_MS / 1000} s`,
    },
    {
      check: `editors: a save or a clean refusal (${CLEAN_REFUSALS.join('/')}), no other 5xx, no connection errors`,
      pass: editorOther5xx === 0 && log.errors === 0,
      detail: `responses by status: ${describeStatuses(log.statuses)}; ${log.errors} errors`,
    },
  ]
}

/** One article's acknowledged saves against its versions and its final draft. */
const checkArticle = async (
  { api, must }: Api,
  admin: string,
  id: number,
  mine: Save[],
  { lost, notes }: { lost: string[]; notes: string[] },
) => {
  const versions = await must(
    `versions of ${id}`,
    api(
      `/api/articles/versions?where[parent][equals]=${id}&limit=${MAX_VERSIONS + 10}&depth=0&sort=-updatedAt`,
      {
        token: admin,
      },
    ),
  )
  const docs = versions.docs as { version: { dek: string; body: unknown; _status: string } }[]
  if ((versions.totalDocs as number) >= MAX_VERSIONS) {
    lost.push(
      `article ${id}: ${versions.totalDocs} versions, older ones pruned: cannot verify (lower --seconds)`,
    )
    return
  }
  const inVersions = new Set(
    docs
      .filter((d) => d.version.dek && JSON.stringify(d.version.body ?? '').includes(d.version.dek))
      .map((d) => d.version.dek),
  )
  for (const s of mine)
    if (!inVersions.has(s.marker)) lost.push(`article ${id}: "${s.marker}" not in its versions`)
  const draft = await must(
    `draft of ${id}`,
    api(`/api/articles/${id}?draft=true&depth=0`, { token: admin }),
  )
  // The last acknowledged save: one that no acknowledged save began after.
  const lastOnes = mine.filter((s) => !mine.some((other) => other.sentAt > s.ackAt))
  const finalDek = draft.dek as string
  if (mine.length && !lastOnes.some((s) => s.marker === finalDek)) {
    lost.push(
      `article ${id}: final draft "${finalDek}", last acknowledged ${lastOnes.map((s) => `"${s.marker}"`).join(' or ')}`,
    )
  }
  if (!JSON.stringify(draft.body).includes(finalDek)) {
    lost.push(`article ${id}: the final draft's body and dek are from different saves`)
  }
  // Published text: the live row is the newest published version.
  const live = await api(`/api/articles/${id}?depth=0`)
  const newestPublished = docs.find((d) => d.version._status === 'published')
  if (live.status === 200 && newestPublished && live.json.dek !== newestPublished.version.dek) {
    notes.push(
      `article ${id}: live "${live.json.dek as string}" is not the newest published version`,
    )
  }
}

/**
 * Every acknowledged save is in the article's versions; the final draft is the last one. Answers
 * the check and the notes on live text that the next check reports.
 */
export const noLostSave = async (client: Api, desk: Desk, log: EditorLog) => {
  const acked = log.saves.filter((s) => s.status === 200)
  const found = { lost: [] as string[], notes: [] as string[] }
  for (const id of desk.touched) {
    // A server that stopped answering (it hung under the load) fails the check, not the run.
    try {
      await checkArticle(
        client,
        desk.admin,
        id,
        acked.filter((s) => s.article === id),
        found,
      )
    } catch (error) {
      found.lost.push(`cannot verify: the server did not answer (${(error as Error).message})`)
      break
    }
  }
  const { lost, notes } = found
  const check: Check = {
    check: 'no lost save',
    pass: lost.length === 0,
    detail: lost.length
      ? lost.slice(0, 5).join('; ')
      : `${acked.length} acknowledged saves on ${desk.touched.length} articles all in the versions; every final draft is the last acknowledged save`,
  }
  return { check, notes }
}

/** The live text changed only across a publish (or an unpublish hid it). */
export const liveTextCheck = (desk: Desk, log: EditorLog, notes: string[]): Check => {
  const { observations, transitions } = log
  const attempted = new Set([...log.saves.map((s) => s.marker), ...desk.initialDek.values()])
  const liveChanges: string[] = []
  let changes = 0
  for (let i = 1; i < observations.length; i++) {
    const before = observations[i - 1]
    const after = observations[i]
    for (const id of desk.touched) {
      const was = before.live.get(id)
      const is = after.live.get(id)
      if (is !== undefined && !attempted.has(is))
        liveChanges.push(`article ${id}: unknown live text "${is}"`)
      if (was === is) continue
      changes++
      const explained = transitions.some(
        (t) =>
          t.article === id &&
          // acknowledged, or of unknown outcome (an error, a 5xx: failed above anyway)
          (t.status === 200 || t.status === 0 || t.status >= 500) &&
          t.sentAt < after.receivedAt &&
          (t.ackAt < 0 || t.ackAt > before.sentAt),
      )
      if (!explained)
        liveChanges.push(
          `article ${id}: live text changed between ${before.sentAt} and ${after.receivedAt} ms without a publish`,
        )
    }
  }
  return {
    check: 'published text changed only by a publish',
    pass: liveChanges.length === 0 && notes.length === 0,
    detail:
      liveChanges.length || notes.length
        ? [...liveChanges, ...notes].slice(0, 5).join('; ')
        : `${observations.length} anonymous reads of ${desk.touched.length} articles; ${changes} changes of the live text, each across a publish or unpublish`,
  }
}

export type MemoryFigures = {
  peakRssMb: number
  peakHwmMb: number
  rssAtStart: number
  rssAtEnd: number
  rssSettled: number
  /** samples taken while the server ran */
  samples: number
}

/** Bounded memory: the peak under the limit; start and end printed (no steady growth). */
export const memoryCheck = (memory: MemoryFigures, rssLimitMb: number): Check => ({
  check: `server peak RSS ≤ ${rssLimitMb} MB`,
  pass: memory.peakRssMb <= rssLimitMb,
  detail: `peak ${memory.peakRssMb.toFixed(0)} MB (largest VmHWM of one process ${memory.peakHwmMb.toFixed(0)} MB); at the start of the load ${memory.rssAtStart.toFixed(0)} MB, at its end ${memory.rssAtEnd.toFixed(0)} MB, 10 s later ${memory.rssSettled.toFixed(0)} MB; ${memory.samples} samples`,
})
