/**
 * What the benchmark (run.ts) and the load run (load.ts) share, by concern: a session that
 * stops everything it started (on success, failure and Ctrl-C; `session.ts`), the site under
 * test (the fresh database with the demo newsroom and N generated articles, the production build
 * under `next start`, nginx with the deployment's config; `site.ts`), autocannon and memory
 * sampled from /proc (`measure.ts`), and the results (`results.ts`).
 */
export { freePort } from '../../lib/ports'

export * from './cpuprofile'
export * from './measure'
export { bin, root } from './paths'
export * from './results'
export * from './session'
export * from './site'
