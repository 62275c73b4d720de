import { chmod, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { query } from './database'
import { startEmbeddedPostgres, type EmbeddedServer } from '../../scripts/lib/embeddedPostgres'
import { freePort } from '../../scripts/lib/ports'
import { startReplica, type Replica } from '../../scripts/lib/replica'

export { freePort }

/** The statements one PostgreSQL server logged (`log_statement = all`), as they arrive. */
export class StatementLog {
  private text = ''
  readonly append = (chunk: string) => {
    this.text += chunk
  }

  /**
   * Runs `fn` and returns what the server logged meanwhile: a marker statement before and after
   * it bounds the slice, and the slice is read once the closing marker is in the log (waited for
   * at most 5 s), so no line of `fn` is missed or taken from another step.
   */
  async during<T>(databaseUrl: string, fn: () => Promise<T>) {
    const mark = `mark_${Math.random().toString(36).slice(2)}`
    await query(databaseUrl, `SELECT '${mark}_start'`)
    const result = await fn()
    await query(databaseUrl, `SELECT '${mark}_end'`)
    const deadline = Date.now() + 5_000
    while (!this.text.includes(`${mark}_end`)) {
      if (Date.now() > deadline) throw new Error(`The server never logged ${mark}_end.`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    const from = this.text.indexOf(`${mark}_start`)
    const slice = this.text.slice(this.text.indexOf('\n', from), this.text.indexOf(`${mark}_end`))
    // One entry a log record: a statement's own line breaks continue its record.
    const records = slice.split(/\n(?=\d{4}-\d\d-\d\d )/)
    return {
      result,
      statements: records.filter((record) => / LOG: {2}(statement|execute)/.test(record)),
    }
  }
}

/**
 * A primary and a streaming replica of it, both embedded PostgreSQL in a temp folder of their own
 * and both logging every statement, with one empty database `name` on them.
 */
export const startReplicatedDatabase = async (name = 'newsroom_replica') => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'newsroom-test-replica-'))
  await chmod(dir, 0o755)
  let restart: () => Promise<Replica> = () => Promise.reject(new Error('No replica to restart.'))
  const primaryLog = new StatementLog()
  const replicaLog = new StatementLog()
  let primary: EmbeddedServer | undefined
  let replica: Replica | undefined
  let replicas: Replica[] = []
  const stop = async () => {
    for (const started of replicas) await started.stop()
    await primary?.stop()
    await rm(dir, { recursive: true, force: true })
  }
  try {
    primary = await startEmbeddedPostgres({
      dataDir: path.join(dir, 'primary'),
      port: await freePort(),
      settings: { log_statement: 'all' },
      onLog: primaryLog.append,
    })
    await primary.createDatabase(name)
    const options = {
      primary,
      dataDir: path.join(dir, 'replica'),
      port: await freePort(),
      settings: { log_statement: 'all' },
      onLog: replicaLog.append,
      timeoutMs: 30_000,
    }
    replica = await startReplica(options)
    replicas = [replica]
    restart = async () => {
      const again = await startReplica(options)
      replicas.push(again)
      return again
    }
  } catch (error) {
    await stop()
    throw error
  }
  return {
    primary,
    replica,
    primaryUrl: primary.urlFor(name),
    replicaUrl: replica.url(name),
    primaryLog,
    replicaLog,
    /** starts the replica again on its folder (after `replica.stop()`) */
    restartReplica: () => restart(),
    stop,
  }
}
