import pg from 'pg'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { runQueueExclusively, type QueueRun } from '@/jobs/runner'
import type { User } from '@/payload-types'
import { sendEventNotifications } from '@/workflow/notify'

import { query } from '../helpers/database'
import { createNewsroomBasics, createUser, readOutbox } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import {
  articleIn,
  fire,
  latest,
  requestFor,
  startWorker,
  timelineOf,
  type WorkerProcess,
} from '../helpers/workflow'

/**
 * One runner at a time for the jobs queue (src/jobs/runner.ts), and each effect once: two
 * runners at once, in one process and as two worker processes; a worker killed in the middle of
 * a job; the emails of an event sent once each, whatever happens to the run sending them.
 */

let ctx: TestPayload
let editor: User, otherEditor: User, author: User
let ready: Awaited<ReturnType<typeof createNewsroomBasics>>['fields']
const workers: WorkerProcess[] = []

const QUEUE = 'workflow'
type Env = Record<string, string | undefined>
const soon = (ms: number) => new Date(Date.now() + ms).toISOString()
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const sleepUntil = (iso: string) => sleep(Math.max(0, Date.parse(iso) - Date.now() + 150))

/** Polls `check` until it returns a value other than undefined/false; fails after `timeoutMs`. */
const eventually = async <T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  timeoutMs = 60_000,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value !== undefined && value !== false) return value
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await sleep(200)
  }
}

const mailAbout = async (title: string) =>
  (await readOutbox(ctx.outboxDir)).filter((mail) => mail.subject.includes(title))

/** How many emails each address got about `title` (subjects starting with `prefix`). */
const mailCounts = async (title: string, prefix: string) => {
  const counts: Record<string, number> = {}
  for (const mail of await mailAbout(title)) {
    if (!mail.subject.startsWith(prefix)) continue
    for (const to of mail.to) counts[to] = (counts[to] ?? 0) + 1
  }
  return counts
}

const publishesOf = async (id: number) =>
  (await timelineOf(ctx.payload, id)).filter((event) => event.to === 'published')

const jobsOfQueue = () =>
  query<{ id: number; processing: boolean; task_slug: string; input: { article?: number } }>(
    ctx.databaseUrl,
    `SELECT id, processing, task_slug, input FROM payload_jobs WHERE queue = $1 AND completed_at IS NULL`,
    [QUEUE],
  )

/** An approved article by the demo author, scheduled half a second out, once that time has come. */
const scheduledAndDue = async (title: string) => {
  const article = await articleIn(ctx.payload, 'approved', {
    ...ready,
    title,
    createdBy: author.id,
  })
  const at = soon(500)
  await fire(ctx.payload, editor, article.id, 'schedule', { date: at })
  await sleepUntil(at)
  return article
}

/**
 * A scheduled publish due now, with a second job for the same publish (as a second instance
 * could queue), and a story submitted for review whose notification job is queued three times:
 * the work two runners compete for.
 */
const competingWork = async (title: string) => {
  const article = await articleIn(ctx.payload, 'approved', {
    ...ready,
    title,
    createdBy: author.id,
  })
  const at = soon(800)
  await fire(ctx.payload, editor, article.id, 'schedule', { date: at })
  await ctx.payload.jobs.queue({
    task: 'workflowScheduledTransition',
    queue: QUEUE,
    input: { article: article.id, transition: 'publish_scheduled', at },
  })
  const submittedTitle = `${title}, in review`
  const submitted = await articleIn(ctx.payload, 'draft', {
    ...ready,
    title: submittedTitle,
    createdBy: author.id,
  })
  await fire(ctx.payload, author, submitted.id, 'submit')
  const [event] = (await timelineOf(ctx.payload, submitted.id)).slice(-1)
  for (let i = 0; i < 2; i++) {
    await ctx.payload.jobs.queue({
      task: 'workflowNotify',
      queue: QUEUE,
      input: { event: event.id },
    })
  }
  await sleepUntil(at)
  return { article, submittedTitle }
}

/** The worker's environment on the test database; `env` on top. */
const workerEnv = (env: Env = {}): Env => ({
  DATABASE_URL: ctx.databaseUrl,
  PAYLOAD_SECRET: 'test-secret',
  MAIL_OUTBOX_DIR: ctx.outboxDir,
  MEDIA_DIR: process.env.MEDIA_DIR,
  JOBS_INTERVAL_SECONDS: '0.3',
  ...env,
})

const spawnWorker = (env?: Env) => {
  const worker = startWorker(workerEnv(env))
  workers.push(worker)
  return worker
}

/** The job ids a worker's log says it ran ("workflow: job 12 (workflowNotify) success"). */
const jobsRanBy = (worker: WorkerProcess) =>
  [...worker.output().matchAll(/workflow: job (\d+) \(\w+\) (success|error[\w-]*)/g)].map((m) =>
    Number(m[1]),
  )

