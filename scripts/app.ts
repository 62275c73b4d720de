/**
 * One entry point for running the app locally or in a container:
 *
 *   tsx scripts/app.ts dev       database → migrations → demo seed (if empty) → next dev
 *   tsx scripts/app.ts start     database → migrations → demo seed (embedded only) → next start
 *   tsx scripts/app.ts migrate   database → pending migrations
 *   tsx scripts/app.ts seed      database → migrations → demo seed (if empty)
 *   tsx scripts/app.ts db        database only, until Ctrl-C (prints its URL for psql)
 *   tsx scripts/app.ts payload … database → any `payload` CLI command (migrate:create, …)
 *   tsx scripts/app.ts backup …  database → scripts/backup.ts (database + media → one archive)
 *   tsx scripts/app.ts restore … database → scripts/restore.ts (an archive → empty database)
 *   tsx scripts/app.ts worker    database → scripts/worker.ts (the jobs queue), until Ctrl-C
 *
 * "database" is DATABASE_URL when set (in the environment or a `.env` file, read first, as Next
 * reads them), otherwise PostgreSQL embedded from the npm package, with its data in
 * .data/postgres. Ctrl-C stops Next first, then PostgreSQL.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { startEmbeddedPostgres, type EmbeddedServer } from './lib/embeddedPostgres'
import { loadEnvFiles } from './lib/envFiles'
import { withHeapLimit } from './lib/serverMemory'
import { WORKER_NODE_ARGS } from './lib/workerProcess'

const root = path.resolve(import.meta.dirname, '..')
const [command = 'dev', ...rest] = process.argv.slice(2)
const envFiles = loadEnvFiles(root, command)
const dataRoot = path.resolve(root, process.env.DATA_DIR || '.data')
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name)

let server: EmbeddedServer | null = null
let child: ChildProcess | null = null

const log = (message: string) => console.log(`\x1b[36m[newsroom]\x1b[0m ${message}`)

/** Run a command to completion with the app's environment; reject on a non-zero exit. */
const run = (cmd: string, args: string[], env: NodeJS.ProcessEnv) =>
  new Promise<void>((resolve, reject) => {
    const proc = spawn(cmd, args, { cwd: root, env, stdio: 'inherit' })
    proc.on('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`${path.basename(cmd)} ${args[0]} exited with ${code ?? signal}`)),
    )
  })

/** A secret for local use, generated once and kept with the local data. */
const localSecret = () => {
  const file = path.join(dataRoot, 'payload-secret')
  if (!existsSync(file)) {
    mkdirSync(dataRoot, { recursive: true })
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 })
  }
  return readFileSync(file, 'utf8').trim()
}

const prepareEnv = async (): Promise<NodeJS.ProcessEnv> => {
  if (envFiles.length) log(`read ${envFiles.join(', ')}`)
  const env: NodeJS.ProcessEnv = { ...process.env }
  env.NODE_OPTIONS = [env.NODE_OPTIONS, '--no-deprecation'].filter(Boolean).join(' ')
  if (!env.DATABASE_URL) {
    server = await startEmbeddedPostgres({
      dataDir: path.join(dataRoot, 'postgres'),
      port: Number(env.EMBEDDED_PG_PORT) || 54329,
      verbose: env.EMBEDDED_PG_VERBOSE === 'true',
    })
    await server.createDatabase('newsroom')
    env.DATABASE_URL = server.urlFor('newsroom')
    env.EMBEDDED_DATABASE = 'true'
    log(
      `embedded PostgreSQL on 127.0.0.1:${server.port} (data in ${path.relative(root, dataRoot)}/postgres)`,
    )
  }
  if (!env.PAYLOAD_SECRET) env.PAYLOAD_SECRET = localSecret()
  return env
}

const shutdown = async (code: number) => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child?.once('exit', resolve))
    child.kill('SIGTERM')
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))])
  }
  await server?.stop().catch(() => undefined)
  process.exit(code)
}

/**
 * The `payload` CLI in plain Node. `--conditions=development` keeps the Lexical editor's module
 * graph from ending the process on an unsettled top-level await: without it
 * `payload run scripts/seed.ts` could exit 0 having seeded nothing.
 */
const payloadCli = (args: string[], env: NodeJS.ProcessEnv) =>
  run(bin('payload'), args, {
    ...env,
    NODE_OPTIONS: [env.NODE_OPTIONS, '--conditions=development'].filter(Boolean).join(' '),
  })
/** A script of this repository under tsx, with the same Node options as the CLI. */
const script = (file: string, args: string[], env: NodeJS.ProcessEnv) =>
  run(bin('tsx'), [file, ...args], {
    ...env,
    NODE_OPTIONS: [env.NODE_OPTIONS, '--conditions=development'].filter(Boolean).join(' '),
  })
const migrate = (env: NodeJS.ProcessEnv) => payloadCli(['migrate'], env)
const seed = (env: NodeJS.ProcessEnv, args: string[] = []) =>
  payloadCli(['run', 'scripts/seed.ts', ...args], env)

/** Keep the process (and the database) up while Next runs; Ctrl-C stops both. */
const serve = (args: string[], env: NodeJS.ProcessEnv) => {
  child = spawn(bin('next'), args, { cwd: root, env, stdio: 'inherit' })
  child.on('exit', (code) => void shutdown(code ?? 0))
}

const main = async () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void shutdown(0))
  const env = await prepareEnv()
  switch (command) {
    case 'dev':
      await migrate(env)
      await seed(env)
      serve(['dev', ...rest], env)
      return
    case 'start':
      await migrate(env)
      if (env.EMBEDDED_DATABASE || env.SEED_DEMO === 'true') await seed(env)
      serve(['start', ...rest], {
        ...env,
        NODE_ENV: 'production',
        NODE_OPTIONS: withHeapLimit(env.NODE_OPTIONS, env),
      })
      return
    case 'migrate':
      await migrate(env)
      return shutdown(0)
    case 'seed':
      await migrate(env)
      await seed(env, rest)
      return shutdown(0)
    case 'payload':
      await payloadCli(rest, env)
      return shutdown(0)
    case 'backup':
      await script('scripts/backup.ts', rest, env)
      return shutdown(0)
    case 'restore':
      await script('scripts/restore.ts', rest, env)
      return shutdown(0)
    case 'worker':
      // The jobs queue outside Next; stopped first on Ctrl-C, like Next.
      child = spawn(process.execPath, [...WORKER_NODE_ARGS, ...rest], {
        cwd: root,
        stdio: 'inherit',
        env,
      })
      child.on('exit', (code) => void shutdown(code ?? 0))
      return
    case 'db':
      log(`DATABASE_URL=${env.DATABASE_URL}`)
      log('Ctrl-C stops it.')
      return
    default:
      console.error(
        `Unknown command "${command}". Use dev, start, migrate, seed, backup, restore, worker, db or payload.`,
      )
      return shutdown(2)
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  void shutdown(1)
})
