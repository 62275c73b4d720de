import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

/**
 * The runner (scripts/app.ts) reads `.env` files before it decides on the database, the way
 * Next reads them. Each case runs in its own process, as the runner does.
 */

const root = path.resolve(import.meta.dirname, '../..')
const dir = mkdtempSync(path.join(tmpdir(), 'env-files-'))

afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** What the runner's environment holds after reading `dir`'s files for `command`. */
const envAfter = (command: string, env: Record<string, string> = {}) => {
  const script = `
    import { loadEnvFiles } from ${JSON.stringify(path.join(root, 'scripts/lib/envFiles.ts'))}
    const files = loadEnvFiles(${JSON.stringify(dir)}, ${JSON.stringify(command)})
    const { DATABASE_URL, DATA_DIR } = process.env
    console.log(JSON.stringify({ files: files.length, DATABASE_URL, DATA_DIR }))
  `
  const clean: Record<string, string | undefined> = { ...process.env }
  for (const name of ['DATABASE_URL', 'DATA_DIR', 'NODE_ENV']) delete clean[name]
  const out = execFileSync(path.join(root, 'node_modules/.bin/tsx'), ['--eval', script], {
    cwd: root,
    env: { ...clean, ...env } as NodeJS.ProcessEnv,
    encoding: 'utf8',
  })
  return JSON.parse(out.trim().split('\n').pop()!) as Record<string, string | number | undefined>
}

describe('the runner reads .env files first', () => {
  it('uses a DATABASE_URL from .env, with .env.local and the mode file over it', () => {
    writeFileSync(
      path.join(dir, '.env'),
      'DATABASE_URL=postgres://db.example/newsroom\nDATA_DIR=from-env\n',
    )
    writeFileSync(path.join(dir, '.env.local'), 'DATA_DIR=from-env-local\n')
    writeFileSync(path.join(dir, '.env.production'), 'DATA_DIR=from-production\n')
    expect(envAfter('migrate')).toEqual({
      files: 2,
      DATABASE_URL: 'postgres://db.example/newsroom',
      DATA_DIR: 'from-env-local',
    })
    // `start` reads the production files, as `next start` does (.env.local still wins).
    expect(envAfter('start')).toMatchObject({ files: 3, DATA_DIR: 'from-env-local' })
  })

  it('leaves a variable set in the environment as it is', () => {
    expect(envAfter('dev', { DATABASE_URL: 'postgres://set.example/x' })).toMatchObject({
      DATABASE_URL: 'postgres://set.example/x',
    })
  })
})
