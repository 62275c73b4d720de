import { spawn, type ChildProcess } from 'node:child_process'
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { freePort } from './globalSetup'
import { localNginxConfig, nginxBinary } from '../../scripts/lib/nginxConfig'

export { nginxBinary }

/**
 * The production proxy (`deploy/nginx.conf`, unchanged but for the lines marked "bench:", as
 * `npm run bench` rewrites them) in front of `upstream` (host:port), on a free loopback port; its
 * refresh port is `refreshPort`, where the app under test sends its refreshes.
 */
export const startProxy = async (upstream: string, refreshPort: number) => {
  if (!nginxBinary) throw new Error('nginx is not installed (apt-get install -y nginx-light)')
  const dir = await mkdtemp(path.join(os.tmpdir(), 'newsroom-proxy-'))
  // Started as root, nginx's workers run as `nobody`: they must reach the cache and temp folders.
  await chmod(dir, 0o755)
  await mkdir(path.join(dir, 'cache'))
  const port = await freePort()
  const config = await localNginxConfig({ dir, upstream, port, refreshPort })
  await writeFile(path.join(dir, 'nginx.conf'), config)
  const proc: ChildProcess = spawn(
    nginxBinary,
    ['-c', path.join(dir, 'nginx.conf'), '-p', dir, '-g', 'daemon off;'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  )
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 15_000
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`nginx exited with ${proc.exitCode}`)
    try {
      await fetch(`${url}/robots.txt`)
      break
    } catch {
      if (Date.now() > deadline) throw new Error('nginx did not answer within 15 s')
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  return {
    url,
    refreshUrl: `http://127.0.0.1:${refreshPort}`,
    /** The lines nginx logged for requests on the refresh port so far. */
    refreshLog: async () =>
      (await readFile(path.join(dir, 'refresh.log'), 'utf8').catch(() => '')).split('\n'),
    stop: async () => {
      if (proc.exitCode === null) {
        const exited = new Promise((resolve) => proc.once('exit', resolve))
        proc.kill('SIGTERM')
        await exited
      }
      await rm(dir, { recursive: true, force: true })
    },
  }
}
