import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '../..')

/** Debian's nginx (nginx-light) or another one in the usual places; null when missing. */
export const nginxBinary = ['/usr/sbin/nginx', '/usr/bin/nginx'].find(existsSync) ?? null

/**
 * `deploy/nginx.conf` for a run on this machine: the lines marked "bench:" point at `dir` (pid,
 * logs, temp and cache folders), `upstream` (the app instances' host:port, one or several) and
 * loopback ports; everything else is the production config unchanged. Used by the benchmark,
 * the end-to-end tests and `npm run stack`.
 */
export const localNginxConfig = async ({
  dir,
  upstream,
  port,
  refreshPort,
}: {
  dir: string
  upstream: string | string[]
  port: number
  refreshPort: number
}) => {
  const upstreams = [upstream].flat()
  let first = true
  return (await readFile(path.join(root, 'deploy', 'nginx.conf'), 'utf8'))
    .replace(/^.*# bench: pid$/m, `pid ${dir}/nginx.pid;`)
    .replace(/^.*# bench: error_log$/m, `error_log ${dir}/error.log warn;`)
    .replace(/^(\s*)(\w+_temp_path) \S+; # bench: temp$/gm, `$1$2 ${dir}/$2;`)
    .replace(/(proxy_cache_path )\S+( .*); # bench: cache$/m, `$1${dir}/cache$2;`)
    .replace(/^(\s*)server \S+( .*)?; # bench: upstream\n/gm, (_, indent, options = '') => {
      if (!first) return ''
      first = false
      return upstreams.map((address) => `${indent}server ${address}${options};\n`).join('')
    })
    .replace(/unix:\S+; # bench: moved$/gm, `unix:${dir}/moved.sock;`)
    .replace(/listen 80; # bench: listen/, `listen 127.0.0.1:${port};`)
    .replace(/listen 8081; # bench: refresh/, `listen 127.0.0.1:${refreshPort};`)
    .replace(
      /access_log \S+ refresh; # bench: refresh_log/,
      `access_log ${dir}/refresh.log refresh;`,
    )
}

/**
 * The lines nginx logged so far for requests on the refresh port of a config made by
 * `localNginxConfig` in `dir` (one per page the app asked it to fetch again).
 */
export const readRefreshLog = async (dir: string) =>
  (await readFile(path.join(dir, 'refresh.log'), 'utf8').catch(() => ''))
    .split('\n')
    .filter(Boolean)
