/**
 * The production topology on one machine, from Debian and npm packages only (docs/deploy.md):
 *
 *   nginx (cache, retries) → app instances (next start, one build) → PostgreSQL primary
 *                                       ↘ Redis (shared Next cache)      ↘ streaming replica
 *                                       ↘ object store (Swift, S3 API)
 *   workers (the jobs queue, one at a time) → PostgreSQL primary
 *
 * `npm run stack` runs it for a person (scripts/stack.ts), `npm run test:stack` for the tests
 * (tests/stack/), `npm run bench -- --instances 2` for the benchmark. Everything listens on
 * 127.0.0.1; `stop()` stops it all, apps first, PostgreSQL last.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chmod, mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'

import { startEmbeddedPostgres, type EmbeddedServer } from '../embeddedPostgres'
import { localNginxConfig, nginxBinary, readRefreshLog } from '../nginxConfig'
import { s3Env, startObjectStore, type ObjectStore } from '../objectStore'
import { freePort } from '../ports'
import { redisBinary, startRedis, type RedisServer } from '../redis'
import { startReplica, type Replica } from '../replica'
import { withHeapLimit } from '../serverMemory'
import { WORKER_NODE_ARGS } from '../workerProcess'
import { startProcess, waitForOk, type ManagedProcess } from './processes'

const root = path.resolve(import.meta.dirname, '../../..')
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name)

export type StackOptions = {
  /** where the data, logs and configuration go */
  dir: string
  /** web instances behind nginx (2) */
  instances?: number
  /** job runners (1); tests start a second with `startWorker` */
  workers?: number
  /** fixed ports for a person (`npm run stack`); free ones otherwise */
  ports?: Partial<Record<'proxy' | 'refresh' | 'redis' | 'primary' | 'replica', number>> & {
    apps?: number[]
  }
  /** print every process's output here too */
  echo?: boolean
  /** seed the demo newsroom into an empty database (true) */
  seed?: boolean
  /**
   * An embedded primary already running with the data in `name` (the benchmark's): used instead
   * of a new one (the replica clones it), and left running by `stop()`, since its owner stops it.
   */
  database?: { server: EmbeddedServer; name: string }
  /** how often a worker looks at the queue (JOBS_INTERVAL_SECONDS; the worker's default 10) */
  jobsIntervalSeconds?: number
  log?: (message: string) => void
}

export type Instance = {
  index: number
  url: string
  /** the `next start` process's id, while it runs */
  pid: () => number | undefined
  running: () => boolean
  start: () => Promise<void>
  stop: () => Promise<void>
  kill: () => Promise<void>
}

export type Stack = {
  /** where readers and editors go: nginx */
  proxyUrl: string
  refreshUrl: string
  /** what nginx logged for the refresh port so far, a line per page the app had fetched again */
  refreshLog: () => Promise<string[]>
  instances: Instance[]
  workers: ManagedProcess[]
  /** the environment every app process shares (secrets, database, cache, store) */
  env: NodeJS.ProcessEnv
  outboxDir: string
  primary: EmbeddedServer
  replica: Replica
  /** the replica's URL for the app's database */
  replicaUrl: string
  redis: RedisServer
  objectStore: ObjectStore
  /** the object store's S3 endpoint */
  objectStoreUrl: string
  startWorker: () => Promise<ManagedProcess>
  /** each instance in turn: stopped, started, ready, and back in nginx's rotation */
  rollingRestart: () => Promise<void>
  stop: () => Promise<void>
}

/**
 * The Debian packages the stack needs that this machine lacks (nginx-light, redis-server,
 * python3-swift): `apt-get install` them. Empty when all are there.
 */
export const missingStackPackages = (): string[] => [
  ...(nginxBinary ? [] : ['nginx-light']),
  ...(redisBinary ? [] : ['redis-server']),
  ...(spawnSync('/usr/bin/python3', ['-c', 'import swift.proxy.server'], { stdio: 'ignore' })
    .status === 0
    ? []
    : ['python3-swift']),
]

/** How long nginx keeps a failed instance out of rotation (deploy/nginx.conf, fail_timeout). */
export const UPSTREAM_FAIL_TIMEOUT_MS = 3000

