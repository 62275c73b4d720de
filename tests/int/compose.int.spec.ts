import { readFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { composeProblems } from '../../scripts/checkCompose'

const root = path.resolve(import.meta.dirname, '../..')
const compose = readFileSync(path.join(root, 'docker-compose.yml'), 'utf8')

/** The compose file with one change. */
const edited = (from: string, to: string) => {
  expect(compose).toContain(from)
  return compose.replace(from, to)
}

describe('docker-compose.yml, checked without a Docker engine (npm run lint:compose)', () => {
  it('is valid against the Compose specification, pinned, restarting, health-checked and complete', () => {
    expect(composeProblems(compose)).toEqual([])
  })

  it('fails on what the specification refuses', () => {
    const problems = composeProblems(
      edited(
        '\n  redis:\n    <<: *restart\n',
        '\n  redis:\n    <<: *restart\n    restart_always: true\n',
      ),
    )
    expect(problems.join('\n')).toMatch(
      /schema: \/services\/redis must NOT have additional properties/,
    )
    expect(composeProblems(edited('interval: 2s', 'interval: two seconds')).join('\n')).toMatch(
      /schema: .*healthcheck\/interval must match format "duration"/,
    )
  })

  it('fails on a file that is not YAML', () => {
    expect(composeProblems('services:\n  app: [unclosed\n')[0]).toMatch(/^not YAML: /)
  })

  it('fails on an image without a version, a service that does not restart or is not checked', () => {
    expect(composeProblems(edited('image: redis:7.4.1-alpine', 'image: redis'))).toContain(
      'redis: image redis is not pinned to a version',
    )
    expect(composeProblems(edited('image: nginx:1.27.5-alpine', 'image: nginx:latest'))).toContain(
      'nginx: image nginx:latest is not pinned to a version',
    )
    const noCheck = edited(
      '    healthcheck:\n      test: [CMD, redis-cli, ping]\n      interval: 2s\n      timeout: 3s\n      retries: 30\n',
      '',
    )
    expect(composeProblems(noCheck)).toContain('redis: no health check')
  })

  it('fails when the app is given a variable it never reads, or reads one nobody documented', () => {
    expect(
      composeProblems(
        edited('  REDIS_URL: redis://redis:6379', '  REDIS_ADDRESS: redis://redis:6379'),
      ),
    ).toContain('docker-compose.yml: REDIS_ADDRESS is passed to the app, which never reads it')
    const example = readFileSync(path.join(root, '.env.example'), 'utf8')
    expect(example).toMatch(/^REDIS_URL=/m)
    expect(composeProblems(compose, example.replace(/^REDIS_URL=.*$/m, ''))).toContain(
      '.env.example: REDIS_URL is read by the app but not documented',
    )
  })
})
