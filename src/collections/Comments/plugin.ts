import type { Plugin } from 'payload'

import { commentsNotifyTask } from './jobs'

/**
 * Adds the comments' task (the batched notification of comments awaiting moderation) to the
 * jobs queue, as the workflow plugin adds its own; the project's guarded runner runs it.
 */
export const commentsJobsPlugin: Plugin = (config) => {
  const jobs = config.jobs ?? {}
  return { ...config, jobs: { ...jobs, tasks: [...(jobs.tasks ?? []), commentsNotifyTask] } }
}
