/**
 * `npm run stack`: the production topology on this machine (docs/deploy.md), from Debian's and
 * npm's packages: two web instances of one build behind nginx, the worker, Redis, PostgreSQL
 * primary and streaming replica, the object store. Prints where everything is and the demo
 * logins; Ctrl-C stops it all. Needs a build (`npm run build`) and the Debian packages nginx,
 * redis-server and Swift (README, "Running several instances").
 *
 *   npm run stack               data kept in .data/stack between runs
 *   npm run stack -- --fresh    starts from an empty database and store
 */
import { rm } from 'node:fs/promises'
import path from 'node:path'

import { startStack } from './lib/stack'

const root = path.resolve(import.meta.dirname, '..')
const dir = path.join(path.resolve(root, process.env.DATA_DIR || '.data'), 'stack')
/** nginx on `base`, its refresh port next, the apps from base + 2; databases and Redis apart. */
const portsFrom = (base: number) => ({
  proxy: base,
  refresh: base + 1,
  apps: [base + 2, base + 3],
  primary: 54340,
  replica: 54341,
  redis: 6390,
})
const log = (message: string) => console.log(`\x1b[36m[stack]\x1b[0m ${message}`)

const main = async () => {
  if (process.argv.includes('--fresh')) await rm(dir, { recursive: true, force: true })
  log(`starting (data in ${path.relative(root, dir)}, logs in ${path.relative(root, dir)}/logs)`)
  const stack = await startStack({
    dir,
    log,
    // Fixed ports, so that the URLs stay put and the replica kept in the data folder finds its
    // primary again on the next run. STACK_PORT moves nginx (the others follow it).
    ports: portsFrom(Number(process.env.STACK_PORT) || 8080),
  })
  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    log('stopping…')
    await stack.stop()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
  console.log(
    [
      '',
      `  Site (nginx):        ${stack.proxyUrl}/en`,
      `  Admin:               ${stack.proxyUrl}/admin`,
      ...stack.instances.map((instance, i) => `  Instance ${i + 1}:          ${instance.url}`),
      `  Workers:             ${stack.workers.length} (one runs the queue at a time)`,
      `  PostgreSQL primary:  ${stack.primary.urlFor('newsroom')}`,
      ...(stack.replicaUrl ? [`  PostgreSQL replica:  ${stack.replicaUrl}`] : []),
      `  Redis:               ${stack.redis.url}`,
      ...(stack.objectStoreUrl ? [`  Object store (S3):   ${stack.objectStoreUrl}`] : []),
      `  Mail outbox:         ${stack.outboxDir}`,
      '',
      '  Logins: admin@caspiandigest.example / demo-admin, editor@… / demo-editor,',
      '          author@… / demo-author, translator@… / demo-translator',
      '',
      '  Ctrl-C stops everything.',
      '',
    ].join('\n'),
  )
}

main().catch((error: Error) => {
  console.error(`\x1b[31m[stack]\x1b[0m ${error.message}`)
  process.exit(1)
})