/** Runs a command to its end (migrations, seed); rejects when it fails. */
const run = async (
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  logDir: string,
  echo: boolean,
) => {
  const proc = startProcess({ name, command, args, env, cwd: root, logDir, echo })
  await proc.exited()
  if (proc.exitCode() !== 0) {
    throw new Error(
      `${name} failed (exit ${proc.exitCode()}): see ${path.join(logDir, `${name}.log`)}`,
    )
  }
}

export const startStack = async (options: StackOptions): Promise<Stack> => {
  const { dir, instances: instanceCount = 2, workers: workerCount = 1, echo = false } = options
  const log = options.log ?? (() => {})
  if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    throw new Error('No production build: run `npm run build` first.')
  }
  const missing = missingStackPackages()
  if (missing.length > 0 || !nginxBinary) {
    throw new Error(`Missing Debian packages: apt-get install -y ${missing.join(' ')}`)
  }
  const logDir = path.join(dir, 'logs')
  const outboxDir = path.join(dir, 'outbox')
  const proxyDir = path.join(dir, 'nginx')
  for (const folder of [logDir, outboxDir, path.join(proxyDir, 'cache')]) {
    await mkdir(folder, { recursive: true })
  }
  // Started as root, nginx's workers run as `nobody`: they must reach the cache and temp folders.
  await chmod(proxyDir, 0o755)

  const port = async (name: 'proxy' | 'refresh' | 'redis' | 'primary' | 'replica') =>
    options.ports?.[name] ?? (await freePort())
  const stoppers: (() => Promise<void>)[] = []
  const stopAll = async () => {
    for (const stop of stoppers.splice(0).reverse()) await stop().catch(() => undefined)
  }

  try {
    const databaseName = options.database?.name ?? 'newsroom'
    const primary =
      options.database?.server ??
      (await startEmbeddedPostgres({
        dataDir: path.join(dir, 'postgres'),
        port: await port('primary'),
      }))
    if (!options.database) {
      stoppers.push(() => primary.stop())
      await primary.createDatabase(databaseName)
    }
    log(`PostgreSQL primary on 127.0.0.1:${primary.port}`)
    // A streaming standby cloned from the primary's folder (or restarted on its own).
    const replica = await startReplica({
      primary,
      dataDir: path.join(dir, 'replica'),
      port: await port('replica'),
    })
    stoppers.push(() => replica.stop())
    log(`PostgreSQL replica on 127.0.0.1:${replica.port} (${replica.startedFrom})`)

    const redis = await startRedis({ port: await port('redis') })
    stoppers.push(() => redis.stop())
    log(`Redis on ${redis.url}`)

    const objectStore = await startObjectStore({ dir: path.join(dir, 'objectstore') })
    stoppers.push(() => objectStore.stop())
    await objectStore.createBucket('media')
    log(`object store (OpenStack Swift, S3 API) on ${objectStore.endpoint}`)

    const proxyPort = await port('proxy')
    const refreshPort = await port('refresh')
    const proxyUrl = `http://127.0.0.1:${proxyPort}`
    const refreshUrl = `http://127.0.0.1:${refreshPort}`
    const appPorts: number[] = []
    for (let i = 0; i < instanceCount; i++) {
      appPorts.push(options.ports?.apps?.[i] ?? (await freePort()))
    }

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: primary.urlFor(databaseName),
      REDIS_URL: redis.url,
      PAYLOAD_SECRET: process.env.PAYLOAD_SECRET || 'stack-secret-change-me',
      PREVIEW_SECRET: process.env.PREVIEW_SECRET || 'stack-preview-secret',
      // Links in emails and feeds point where readers are: nginx.
      SERVER_URL: proxyUrl,
      PROXY_REFRESH_URL: refreshUrl,
      TRUSTED_PROXY_HOPS: '1',
      MAIL_OUTBOX_DIR: outboxDir,
      // Media in the object store: an upload through one instance is served by every other.
      ...s3Env(objectStore, 'media'),
      // The web instances run no jobs: the worker does.
      JOBS_AUTORUN: 'false',
      ...(options.jobsIntervalSeconds
        ? { JOBS_INTERVAL_SECONDS: String(options.jobsIntervalSeconds) }
        : {}),
      NODE_OPTIONS: '--no-deprecation',
    }
    // Migrations and the seed write: the primary only.
    const cli = { ...env, NODE_OPTIONS: '--no-deprecation --conditions=development' }
    // Readers' queries on the replica, for the instances and the worker.
    env.DATABASE_REPLICA_URLS = replica.url(databaseName)
    await run('migrate', bin('payload'), ['migrate'], cli, logDir, echo)
    if (options.seed !== false) {
      await run('seed', bin('payload'), ['run', 'scripts/seed.ts'], cli, logDir, echo)
    }

    const instances: Instance[] = appPorts.map((appPort, index) => {
      let proc: ManagedProcess | null = null
      const url = `http://127.0.0.1:${appPort}`
      const instance: Instance = {
        index,
        url,
        pid: () => (proc?.running() ? proc.pid() : undefined),
        running: () => proc?.running() ?? false,
        start: async () => {
          proc = startProcess({
            name: `app${index + 1}`,
            command: bin('next'),
            args: ['start', '-H', '127.0.0.1', '-p', String(appPort)],
            // The heap limit `npm start` and the image give the server (README, "Memory").
            env: {
              ...env,
              NODE_ENV: 'production',
              NODE_OPTIONS: withHeapLimit(env.NODE_OPTIONS, env),
            },
            cwd: root,
            logDir,
            echo,
          })
          await waitForOk(`${url}/api/health/ready`, proc)
        },
        stop: async () => proc?.stop(),
        kill: async () => proc?.kill(),
      }
      return instance
    })
    stoppers.push(async () => {
      await Promise.all(instances.map((instance) => instance.stop()))
    })
    await Promise.all(instances.map((instance) => instance.start()))
    log(`app instances: ${instances.map((instance) => instance.url).join(', ')}`)

    const config = await localNginxConfig({
      dir: proxyDir,
      upstream: appPorts.map((appPort) => `127.0.0.1:${appPort}`),
      port: proxyPort,
      refreshPort,
    })
    await writeFile(path.join(proxyDir, 'nginx.conf'), config)
    const nginx = startProcess({
      name: 'nginx',
      command: nginxBinary,
      args: ['-c', path.join(proxyDir, 'nginx.conf'), '-p', proxyDir, '-g', 'daemon off;'],
      env,
      cwd: root,
      logDir,
      echo,
    })
    stoppers.push(() => nginx.stop())
    await waitForOk(`${proxyUrl}/api/health`, nginx, 15_000)
    log(`nginx on ${proxyUrl} (refresh port ${refreshPort})`)

    const workers: ManagedProcess[] = []
    const startWorker = async () => {
      const worker = startProcess({
        name: `worker${workers.length + 1}`,
        command: process.execPath,
        args: WORKER_NODE_ARGS,
        env: {
          ...env,
          // A scheduled publish expires the shared cache through an instance's revalidation
          // route (src/cache/revalidate.ts), reached through nginx.
          REVALIDATE_OVER_HTTP: 'true',
          INTERNAL_URL: proxyUrl,
        },
        cwd: root,
        logDir,
        echo,
      })
      workers.push(worker)
      return worker
    }
    stoppers.push(async () => {
      await Promise.all(workers.map((worker) => worker.stop()))
    })
    for (let i = 0; i < workerCount; i++) await startWorker()

    return {
      proxyUrl,
      refreshUrl,
      refreshLog: () => readRefreshLog(proxyDir),
      instances,
      workers,
      env,
      outboxDir,
      primary,
      replica,
      replicaUrl: replica.url(databaseName),
      redis,
      objectStore,
      objectStoreUrl: objectStore.endpoint,
      startWorker,
      rollingRestart: async () => {
        for (const instance of instances) {
          await instance.stop()
          await instance.start()
          await new Promise((resolve) => setTimeout(resolve, UPSTREAM_FAIL_TIMEOUT_MS + 500))
        }
      },
      stop: stopAll,
    }
  } catch (error) {
    await stopAll()
    throw error
  }
}
