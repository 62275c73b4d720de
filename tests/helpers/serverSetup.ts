import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import type { TestProject } from 'vitest/node'

import { freePort, startTestDatabaseServer } from './globalSetup'
import { startNextServer } from './nextServer'

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string
    /** where the running app's email goes */
    outboxDir: string
    /** the running app's PREVIEW_SECRET */
    previewSecret: string
    /** an extra origin the running app trusts (TRUSTED_ORIGINS) */
    trustedOrigin: string
    /** the port where the app sends its proxy refreshes (PROXY_REFRESH_URL) */
    proxyRefreshPort: number
    /** the app's environment (database, secret, folders), to start a second server on it */
    appEnv: Record<string, string>
  }
}

const root = path.resolve(import.meta.dirname, '../..')
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name)

const run = (cmd: string, args: string[], env: NodeJS.ProcessEnv) =>
  new Promise<void>((resolve, reject) => {
    const proc = spawn(cmd, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] })
    proc.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`)),
    )
  })

/**
 * The production build served by `next start` on 127.0.0.1, on a fresh database that the real
 * CLI migrates and seeds with the demo newsroom. Browser and HTTP tests talk to it as readers and
 * editors would. Needs `next build` first (npm run test:e2e runs it).
 */
export default async function setup(project: TestProject) {
  if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    throw new Error('No production build: run `npm run build` first (npm run test:e2e does).')
  }
  // Next keeps `unstable_cache` entries on disk across restarts, but tag expiries only in memory:
  // a previous run's entries (from another database) must not answer this run's reads.
  await rm(path.join(root, '.next', 'cache', 'fetch-cache'), { recursive: true, force: true })
  const db = await startTestDatabaseServer()
  await db.server.createDatabase('e2e')
  const port = await freePort()
  const baseURL = `http://127.0.0.1:${port}`
  const mediaDir = await mkdtemp(path.join(os.tmpdir(), 'newsroom-e2e-media-'))
  const outboxDir = await mkdtemp(path.join(os.tmpdir(), 'newsroom-e2e-mail-'))
  const appEnv = {
    MAIL_OUTBOX_DIR: outboxDir,
    DATABASE_URL: db.server.urlFor('e2e'),
    PAYLOAD_SECRET: 'e2e-secret',
    MEDIA_DIR: mediaDir,
    PREVIEW_SECRET: 'e2e-preview-secret',
    COMMENTS_NOTIFY_DELAY_SECONDS: '2',
  }
  const trustedOrigin = 'https://proxy.newsroom.example'
  const proxyRefreshPort = await freePort()
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...appEnv,
    SERVER_URL: baseURL,
    TRUSTED_ORIGINS: trustedOrigin,
    // Tests that start nginx (cache.e2e) give it this refresh port; elsewhere nothing listens.
    PROXY_REFRESH_URL: `http://127.0.0.1:${proxyRefreshPort}`,
  }
  await run(bin('payload'), ['migrate'], env)
  await run(bin('payload'), ['run', 'scripts/seed.ts'], env)

  const server = await startNextServer({ port, env })
  project.provide('baseURL', baseURL)
  project.provide('outboxDir', outboxDir)
  project.provide('previewSecret', appEnv.PREVIEW_SECRET)
  project.provide('trustedOrigin', trustedOrigin)
  project.provide('proxyRefreshPort', proxyRefreshPort)
  project.provide('appEnv', appEnv)

  return async () => {
    // Next first, then PostgreSQL, or Next logs the database going away.
    await server.stop()
    await db.stop()
    await rm(mediaDir, { recursive: true, force: true })
    await rm(outboxDir, { recursive: true, force: true })
  }
}
