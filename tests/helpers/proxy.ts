import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { freePort } from './globalSetup'

const root = path.resolve(import.meta.dirname, '../..')

/** Debian's nginx (nginx-light) or another one on the PATH's usual places; null when missing. */
export const nginxBinary = ['/usr/sbin/nginx', '/usr/bin/nginx'].find(existsSync) ?? null

/**
 * The production proxy (`deploy/nginx.conf`, unchanged but for the lines marked "bench:", as
 * `npm run bench` rewrites them) in front of `upstream` (host:port), on a free loopback port.
 */
export const startProxy = async (upstream: string) => {
  if (!nginxBinary) throw new Error('nginx is not installed (apt-get install -y nginx-light)')
  const dir = await mkdtemp(path.join(os.tmpdir(), 'newsroom-proxy-'))
  // Started as root, nginx's workers run as `nobody`: they must reach the cache and temp folders.
  await chmod(dir, 0o755)
  await mkdir(path.join(dir, 'cache'))
  const port = await freePort()
  const config = (await readFile(path.join(root, 'deploy', 'nginx.conf'), 'utf8'))
    .replace(/^.*# bench: pid$/m, `pid ${dir}/nginx.pid;`)
    .replace(/^.*# bench: error_log$/m, `error_log ${dir}/error.log warn;`)
    .replace(/^(\s*)(\w+_temp_path) \S+; # bench: temp$/gm, `$1$2 ${dir}/$2;`)
    .replace(/(proxy_cache_path )\S+( .*); # bench: cache$/m, `$1${dir}/cache$2;`)
    .replace(/server app:3000; # bench: upstream/, `server ${upstream};`)
    .replace(/listen 80; # bench: listen/, `listen 127.0.0.1:${port};`)
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
