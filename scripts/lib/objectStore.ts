import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3'

import {
  accountServerConf,
  buildRingsPy,
  containerServerConf,
  DEVICE,
  launcherPy,
  localCachePy,
  objectServerConf,
  proxyServerConf,
  swiftConf,
  type SwiftLayout,
  xattrCheckPy,
} from './objectStore/swiftFiles'
import { freePort } from './ports'

/**
 * A throw-away S3-compatible object store: a single-node OpenStack Swift 2.30 with its `s3api`
 * middleware, on 127.0.0.1, everything (configs, rings, data) in one folder. It needs Debian's
 * `python3-swift` only (the servers, s3api, tempauth and the ring builder are its Python
 * libraries, run here with our own configs); `swift-proxy`, `swift-account`, `swift-container`
 * and `swift-object` add system services and /etc/swift configs this does not use.
 *
 *   const store = await startObjectStore()          // or { dir: '.data/objectstore', port: 9000 }
 *   await store.createBucket('media')
 *   spawn('next', ['start'], { env: { ...process.env, ...s3Env(store, 'media') } })
 *   await store.stop()
 *
 * The servers are Python processes started here; they end on stop(), when this process exits,
 * and when it is killed (they ask the kernel for a signal when their parent dies).
 * Linux only (extended attributes, prctl).
 */

export type ObjectStoreOptions = {
  /**
   * the folder for configs, rings and objects, kept on stop: a later start on it finds the
   * buckets and objects again. By default a new temp folder, removed on stop.
   */
  dir?: string
  /** the S3 endpoint's port on 127.0.0.1; a free one by default */
  port?: number
  /** the S3 credentials; the access key is `account:user` (Swift tempauth) */
  account?: string
  user?: string
  secretAccessKey?: string
  region?: string
  /** how long the four servers may take to answer their health checks (default 30 s) */
  startTimeoutMs?: number
  /** Python with Swift's libraries (default /usr/bin/python3, as the packaged scripts use) */
  python?: string
  /** print the servers' own output */
  verbose?: boolean
}

export type ObjectStore = {
  /** the S3 endpoint, `http://127.0.0.1:<port>` (path-style addressing) */
  endpoint: string
  region: string
  accessKeyId: string
  secretAccessKey: string
  /** the folder holding configs, rings and objects */
  dir: string
  /** an S3 client for this store (path style, checksums only where S3 requires them) */
  client: S3Client
  /** creates a bucket (private, as every bucket on this store) */
  createBucket: (name: string) => Promise<void>
  /** the resident memory of the four server processes together, in bytes */
  rssBytes: () => Promise<number>
  /** the server processes' ids (proxy, account, container, object) */
  pids: number[]
  /** stops every server (SIGTERM, SIGKILL after 5 s) and removes the folder if it made it */
  stop: () => Promise<void>
}

const SERVERS = ['account', 'container', 'object', 'proxy'] as const
type ServerName = (typeof SERVERS)[number]

type Child = { name: ServerName; process: ChildProcess; output: string[]; exited: boolean }