/** Holds an article's row lock, as a long save would, until `release`. */
const holdRow = async (id: number) => {
  const client = new pg.Client({ connectionString: ctx.databaseUrl })
  await client.connect()
  await client.query('BEGIN')
  await client.query('SELECT id FROM articles WHERE id = $1 FOR UPDATE', [id])
  return {
    release: async () => {
      await client.query('ROLLBACK').catch(() => undefined)
      await client.end()
    },
  }
}

/** Whether a session of the test database waits for a lock (the scheduled publish, for a row). */
const waitingForALock = async () =>
  (
    await query<{ n: string }>(
      ctx.databaseUrl,
      `SELECT count(*) AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    )
  )[0].n !== '0'

const advisoryLocksHeld = async () =>
  (
    await query<{ n: string }>(
      ctx.databaseUrl,
      `SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND database =
        (SELECT oid FROM pg_database WHERE datname = current_database())`,
    )
  )[0].n

beforeAll(async () => {
  ctx = await createTestPayload()
  await createUser(ctx.payload, 'admin')
  editor = await createUser(ctx.payload, 'editor')
  otherEditor = await createUser(ctx.payload, 'editor')
  author = await createUser(ctx.payload, 'author')
  ready = (await createNewsroomBasics(ctx.payload)).fields
})

afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop('SIGKILL')))
})

afterAll(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop('SIGKILL')))
  await ctx?.teardown()
})

describe('two runners on one queue', { timeout: 150_000 }, () => {
  it('lets one of two runs at the same moment have the queue, and runs each job once', async () => {
    const title = 'Port of Baku extends its night shifts'
    const { article, submittedTitle } = await competingWork(title)
    const queued = (await jobsOfQueue()).map((job) => job.id)
    expect(queued.length).toBeGreaterThanOrEqual(4)

    const runs: QueueRun[] = await Promise.all([
      runQueueExclusively(ctx.payload, { queue: QUEUE }),
      runQueueExclusively(ctx.payload, { queue: QUEUE }),
    ])
    expect(runs.filter((run) => !run.ran)).toEqual([
      { ran: false, reason: 'another runner has the queue' },
    ])
    // Each job ran once, in the run that had the queue.
    const ran = runs.flatMap((run) => (run.ran ? run.jobs.map((job) => job.id) : []))
    expect(ran.sort()).toEqual([...new Set(ran)].sort())
    expect(ran).toEqual(expect.arrayContaining(queued))

    // The publication queued its own notification; one more run sends it.
    await runQueueExclusively(ctx.payload, { queue: QUEUE })
    expect(await publishesOf(article.id)).toHaveLength(1)
    expect(await mailCounts(title, '[Published]')).toEqual({ [author.email]: 1 })
    expect(await mailCounts(submittedTitle, '[In review]')).toEqual({
      [editor.email]: 1,
      [otherEditor.email]: 1,
    })
    expect(await advisoryLocksHeld()).toBe('0')
  })

  it('publishes once and sends each email once with two worker processes at once', async () => {
    const title = 'Two workers, one ferry timetable'
    const { article, submittedTitle } = await competingWork(title)
    // The scheduled publish waits for the article's row while this holds it: the worker running
    // it keeps the queue meanwhile, and the other must find it taken.
    const holder = await holdRow(article.id)
    let first: WorkerProcess, second: WorkerProcess
    try {
      first = spawnWorker()
      second = spawnWorker()
      await eventually('a worker to wait for the row', waitingForALock)
      await Promise.any([
        first.waitFor(/another runner has the queue/),
        second.waitFor(/another runner has the queue/),
      ])
    } finally {
      await holder.release()
    }
    await eventually('the publication and its email', async () =>
      Object.keys(await mailCounts(title, '[Published]')).length > 0 ? true : undefined,
    )
    await eventually('the queue to empty', async () => (await jobsOfQueue()).length === 0)
    // A few more rounds of both: nothing more happens.
    await sleep(1500)

    expect(await publishesOf(article.id)).toHaveLength(1)
    expect(await mailCounts(title, '[Published]')).toEqual({ [author.email]: 1 })
    expect(await mailCounts(submittedTitle, '[In review]')).toEqual({
      [editor.email]: 1,
      [otherEditor.email]: 1,
    })
    const ranByFirst = jobsRanBy(first)
    const ranBySecond = jobsRanBy(second)
    const all = [...ranByFirst, ...ranBySecond]
    expect(all.length).toBeGreaterThanOrEqual(5)
    expect(all.sort()).toEqual([...new Set(all)].sort())

    // A clean stop: both exit 0 and leave no lock behind.
    expect(await first.stop('SIGTERM')).toBe(0)
    expect(await second.stop('SIGTERM')).toBe(0)
    expect(await advisoryLocksHeld()).toBe('0')
  })
})

describe('a worker killed in the middle of a job', { timeout: 150_000 }, () => {
  it('leaves the job processing, frees the queue, and the job runs once after the lease', async () => {
    const title = 'Caspian ferry strike called off'
    const article = await scheduledAndDue(title)

    // Hold the article's row lock, as a long save would: the scheduled publish waits for it.
    const holder = await holdRow(article.id)
    try {
      const doomed = spawnWorker()
      const job = await eventually('the worker to take the job and wait for the row', async () => {
        const [processing] = (await jobsOfQueue()).filter(
          (row) => row.processing && row.input.article === article.id,
        )
        return processing && (await waitingForALock()) ? processing : undefined
      })
      expect(await doomed.stop('SIGKILL')).toBe('SIGKILL')

      // Its lock went with its process: another runner has the queue at once ...
      await eventually('the advisory lock to be released', async () =>
        (await advisoryLocksHeld()) === '0' ? true : undefined,
      )
      const meanwhile = await runQueueExclusively(ctx.payload, { queue: QUEUE, leaseSeconds: 300 })
      expect(meanwhile).toMatchObject({ ran: true, released: [], jobs: [] })
      // ... but the job is left processing: within the lease nobody knows its runner died.
      expect((await jobsOfQueue()).find((row) => row.id === job.id)?.processing).toBe(true)
    } finally {
      await holder.release()
    }
    expect((await latest(ctx.payload, article.id)).stage).toBe('scheduled')

    const heir = spawnWorker({ JOBS_LEASE_SECONDS: '2' })
    await heir.waitFor(/left processing past the lease, given back/)
    await eventually('the publication', async () =>
      (await latest(ctx.payload, article.id)).stage === 'published' ? true : undefined,
    )
    await eventually('its email', async () =>
      Object.keys(await mailCounts(title, '[Published]')).length > 0 ? true : undefined,
    )
    await sleep(1000)
    expect(await publishesOf(article.id)).toHaveLength(1)
    expect(await mailCounts(title, '[Published]')).toEqual({ [author.email]: 1 })
    expect(await heir.stop('SIGTERM')).toBe(0)
  })
})

describe('a worker told to stop', { timeout: 150_000 }, () => {
  it('finishes the job in hand before it exits', async () => {
    const title = 'Tram depot reopens after the flood'
    const article = await scheduledAndDue(title)
    const holder = await holdRow(article.id)
    let worker: WorkerProcess
    try {
      worker = spawnWorker({ JOBS_STOP_TIMEOUT_SECONDS: '20' })
      await eventually('the worker to wait for the row', waitingForALock)
      await worker.waitFor(/workflow queue every/)
      void worker.stop('SIGTERM')
      await worker.waitFor(/SIGTERM: finishing the jobs in hand/)
      await sleep(500)
    } finally {
      await holder.release()
    }
    expect(await worker.exited).toBe(0)
    expect(worker.output()).toMatch(/job \d+ \(workflowScheduledTransition\) success/)
    expect(await latest(ctx.payload, article.id)).toMatchObject({ stage: 'published' })
    expect(await publishesOf(article.id)).toHaveLength(1)
  })
})

describe('the emails of one event', () => {
  it('are sent once each when the run sending them dies half-way and its job runs again', async () => {
    const title = 'Metro line three opens a year late'
    const own = await articleIn(ctx.payload, 'draft', { ...ready, title, createdBy: author.id })
    // No job: this test sends the event's emails itself.
    await fire(ctx.payload, author, own.id, 'submit')
    await ctx.payload.delete({ collection: 'payload-jobs', where: { queue: { equals: QUEUE } } })
    const [event] = (await timelineOf(ctx.payload, own.id)).slice(-1)

    // The first run sends one email, then hangs in SMTP for ever, as a runner that died.
    const sendEmail = ctx.payload.sendEmail
    let sent = 0
    ctx.payload.sendEmail = (async (message: Parameters<typeof sendEmail>[0]) => {
      if (sent++ === 1) return new Promise(() => undefined)
      return sendEmail.call(ctx.payload, message)
    }) as typeof sendEmail
    const req = await requestFor(ctx.payload, null)
    try {
      void sendEventNotifications(req, event.id, { claimant: 'job 1', leaseSeconds: 300 })
      await eventually('the first email', async () => (await mailAbout(title)).length === 1)
      await sleep(300)
    } finally {
      ctx.payload.sendEmail = sendEmail
    }

    // Another job of the same event, within the lease: the claimed email is not its to send.
    expect(
      await sendEventNotifications(req, event.id, { claimant: 'job 2', leaseSeconds: 300 }),
    ).toBe(0)
    // The first job again (its runner died and the lease gave it back): only the unsent one.
    expect(
      await sendEventNotifications(req, event.id, { claimant: 'job 1', leaseSeconds: 300 }),
    ).toBe(1)
    // And nothing more, by any job.
    expect(
      await sendEventNotifications(req, event.id, { claimant: 'job 3', leaseSeconds: 0 }),
    ).toBe(0)
    expect(await mailCounts(title, '[In review]')).toEqual({
      [editor.email]: 1,
      [otherEditor.email]: 1,
    })
    const [marked] = await query<{ notified: boolean }>(
      ctx.databaseUrl,
      'SELECT notified_at IS NOT NULL AS notified FROM editorial_events WHERE id = $1',
      [event.id],
    )
    expect(marked.notified).toBe(true)
  })
})
