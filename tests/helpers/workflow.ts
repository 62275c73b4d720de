import { spawn } from 'node:child_process'
import path from 'node:path'

import { createLocalReq, type Payload } from 'payload'

import type { Article, User } from '@/payload-types'
import type { Stage } from '@/workflow'
import { performTransition, type TransitionRequest } from '@/workflow/perform'

import { createArticle } from './fixtures'
import { WORKER_NODE_ARGS } from '../../scripts/lib/workerProcess'

/** A request made for `user`, as the REST endpoint builds one for a logged-in person. */
export const requestFor = (payload: Payload, user: User | null) =>
  createLocalReq({ user: user ? { ...user, collection: 'users' } : undefined }, payload)

/** Fires a transition for `user` through the same function the REST endpoint calls. */
export const fire = async (
  payload: Payload,
  user: User,
  id: number,
  transition: string,
  input: Omit<TransitionRequest, 'id' | 'transition'> = {},
) => performTransition(await requestFor(payload, user), { id, transition, ...input })

/**
 * An article placed directly in a stage by the system (as an import would), owned by `owner`.
 * A scheduled one is due in a day.
 */
export const articleIn = async (
  payload: Payload,
  stage: Stage,
  fields: Partial<Article> & { createdBy?: number } = {},
): Promise<Article> =>
  createArticle(payload, {
    ...fields,
    stage,
    status: stage === 'published' ? 'published' : 'draft',
    ...(stage === 'scheduled'
      ? { scheduledAt: new Date(Date.now() + 86_400_000).toISOString() }
      : {}),
  })

/** The article's latest version (drafts included), read by the system. */
export const latest = (payload: Payload, id: number) =>
  payload.findByID({ collection: 'articles', id, draft: true, depth: 0 })

/** The timeline of one article, oldest first. */
export const timelineOf = async (payload: Payload, id: number) =>
  (
    await payload.find({
      collection: 'editorial-events',
      where: { article: { equals: id } },
      sort: 'createdAt',
      depth: 0,
      limit: 100,
    })
  ).docs

/** Runs the workflow's jobs queue once, as the app's cron would. */
export const runQueue = (payload: Payload) => payload.jobs.run({ queue: 'workflow', limit: 100 })

export type WorkerProcess = {
  pid: number
  /** everything it printed so far */
  output: () => string
  /** resolves with the first line of its output matching `pattern`; rejects after `timeoutMs` */
  waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<string>
  /** resolves once it has exited, with its exit code or signal */
  exited: Promise<number | string>
  /** SIGTERM (a clean stop) or SIGKILL (a crash); waits for the exit, at most 15 s */
  stop: (signal?: 'SIGTERM' | 'SIGKILL') => Promise<number | string>
}

const root = path.resolve(import.meta.dirname, '../..')

/**
 * `scripts/worker.ts` as `npm run worker` runs it (the same Node options), in one process of its
 * own (no wrapper, so a signal reaches the worker itself), on `databaseUrl`.
 */
export const startWorker = (env: Record<string, string | undefined>): WorkerProcess => {
  const child = spawn(process.execPath, WORKER_NODE_ARGS, {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: '', REVALIDATE_OVER_HTTP: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let text = ''
  const listeners = new Set<() => void>()
  const take = (chunk: Buffer) => {
    text += chunk.toString('utf8')
    for (const listener of listeners) listener()
  }
  child.stdout.on('data', take)
  child.stderr.on('data', take)
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  )
  const waitFor = (pattern: RegExp, timeoutMs = 60_000) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const line = text.split('\n').find((candidate) => pattern.test(candidate))
        if (line === undefined) return
        cleanup()
        resolve(line)
      }
      const timer = setTimeout(() => {
        cleanup()
        reject(
          new Error(`The worker printed no line matching ${pattern} in ${timeoutMs} ms:\n${text}`),
        )
      }, timeoutMs)
      const cleanup = () => {
        clearTimeout(timer)
        listeners.delete(check)
      }
      listeners.add(check)
      check()
    })
  const stop = async (signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal)
    const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('timeout'), 15_000))
    const result = await Promise.race([exited, timeout])
    if (result === 'timeout') child.kill('SIGKILL')
    return result
  }
  return { pid: child.pid ?? 0, output: () => text, waitFor, exited, stop }
}
