/**
 * What the benchmark (run.ts) and the load run (load.ts) share: a session that stops everything
 * it started (on success, failure and Ctrl-C), the fresh database with the demo newsroom and N
 * generated articles, the production build under `next start`, nginx with the deployment's
 * config, autocannon, and memory sampled from /proc.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createWriteStream, existsSync, readFileSync, readdirSync } from 'node:fs'
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import autocannon from 'autocannon'
import pg from 'pg'

import { startEmbeddedPostgres, type EmbeddedServer } from '../lib/embeddedPostgres'
import { localNginxConfig, nginxBinary } from '../lib/nginxConfig'
import { withHeapLimit } from '../lib/serverMemory'
import { freePort } from '../lib/ports'
import { percentile } from '../lib/stats'

export const root = path.resolve(import.meta.dirname, '../..')
export const bin = (name: string) => path.join(root, 'node_modules', '.bin', name)

export { freePort }

export const waitFor = async (url: string, proc: ChildProcess, timeoutMs = 120_000) => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`${url}: the server exited with ${proc.exitCode}`)
    try {
      const response = await fetch(url)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`)
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

// ─── a session: everything started is stopped ────────────────────────────────────────────────

export type Session = ReturnType<typeof createSession>

/**
 * Logging, the temporary folder, and every child process and the database, stopped by
 * `stopAll` (Next and the proxy before PostgreSQL). `finish(main)` runs the script and exits
 * with main's code (1 on an exception), after stopping everything.
 */