const run = (command: string, args: string[], timeoutMs = 20_000) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      if (code === 0) resolve()
      else reject(new Error(`${command} ${args[0]} failed (${signal ?? code}): ${output.trim()}`))
    })
  })

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const healthy = async (port: number) => {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/healthcheck`, {
      signal: AbortSignal.timeout(1000),
    })
    return response.status === 200
  } catch {
    return false
  }
}

const exited = (child: Child) =>
  new Promise<void>((resolve) => {
    if (child.exited) resolve()
    else child.process.once('exit', () => resolve())
  })

/** SIGTERM, then SIGKILL when the server has not gone within the grace time. */
const stopChild = async (child: Child, graceMs = 5000) => {
  if (child.exited) return
  child.process.kill('SIGTERM')
  const gone = await Promise.race([
    exited(child).then(() => true),
    sleep(graceMs).then(() => false),
  ])
  if (!gone) {
    child.process.kill('SIGKILL')
    await Promise.race([exited(child), sleep(2000)])
  }
}

const rssOf = async (pid: number) => {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '')
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]
  return kb ? Number(kb) * 1024 : 0
}

/** Killed children when this process exits without calling stop() (a crashed test run). */
const live = new Set<Child>()
let exitHooked = false
const hookExit = () => {
  if (exitHooked) return
  exitHooked = true
  process.once('exit', () => {
    for (const child of live) if (!child.exited) child.process.kill('SIGKILL')
  })
}

/** Writes the configs (keeping an existing swift.conf, whose hash places the objects) and rings. */
const prepare = async (layout: SwiftLayout, python: string) => {
  await mkdir(layout.etcDir, { recursive: true })
  await mkdir(path.join(layout.devicesDir, DEVICE), { recursive: true })
  const file = (name: string) => path.join(layout.etcDir, name)
  const existingConf = await readFile(file('swift.conf'), 'utf8').catch(() => null)
  await Promise.all([
    writeFile(file('swift.conf'), existingConf ?? swiftConf(randomBytes(8).toString('hex'))),
    writeFile(file('account-server.conf'), accountServerConf(layout)),
    writeFile(file('container-server.conf'), containerServerConf(layout)),
    writeFile(file('object-server.conf'), objectServerConf(layout)),
    writeFile(file('proxy-server.conf'), proxyServerConf(layout)),
    writeFile(file('launch.py'), launcherPy),
    writeFile(file('newsroom_localcache.py'), localCachePy),
    writeFile(file('build_rings.py'), buildRingsPy),
    writeFile(file('xattr_check.py'), xattrCheckPy),
  ])

  await run(python, ['-c', 'import swift.proxy.server, swift.common.middleware.s3api']).catch(
    (error: Error) => {
      throw new Error(
        `OpenStack Swift's Python libraries are not importable by ${python}: install Debian's ` +
          `python3-swift (apt-get install python3-swift). ${error.message}`,
      )
    },
  )
  // Swift keeps each object's metadata in extended attributes of its file.
  await run(python, [file('xattr_check.py'), path.join(layout.devicesDir, DEVICE)]).catch(
    (error: Error) => {
      throw new Error(
        `The object store's folder ${layout.devicesDir} does not keep extended attributes ` +
          `(user.*), which Swift needs; pass a dir on a filesystem that does (ext4, xfs; tmpfs from Linux 6.6). ` +
          error.message,
      )
    },
  )
  await run(python, [
    file('build_rings.py'),
    layout.etcDir,
    `account=${layout.ports.account}`,
    `container=${layout.ports.container}`,
    `object=${layout.ports.object}`,
  ])
}

