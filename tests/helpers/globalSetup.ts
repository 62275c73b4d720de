import { chmod, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import type { TestProject } from 'vitest/node'

import { startEmbeddedPostgres } from '../../scripts/lib/embeddedPostgres'
import { freePort } from '../../scripts/lib/ports'

declare module 'vitest' {
  export interface ProvidedContext {
    pgPort: number
  }
}

export { freePort }

/**
 * Starts a throw-away PostgreSQL (embedded, in a temp folder, fsync off) for the whole run.
 * Test files create and drop their own databases on it (tests/helpers/payload.ts).
 */
export const startTestDatabaseServer = async () => {
  // The temp folder is world-readable so the OS user `postgres` can use it when we are root.
  const dir = await mkdtemp(path.join(os.tmpdir(), 'newsroom-test-pg-'))
  await chmod(dir, 0o755)
  const server = await startEmbeddedPostgres({
    dataDir: path.join(dir, 'data'),
    port: await freePort(),
    ephemeral: true,
  })
  return {
    server,
    stop: async () => {
      await server.stop()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

export default async function setup(project: TestProject) {
  const { server, stop } = await startTestDatabaseServer()
  project.provide('pgPort', server.port)
  return stop
}