export const createSession = ({
  name,
  keep,
  timeoutMinutes,
}: {
  name: string
  keep: boolean
  timeoutMinutes: number
}) => {
  const started = Date.now()
  const log = (message: string) =>
    console.log(
      `\x1b[35m[${name} ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s]\x1b[0m ${message}`,
    )
  const children: { name: string; proc: ChildProcess }[] = []
  const state = { workDir: '', database: null as EmbeddedServer | null, stopping: false }

  const stopChild = async ({ proc }: { proc: ChildProcess }) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return
    const exited = new Promise((resolve) => proc.once('exit', resolve))
    proc.kill('SIGTERM')
    const done = await Promise.race([
      exited.then(() => true),
      new Promise((resolve) => setTimeout(() => resolve(false), 5000)),
    ])
    if (!done) proc.kill('SIGKILL')
  }

  const stopAll = async () => {
    if (state.stopping) return
    state.stopping = true
    for (const child of [...children].reverse()) await stopChild(child)
    await state.database?.stop().catch(() => undefined)
    if (state.workDir && !keep) {
      await rm(state.workDir, { recursive: true, force: true, maxRetries: 5 }).catch(
        (error: Error) => log(`could not remove ${state.workDir}: ${error.message}`),
      )
    } else if (state.workDir) log(`kept ${state.workDir}`)
  }

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      log(`${signal}: stopping everything`)
      void stopAll().then(() => process.exit(130))
    })
  }

  /** A folder for this run (world-readable: as root, PostgreSQL runs as the user `postgres`). */
  const makeWorkDir = async () => {
    state.workDir = await mkdtemp(path.join(os.tmpdir(), `newsroom-${name}-`))
    await chmod(state.workDir, 0o755)
    return state.workDir
  }

  /** Runs a command to completion, its output to a log file; rejects with the log's tail. */
  const run = (label: string, cmd: string, cmdArgs: string[], env: NodeJS.ProcessEnv) =>
    new Promise<string>((resolve, reject) => {
      const out = createWriteStream(path.join(state.workDir, `${label}.log`))
      const proc = spawn(cmd, cmdArgs, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
      children.push({ name: label, proc })
      let output = ''
      const collect = (chunk: Buffer) => {
        output += chunk.toString()
        out.write(chunk)
      }
      proc.stdout?.on('data', collect)
      proc.stderr?.on('data', collect)
      proc.on('exit', (code) => {
        out.end()
        if (code === 0) resolve(output)
        else
          reject(
            new Error(`${label} exited with ${code}:\n${output.split('\n').slice(-25).join('\n')}`),
          )
      })
    })

  /** A long-running child, stopped with the others; its stderr goes to `<label>.log`. */
  const service = (
    label: string,
    cmd: string,
    cmdArgs: string[],
    options: { env?: NodeJS.ProcessEnv; logFile?: string } = {},
  ) => {
    const proc = spawn(cmd, cmdArgs, {
      cwd: root,
      env: options.env ?? process.env,
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    proc.stderr?.pipe(
      createWriteStream(options.logFile ?? path.join(state.workDir, `${label}.log`)),
    )
    const child = { name: label, proc }
    children.push(child)
    return { proc, stop: () => stopChild(child) }
  }

  const finish = (main: () => Promise<number | void>) => {
    const watchdog = setTimeout(() => {
      log(`gave up after ${timeoutMinutes} minutes`)
      void stopAll().then(() => process.exit(1))
    }, timeoutMinutes * 60_000)
    watchdog.unref()
    main()
      .then(async (code) => {
        await stopAll()
        process.exit(code ?? 0)
      })
      .catch(async (error: unknown) => {
        console.error(error instanceof Error ? error.message : error)
        await stopAll()
        process.exit(1)
      })
  }

  return {
    log,
    run,
    service,
    stopAll,
    finish,
    makeWorkDir,
    state,
    setDatabase: (server: EmbeddedServer) => {
      state.database = server
    },
  }
}

// ─── the site: database, data, build, next start, proxy ──────────────────────────────────────

export type ImportSummary = {
  imported: number
  failed: number
  seconds: number
  articlesPerSecond: number
  cpuSeconds: { importer: number; database: number | null }
}

/**
 * A fresh embedded PostgreSQL in the session's folder, migrated, the demo newsroom seeded, and
 * `articles` generated articles (deterministic for `seed`) loaded by the bulk importer.
 */
export const prepareDatabase = async (
  session: Session,
  { articles, seed }: { articles: number; seed: number },
) => {
  const { log, run } = session
  const workDir = session.state.workDir
  const dataFile = path.join(workDir, 'articles.ndjson')
  const mediaDir = path.join(workDir, 'media')
  await mkdir(mediaDir)
  // The data file is written while the database starts, migrates and is seeded.
  const generating = run(
    'generate',
    bin('tsx'),
    [
      'scripts/bench/generate.ts',
      '--articles',
      String(articles),
      '--seed',
      String(seed),
      '--out',
      dataFile,
    ],
    { ...process.env },
  )
  const database = await startEmbeddedPostgres({
    dataDir: path.join(workDir, 'postgres'),
    port: Number(process.env.EMBEDDED_PG_PORT) || (await freePort()),
  })
  session.setDatabase(database)
  await database.createDatabase('bench')
  const databaseUrl = database.urlFor('bench')
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PAYLOAD_SECRET: 'bench-secret',
    MEDIA_DIR: mediaDir,
    // Payload's CLI imports Lexical; plain Node 20 sometimes quits on its top-level await
    // without this condition (the test scripts in package.json pass it too).
    NODE_OPTIONS: '--no-deprecation --conditions=development',
  }
  log(`PostgreSQL on 127.0.0.1:${database.port}; migrating and seeding the demo newsroom`)
  await run('migrate', bin('payload'), ['migrate'], env)
  const probe = new pg.Client({ connectionString: databaseUrl })
  await probe.connect()
  const { rows: tables } = await probe.query<{ t: string | null }>(
    `SELECT to_regclass('public.articles')::text AS t`,
  )
  await probe.end()
  if (!tables[0]?.t) throw new Error('`payload migrate` exited without migrating (see migrate.log)')
  await run('seed', bin('payload'), ['run', 'scripts/seed.ts'], env)
  await generating
  log('importing')
  const importOutput = await run(
    'import',
    bin('payload'),
    ['run', 'scripts/import.ts', dataFile],
    env,
  ).catch((error: Error) => error.message)
  const summaryLine = /IMPORT_SUMMARY (.+)/.exec(importOutput)?.[1]
  if (!summaryLine) throw new Error(`the import printed no summary:\n${importOutput.slice(-2000)}`)
  const imported = JSON.parse(summaryLine) as ImportSummary
  log(
    `imported ${imported.imported} (${imported.failed} failed) in ${imported.seconds.toFixed(1)} s: ${Math.round(imported.articlesPerSecond)} articles/s`,
  )
  await rm(dataFile, { force: true })
  return { database, databaseUrl, env, imported }
}

/** Whether the build in .next has the force-static reference pages (BENCH_REFERENCE_PAGES). */
const hasReferencePages = () => {
  try {
    return Boolean(
      (
        JSON.parse(readFileSync(path.join(root, '.next', 'prerender-manifest.json'), 'utf8')) as {
          routes: Record<string, unknown>
        }
      ).routes['/next/reference/8'],
    )
  } catch {
    return false
  }
}

/**
 * The production build (built first when .next/BUILD_ID is missing) and what it has. With
 * `referencePages`, a build without the force-static reference pages is rebuilt with
 * BENCH_REFERENCE_PAGES=true (a build for measuring, not for deploying).
 */
export const productionBuild = async (
  session: Session,
  { referencePages = false }: { referencePages?: boolean } = {},
) => {
  if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    session.log('no production build: running `npm run build`')
    await session.run('build', 'npm', ['run', 'build'], {
      ...process.env,
      ...(referencePages ? { BENCH_REFERENCE_PAGES: 'true' } : {}),
    })
  } else if (referencePages && !hasReferencePages()) {
    session.log(
      'no production build with the reference pages: running `npm run build` with BENCH_REFERENCE_PAGES=true (deploy a build made by `npm run build` alone)',
    )
    await session.run('build', 'npm', ['run', 'build'], {
      ...process.env,
      BENCH_REFERENCE_PAGES: 'true',
    })
  }
  const routes = Object.values(
    JSON.parse(
      await readFile(path.join(root, '.next', 'app-path-routes-manifest.json'), 'utf8'),
    ) as Record<string, string>,
  )
  const previewModeId = (
    JSON.parse(await readFile(path.join(root, '.next', 'prerender-manifest.json'), 'utf8')) as {
      preview: { previewModeId: string }
    }
  ).preview.previewModeId
  return {
    hasArticlePage: routes.includes('/[lang]/articles/[slug]'),
    hasReferencePages: hasReferencePages(),
    homePath: routes.includes('/[lang]') ? '/en' : '/',
    previewModeId,
  }
}