/** Starts the four servers and waits for their health checks; kills them all if one fails. */
const launch = async (
  layout: SwiftLayout,
  python: string,
  { verbose = false, timeoutMs }: { verbose?: boolean; timeoutMs: number },
) => {
  hookExit()
  const children: Child[] = []
  for (const name of SERVERS) {
    const child: Child = {
      name,
      process: spawn(
        python,
        [
          path.join(layout.etcDir, 'launch.py'),
          layout.etcDir,
          path.join(layout.etcDir, `${name}-server.conf`),
          `${name}-server`,
        ],
        {
          // newsroom_localcache (the proxy's cache filter) is imported from swift_dir.
          env: { ...process.env, PYTHONPATH: layout.etcDir },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      ),
      output: [],
      exited: false,
    }
    const keep = (chunk: Buffer) => {
      const lines = chunk.toString().split('\n').filter(Boolean)
      if (verbose) for (const line of lines) console.log(`[swift ${name}] ${line}`)
      child.output.push(...lines)
      child.output.splice(0, Math.max(0, child.output.length - 40))
    }
    child.process.stdout?.on('data', keep)
    child.process.stderr?.on('data', keep)
    child.process.on('exit', () => (child.exited = true))
    child.process.on('error', (error) => child.output.push(String(error)))
    children.push(child)
    live.add(child)
  }

  const stopAll = async () => {
    await Promise.all(children.map((child) => stopChild(child)))
    for (const child of children) live.delete(child)
  }
  try {
    const deadline = Date.now() + timeoutMs
    for (const child of children) {
      const port = layout.ports[child.name]
      while (!(await healthy(port))) {
        if (child.exited || Date.now() > deadline) {
          throw new StartError(
            `Swift's ${child.name} server did not start on 127.0.0.1:${port}` +
              `${child.exited ? ' (it exited)' : ' in time'}:\n${child.output.join('\n')}`,
            child.output.some((line) => line.includes('Address already in use')),
          )
        }
        await sleep(100)
      }
    }
  } catch (error) {
    await stopAll()
    throw error
  }
  return { children, stopAll }
}

class StartError extends Error {
  constructor(
    message: string,
    readonly portTaken: boolean,
  ) {
    super(message)
  }
}

export const startObjectStore = async (options: ObjectStoreOptions = {}): Promise<ObjectStore> => {
  const python = options.python ?? '/usr/bin/python3'
  const ownDir = !options.dir
  const dir = options.dir
    ? path.resolve(options.dir)
    : await mkdtemp(path.join(os.tmpdir(), 'newsroom-swift-'))
  const removeDir = () => (ownDir ? rm(dir, { recursive: true, force: true }) : Promise.resolve())

  const layoutWith = async (): Promise<SwiftLayout> => ({
    etcDir: path.join(dir, 'etc'),
    devicesDir: path.join(dir, 'srv'),
    user: os.userInfo().username,
    ports: {
      proxy: options.port ?? (await freePort()),
      account: await freePort(),
      container: await freePort(),
      object: await freePort(),
    },
    account: options.account ?? 'newsroom',
    userName: options.user ?? 'media',
    secretAccessKey: options.secretAccessKey ?? randomBytes(20).toString('hex'),
    region: options.region ?? 'us-east-1',
  })

  // A free port can be taken between choosing it and binding it (other servers start on this
  // machine too): choose again, a few times.
  let layout = await layoutWith()
  let started: Awaited<ReturnType<typeof launch>> | undefined
  for (let attempt = 1; !started; attempt++) {
    try {
      await prepare(layout, python)
      started = await launch(layout, python, {
        verbose: options.verbose,
        timeoutMs: options.startTimeoutMs ?? 30_000,
      })
    } catch (error) {
      if (!(error instanceof StartError && error.portTaken && attempt < 3)) {
        await removeDir()
        throw error
      }
      layout = await layoutWith()
    }
  }
  const { children, stopAll } = started

  const endpoint = `http://127.0.0.1:${layout.ports.proxy}`
  const accessKeyId = `${layout.account}:${layout.userName}`
  const client = new S3Client({
    endpoint,
    region: layout.region,
    forcePathStyle: true,
    credentials: { accessKeyId, secretAccessKey: layout.secretAccessKey },
    // Swift's s3api (2.30) refuses the SDK's default aws-chunked bodies with trailing checksums.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  })

  return {
    endpoint,
    region: layout.region,
    accessKeyId,
    secretAccessKey: layout.secretAccessKey,
    dir,
    client,
    createBucket: async (name) => {
      try {
        await client.send(new CreateBucketCommand({ Bucket: name }))
      } catch (error) {
        // Kept from an earlier run on the same dir: the one account owns every bucket here.
        const code = (error as Error).name
        if (code !== 'BucketAlreadyOwnedByYou' && code !== 'BucketAlreadyExists') throw error
      }
    },
    rssBytes: async () =>
      (await Promise.all(children.map((child) => rssOf(child.process.pid!)))).reduce(
        (sum, bytes) => sum + bytes,
        0,
      ),
    pids: children.map((child) => child.process.pid!),
    stop: async () => {
      client.destroy()
      await stopAll()
      await removeDir()
    },
  }
}

/** The variables the app reads to keep its media in `bucket` on this store (src/plugins.ts). */
export const s3Env = (
  store: Pick<ObjectStore, 'endpoint' | 'region' | 'accessKeyId' | 'secretAccessKey'>,
  bucket: string,
) => ({
  S3_BUCKET: bucket,
  S3_ENDPOINT: store.endpoint,
  S3_REGION: store.region,
  S3_ACCESS_KEY_ID: store.accessKeyId,
  S3_SECRET_ACCESS_KEY: store.secretAccessKey,
})
