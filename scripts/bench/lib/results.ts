/** Reporting: figures as text, the machine and versions, the results files. */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

import { root } from './paths'

export const fmt = (value: number | null, unit: string) =>
  value === null
    ? 'not measured'
    : `${value >= 100 ? Math.round(value).toLocaleString('en') : value.toFixed(value >= 10 ? 1 : 2)}${unit ? ` ${unit}` : ''}`

export const versionOf = (name: string) => {
  try {
    return JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8'))
      .version as string
  } catch {
    return 'unknown'
  }
}

/** Cores, CPU, memory, Node and the load average now (pass the one taken at the start). */
export const machineInfo = (loadAtStart: number[]) => ({
  cores: os.cpus().length,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  memoryGb: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  loadAverageAtStart: loadAtStart.map((n) => Number(n.toFixed(2))),
  loadAverageAtEnd: os.loadavg().map((n) => Number(n.toFixed(2))),
})

/** Versions of what is measured; PostgreSQL's asked from the server. */
export const versionsOf = async (databaseUrl: string) => ({
  next: versionOf('next'),
  payload: versionOf('payload'),
  react: versionOf('react'),
  autocannon: versionOf('autocannon'),
  postgresql: await (async () => {
    const client = new pg.Client({ connectionString: databaseUrl })
    await client.connect()
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version')
    await client.end()
    return rows[0].server_version
  })(),
  nginx:
    spawnSync('nginx', ['-v'], { encoding: 'utf8' })
      .stderr?.trim()
      .replace('nginx version: ', '') || 'not installed',
})

/** Writes bench/results/<name>.md and <name>.json. */
export const writeResults = async (name: string, markdown: string, json: unknown) => {
  await mkdir(path.join(root, 'bench', 'results'), { recursive: true })
  await writeFile(path.join(root, 'bench', 'results', `${name}.md`), markdown)
  await writeFile(
    path.join(root, 'bench', 'results', `${name}.json`),
    `${JSON.stringify(json, null, 2)}\n`,
  )
}
