import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { connect } from 'node:net'

/** Debian's redis-server; null when missing. */
export const redisBinary =
  ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find(existsSync) ?? null

export type RedisServer = { url: string; port: number; stop: () => Promise<void> }

/** Answers PING with PONG on 127.0.0.1:`port`? */
const pong = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host: '127.0.0.1', port })
    const done = (ok: boolean) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(1000, () => done(false))
    socket.on('error', () => done(false))
    socket.on('connect', () => socket.write('PING\r\n'))
    socket.on('data', (data) => done(data.toString().startsWith('+PONG')))
  })

/**
 * A Redis server for the shared Next.js cache, on 127.0.0.1:`port`, holding everything in
 * memory: a cache, so nothing is saved to disk. At `maxMemoryMb` the least recently used
 * entries that have an expiry go (`volatile-lru`: pages and data, which all carry one); the
 * handler's tag lists and expiry times carry none and stay, since losing them would make
 * expired entries valid again. A write that finds no room fails, which is a page not cached.
 */
export const startRedis = async ({
  port,
  maxMemoryMb = 256,
}: {
  port: number
  maxMemoryMb?: number
}): Promise<RedisServer> => {
  if (!redisBinary)
    throw new Error('redis-server is not installed (apt-get install -y redis-server)')
  const proc = spawn(
    redisBinary,
    [
      '--bind',
      '127.0.0.1',
      '--port',
      String(port),
      '--save',
      '',
      '--appendonly',
      'no',
      '--maxmemory',
      `${maxMemoryMb}mb`,
      '--maxmemory-policy',
      'volatile-lru',
      '--loglevel',
      'warning',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  )
  const stop = async () => {
    if (proc.exitCode !== null || proc.signalCode !== null) return
    const exited = new Promise((resolve) => proc.once('exit', resolve))
    proc.kill('SIGTERM')
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))])
  }
  const deadline = Date.now() + 10_000
  while (!(await pong(port))) {
    if (proc.exitCode !== null)
      throw new Error(`redis-server exited with ${proc.exitCode} (is port ${port} taken?)`)
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`redis-server did not answer on ${port} within 10 s`)
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return { url: `redis://127.0.0.1:${port}`, port, stop }
}