/** `next start` on a free port of 127.0.0.1, its stderr in next.log; ready when `ready` is. */
export const startNext = async (session: Session, env: NodeJS.ProcessEnv, ready: string) => {
  // Entries of an earlier run (another database) must not answer this run's reads.
  await rm(path.join(root, '.next', 'cache', 'fetch-cache'), { recursive: true, force: true })
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const { proc } = session.service(
    'next',
    bin('next'),
    ['start', '-H', '127.0.0.1', '-p', String(port)],
    {
      // As `npm start` and the Dockerfile start it: with the production heap limit.
      env: {
        ...env,
        NODE_ENV: 'production',
        SERVER_URL: url,
        NODE_OPTIONS: withHeapLimit('--no-deprecation', env),
      },
    },
  )
  await waitFor(`${url}${ready}`, proc)
  session.log(`next start on ${url}`)
  return { url, port, proc }
}

/**
 * nginx with deploy/nginx.conf in front of Next; throws when nginx is missing or fails. Its
 * refresh port is `refreshPort` (start Next with PROXY_REFRESH_URL pointing at it first).
 */
export const startProxy = async (
  session: Session,
  nextPort: number,
  ready: string,
  refreshPort?: number,
) => {
  if (!nginxBinary) throw new Error('nginx is not installed (apt-get install -y nginx-light)')
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const dir = path.join(session.state.workDir, 'nginx')
  await mkdir(path.join(dir, 'cache'), { recursive: true })
  const config = await localNginxConfig({
    dir,
    upstream: `127.0.0.1:${nextPort}`,
    port,
    refreshPort: refreshPort ?? (await freePort()),
  })
  const configFile = path.join(dir, 'nginx.conf')
  await writeFile(configFile, config)
  const { proc } = session.service(
    'nginx',
    nginxBinary,
    ['-c', configFile, '-p', dir, '-g', 'daemon off;'],
    {
      logFile: path.join(dir, 'stderr.log'),
    },
  )
  await waitFor(`${url}${ready}`, proc, 15_000)
  session.log(`nginx on ${url}`)
  return { url }
}

// ─── measuring ───────────────────────────────────────────────────────────────────────────────

export type Load = {
  requestsPerSecond: number
  p50: number
  p95: number
  p99: number
  requests: number
  /** connection errors, timeouts not included */
  errors: number
  timeouts: number
  non2xx: number
  /** responses by HTTP status */
  statuses: Record<string, number>
}

export { percentile }

