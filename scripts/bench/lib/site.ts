/** The site under test: database, data, build, next start, proxy. */
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

import pg from 'pg'

import { bin, root } from './paths'
import { waitFor, type Session } from './session'
import { startEmbeddedPostgres } from '../../lib/embeddedPostgres'
import { localNginxConfig, nginxBinary } from '../../lib/nginxConfig'
import { freePort } from '../../lib/ports'
import { withHeapLimit } from '../../lib/serverMemory'

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

/** Whether the build in `dir`/.next has the force-static reference pages (BENCH_REFERENCE_PAGES). */
const hasReferencePages = (dir: string) => {
  try {
    return Boolean(
      (
        JSON.parse(readFileSync(path.join(dir, '.next', 'prerender-manifest.json'), 'utf8')) as {
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
 * BENCH_REFERENCE_PAGES=true (a build for measuring, not for deploying). `dir` is the checkout
 * (this repository by default; `--baseline` passes another one, built there with its own
 * node_modules).
 */
export const productionBuild = async (
  session: Session,
  { referencePages = false, dir = root }: { referencePages?: boolean; dir?: string } = {},
) => {
  const where = dir === root ? '' : ` in ${dir}`
  if (!existsSync(path.join(dir, '.next', 'BUILD_ID'))) {
    session.log(`no production build${where}: running \`npm run build\``)
    await session.run(
      dir === root ? 'build' : 'build-baseline',
      'npm',
      ['run', 'build'],
      { ...process.env, ...(referencePages ? { BENCH_REFERENCE_PAGES: 'true' } : {}) },
      dir,
    )
  } else if (referencePages && !hasReferencePages(dir)) {
    session.log(
      `no production build with the reference pages${where}: running \`npm run build\` with BENCH_REFERENCE_PAGES=true (deploy a build made by \`npm run build\` alone)`,
    )
    await session.run(
      dir === root ? 'build' : 'build-baseline',
      'npm',
      ['run', 'build'],
      { ...process.env, BENCH_REFERENCE_PAGES: 'true' },
      dir,
    )
  }
  const routes = Object.values(
    JSON.parse(
      await readFile(path.join(dir, '.next', 'app-path-routes-manifest.json'), 'utf8'),
    ) as Record<string, string>,
  )
  const previewModeId = (
    JSON.parse(await readFile(path.join(dir, '.next', 'prerender-manifest.json'), 'utf8')) as {
      preview: { previewModeId: string }
    }
  ).preview.previewModeId
  return {
    hasArticlePage: routes.includes('/[lang]/articles/[slug]'),
    hasReferencePages: hasReferencePages(dir),
    homePath: routes.includes('/[lang]') ? '/en' : '/',
    previewModeId,
    buildId: (await readFile(path.join(dir, '.next', 'BUILD_ID'), 'utf8')).trim(),
  }
}

/**
 * `next start` of the build in `dir` (this repository by default) on a free port of 127.0.0.1,
 * its stderr in `<label>.log`; ready when `ready` is. `nodeArgs` start it as
 * `node <nodeArgs> node_modules/next/dist/bin/next start` (e.g. `--cpu-prof`): `next start` is
 * one Node process, the server runs in it. `stop(signal, graceMs)` stops it.
 */
export const startNext = async (
  session: Session,
  env: NodeJS.ProcessEnv,
  ready: string,
  {
    dir = root,
    label = 'next',
    nodeArgs,
  }: { dir?: string; label?: string; nodeArgs?: string[] } = {},
) => {
  // Entries of an earlier run (another database) must not answer this run's reads.
  await rm(path.join(dir, '.next', 'cache', 'fetch-cache'), { recursive: true, force: true })
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const startArgs = ['start', '-H', '127.0.0.1', '-p', String(port)]
  const { proc, stop } = session.service(
    label,
    nodeArgs ? process.execPath : path.join(dir, 'node_modules', '.bin', 'next'),
    nodeArgs
      ? [...nodeArgs, path.join(dir, 'node_modules', 'next', 'dist', 'bin', 'next'), ...startArgs]
      : startArgs,
    {
      cwd: dir,
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
  session.log(`${label} start on ${url}${dir === root ? '' : ` (${dir})`}`)
  return { url, port, proc, stop }
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
  /** its folder under the session's (config, cache, logs): one per proxy started */
  name = 'nginx',
) => {
  if (!nginxBinary) throw new Error('nginx is not installed (apt-get install -y nginx-light)')
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const dir = path.join(session.state.workDir, name)
  await mkdir(path.join(dir, 'cache'), { recursive: true })
  const config = await localNginxConfig({
    dir,
    upstream: `127.0.0.1:${nextPort}`,
    port,
    refreshPort: refreshPort ?? (await freePort()),
  })
  const configFile = path.join(dir, 'nginx.conf')
  await writeFile(configFile, config)
  const { proc, stop } = session.service(
    name,
    nginxBinary,
    ['-c', configFile, '-p', dir, '-g', 'daemon off;'],
    {
      logFile: path.join(dir, 'stderr.log'),
    },
  )
  await waitFor(`${url}${ready}`, proc, 15_000)
  session.log(`${name} on ${url}`)
  return { url, stop }
}
