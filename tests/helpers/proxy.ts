import { spawn, type ChildProcess } from 'node:child_process'
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { freePort } from './globalSetup'
import { localNginxConfig, nginxBinary, readRefreshLog } from '../../scripts/lib/nginxConfig'

export { nginxBinary }

/**
 * The production proxy (`deploy/nginx.conf`, unchanged but for the lines marked "bench:", as
 * `npm run bench` rewrites them) in front of `upstream` (host:port), on a free loopback port; its
 * refresh port is `refreshPort`, where the app under test sends its refreshes.
 */
/**
 * Holds the refresh port for one proxy at a time: the app under test sends every refresh to the
 * one port its PROXY_REFRESH_URL names, and test files run in parallel, so a second file's proxy
 * waits here (up to `timeoutMs`) until the first one has stopped. A lock whose holder died is
 * taken over.
 */
const holdRefreshPort = async (refreshPort: number, timeoutMs: number) => {
  const lock = path.join(os.tmpdir(), `newsroom-proxy-refresh-${refreshPort}.lock`)
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      await mkdir(lock)
      await writeFile(path.join(lock, 'pid'), String(process.pid))
      return () => rm(lock, { recursive: true, force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const holder = Number(await readFile(path.join(lock, 'pid'), 'utf8').catch(() => ''))
    let alive = true
    try {
      if (holder) process.kill(holder, 0)
    } catch {
      alive = false
    }
    if (!alive) await rm(lock, { recursive: true, force: true })
    else if (Date.now() > deadline) {
      throw new Error(`The proxy refresh port ${refreshPort} stayed taken for ${timeoutMs} ms`)
    } else await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

export const startProxy = async (upstream: string, refreshPort: number, waitMs = 120_000) => {
  if (!nginxBinary) throw new Error('nginx is not installed (apt-get install -y nginx-light)')
  const release = await holdRefreshPort(refreshPort, waitMs)
  const dir = await mkdtemp(path.join(os.tmpdir(), 'newsroom-proxy-'))
  let proc: ChildProcess | undefined
  const stop = async () => {
    if (proc && proc.exitCode === null) {
      const running = proc
      const exited = new Promise((resolve) => running.once('exit', resolve))
      running.kill('SIGTERM')
      await exited
    }
    await rm(dir, { recursive: true, force: true })
    await release()
  }
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  try {
    // Started as root, nginx's workers run as `nobody`: they must reach the cache and temp folders.
    await chmod(dir, 0o755)
    await mkdir(path.join(dir, 'cache'))
    const config = await localNginxConfig({ dir, upstream, port, refreshPort })
    await writeFile(path.join(dir, 'nginx.conf'), config)
    const started = spawn(
      nginxBinary,
      ['-c', path.join(dir, 'nginx.conf'), '-p', dir, '-g', 'daemon off;'],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    )
    proc = started
    const deadline = Date.now() + 15_000
    for (;;) {
      if (started.exitCode !== null) throw new Error(`nginx exited with ${started.exitCode}`)
      try {
        await fetch(`${url}/robots.txt`)
        break
      } catch {
        if (Date.now() > deadline) throw new Error('nginx did not answer within 15 s')
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    }
  } catch (error) {
    await stop()
    throw error
  }
  return {
    url,
    refreshUrl: `http://127.0.0.1:${refreshPort}`,
    /** The lines nginx logged for requests on the refresh port so far. */
    refreshLog: () => readRefreshLog(dir),
    stop,
  }
}
