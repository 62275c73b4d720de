/**
 * `--instances N`: the production topology (scripts/lib/stack) on the benchmark's database, in
 * place of one `next start` and nginx: N instances behind nginx, Redis as their shared cache, the
 * worker, a streaming replica cloned from the benchmark's PostgreSQL, media in Swift's S3 API.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'

import { PutObjectCommand } from '@aws-sdk/client-s3'

import { partsSampler, productionBuild, type Session } from '../lib'
import { instanceName } from './context'
import type { Figures } from './figures'
import type { EmbeddedServer } from '../../lib/embeddedPostgres'
import { startStack, type Stack } from '../../lib/stack'

/** The direct children of this process whose command is `comm` (redis-server, nginx). */
const childrenNamed = (comm: string) =>
  readdirSync('/proc/self/task')
    .flatMap((task) =>
      readFileSync(`/proc/self/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean),
    )
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === comm
      } catch {
        return false
      }
    })

/** The postmaster's id, from its data folder's postmaster.pid. */
const postmasterPid = (dataDir: string) => {
  try {
    return Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0])
  } catch {
    return undefined
  }
}

const CONTENT_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
}

/**
 * The seed wrote its images to the benchmark's media folder; the instances read media from the
 * object store (objects at the bucket's root, as src/plugins.ts keeps them): copied there.
 */
const copyMedia = async (stack: Stack, mediaDir: string) => {
  const files = (await readdir(mediaDir, { withFileTypes: true })).filter((f) => f.isFile())
  for (const file of files) {
    await stack.objectStore.client.send(
      new PutObjectCommand({
        Bucket: 'media',
        Key: file.name,
        Body: await readFile(path.join(mediaDir, file.name)),
        ContentType:
          CONTENT_TYPES[path.extname(file.name).toLowerCase()] ?? 'application/octet-stream',
      }),
    )
  }
  return files.length
}

/**
 * The topology on the prepared database (not seeded again; the replica clones it), its media
 * copied to the object store, and every part's memory sampled from here on.
 */
export const startTopology = async (
  session: Session,
  figures: Figures,
  {
    instances,
    database,
    databaseName,
    workDir,
  }: { instances: number; database: EmbeddedServer; databaseName: string; workDir: string },
) => {
  const build = await productionBuild(session, { referencePages: true })
  const dir = path.join(workDir, 'stack')
  const stack = await startStack({
    dir,
    instances,
    workers: 1,
    seed: false,
    database: { server: database, name: databaseName },
    log: (message) => session.log(`stack: ${message}`),
  })
  session.onStop(() => stack.stop())
  const copied = await copyMedia(stack, path.join(workDir, 'media'))
  session.log(`copied ${copied} media files to the object store`)
  const redisPids = childrenNamed('redis-server')
  const nginxPids = childrenNamed('nginx')
  const sizes = partsSampler([
    ...stack.instances.map((instance) => ({
      name: `app instance ${instanceName(instance.index)} (next start)`,
      pids: () => [instance.pid()],
    })),
    { name: 'worker (jobs queue)', pids: () => stack.workers.map((worker) => worker.pid()) },
    { name: 'Redis (shared Next cache)', pids: () => redisPids },
    {
      name: 'PostgreSQL primary (all backends)',
      pids: () => [postmasterPid(path.join(workDir, 'postgres'))],
    },
    {
      name: 'PostgreSQL replica (all backends)',
      pids: () => [postmasterPid(path.join(dir, 'replica'))],
    },
    {
      name: 'object store (Swift: proxy, account, container, object)',
      pids: () => stack.objectStore.pids,
    },
    { name: 'nginx (master and workers)', pids: () => nginxPids },
  ])

  /** Each instance's peak RSS as today's server figure; every part's peak, for the table. */
  const finishMemory = () => {
    const peaks = sizes.stop()
    peaks.slice(0, stack.instances.length).forEach((peak, index) =>
      figures.add({
        figure: `server peak RSS during the run (instance ${instanceName(index)}: next start and its children)`,
        value: peak.peakRssMb,
        unit: 'MB',
        goal: '≤ 600 MB',
        ok: (v) => v <= 600,
        note: `largest VmHWM of one process ${peak.peakHwmMb.toFixed(0)} MB; sampled every 250 ms from /proc, across the rolling restart (a new process); started by scripts/lib/stack, without the heap limit \`npm start\` and the Dockerfile set (scripts/lib/serverMemory.ts)`,
      }),
    )
    return peaks
  }

  return {
    ...build,
    stack,
    next: stack.instances[0].url,
    proxy: stack.proxyUrl,
    proxyUp: true,
    finishMemory,
  }
}