/** autocannon against one URL (or a path chosen per request) for `duration` seconds. */
export const load = async (
  base: string,
  options: {
    path?: string
    paths?: () => string
    connections: number
    duration: number
    headers?: Record<string, string>
    timeoutSeconds?: number
  },
): Promise<Load> => {
  const times: number[] = []
  const statuses: Record<string, number> = {}
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${base}${options.path ?? '/'}`,
        connections: options.connections,
        duration: options.duration,
        headers: options.headers,
        timeout: options.timeoutSeconds ?? 10,
        ...(options.paths
          ? { requests: [{ setupRequest: (request) => ({ ...request, path: options.paths!() }) }] }
          : {}),
      },
      (error: unknown, done: autocannon.Result) => (error ? reject(error) : resolve(done)),
    )
    instance.on('response', (_client, status, _bytes, responseTime) => {
      times.push(responseTime)
      statuses[status] = (statuses[status] ?? 0) + 1
    })
  })
  times.sort((a, b) => a - b)
  return {
    requestsPerSecond: result.requests.average,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    requests: result.requests.total,
    // autocannon counts a timeout as an error too
    errors: result.errors - result.timeouts,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statuses,
  }
}

/**
 * Memory of a process and its descendants, sampled from /proc every `everyMs`: the peak, the
 * largest VmHWM of one process, and every sample (seconds since start, MB) to see growth.
 */
export const memorySampler = (pid: number, everyMs = 250) => {
  const t0 = Date.now()
  let peakRss = 0
  let peakHwm = 0
  const samples: { s: number; mb: number }[] = []
  const descendants = (p: number): number[] => {
    try {
      const kids = readdirSync(`/proc/${p}/task`).flatMap((task) =>
        readFileSync(`/proc/${p}/task/${task}/children`, 'utf8')
          .trim()
          .split(/\s+/)
          .filter(Boolean)
          .map(Number),
      )
      return [p, ...kids.flatMap(descendants)]
    } catch {
      return []
    }
  }
  const kb = (status: string, field: string) =>
    Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0)
  const sample = () => {
    let rss = 0
    for (const p of descendants(pid)) {
      try {
        const status = readFileSync(`/proc/${p}/status`, 'utf8')
        rss += kb(status, 'VmRSS')
        peakHwm = Math.max(peakHwm, kb(status, 'VmHWM'))
      } catch {
        // exited between listing and reading
      }
    }
    peakRss = Math.max(peakRss, rss)
    samples.push({ s: (Date.now() - t0) / 1000, mb: rss / 1024 })
    return rss / 1024
  }
  const timer = setInterval(sample, everyMs)
  sample()
  return {
    /** the current RSS of the tree, in MB */
    now: sample,
    samples,
    stop: () => {
      clearInterval(timer)
      sample()
      return { peakRssMb: peakRss / 1024, peakHwmMb: peakHwm / 1024 }
    },
  }
}

// ─── reporting ───────────────────────────────────────────────────────────────────────────────

export const fmt = (value: number | null, unit: string) =>
  value === null
    ? 'not measured'
    : `${value >= 100 ? Math.round(value).toLocaleString('en') : value.toFixed(value >= 10 ? 1 : 2)}${unit ? ` ${unit}` : ''}`

export const versionOf = (name: string) => {
  try {
    return JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8'))
      .version as string
  } catch {
    return 'unknown'
  }
}

/** Cores, CPU, memory, Node and the load average now (pass the one taken at the start). */
export const machineInfo = (loadAtStart: number[]) => ({
  cores: os.cpus().length,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  memoryGb: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  loadAverageAtStart: loadAtStart.map((n) => Number(n.toFixed(2))),
  loadAverageAtEnd: os.loadavg().map((n) => Number(n.toFixed(2))),
})

/** Versions of what is measured; PostgreSQL's asked from the server. */
export const versionsOf = async (databaseUrl: string) => ({
  next: versionOf('next'),
  payload: versionOf('payload'),
  react: versionOf('react'),
  autocannon: versionOf('autocannon'),
  postgresql: await (async () => {
    const client = new pg.Client({ connectionString: databaseUrl })
    await client.connect()
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version')
    await client.end()
    return rows[0].server_version
  })(),
  nginx:
    spawnSync('nginx', ['-v'], { encoding: 'utf8' })
      .stderr?.trim()
      .replace('nginx version: ', '') || 'not installed',
})

/** Writes bench/results/<name>.md and <name>.json. */
export const writeResults = async (name: string, markdown: string, json: unknown) => {
  await mkdir(path.join(root, 'bench', 'results'), { recursive: true })
  await writeFile(path.join(root, 'bench', 'results', `${name}.md`), markdown)
  await writeFile(
    path.join(root, 'bench', 'results', `${name}.json`),
    `${JSON.stringify(json, null, 2)}\n`,
  )
}
