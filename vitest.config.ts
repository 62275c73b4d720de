import path from 'node:path'

import { defineConfig } from 'vitest/config'

const root = import.meta.dirname

export default defineConfig({
  resolve: {
    alias: [
      { find: '@payload-config', replacement: path.join(root, 'payload.config.ts') },
      { find: /^@\//, replacement: `${path.join(root, 'src')}/` },
      // `server-only` is empty under React's `react-server` condition, which Next's server builds
      // use; the tests import the read layer directly, so they take the empty module too.
      {
        find: /^server-only$/,
        replacement: path.join(root, 'node_modules/server-only/empty.js'),
      },
    ],
  },
  test: {
    environment: 'node',
    // One database server per run, each file on its own database. Files run one after another,
    // but for `npm run test:int`, which runs two at a time (`--fileParallelism --maxWorkers=2`):
    // an int file mostly waits on PostgreSQL and the processes it starts, and two at once took
    // the suite from 612 s to 417 s on two cores. The e2e files share one server and its data,
    // and each stack file starts a whole topology: those stay one at a time.
    fileParallelism: false,
    hookTimeout: 120_000,
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'int',
          include: ['tests/int/**/*.int.spec.ts'],
          globalSetup: ['tests/helpers/globalSetup.ts'],
          // The read layer's getX run uncached: there is no Next data cache here (src/data/cached.ts).
          env: { READ_CACHE: 'off' },
        },
      },
      {
        extends: true,
        test: {
          // The production topology on this machine (scripts/lib/stack): needs a build, nginx,
          // redis-server and Swift; each file starts and stops its own stack.
          name: 'stack',
          include: ['tests/stack/**/*.stack.spec.ts'],
          hookTimeout: 300_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.spec.ts'],
          globalSetup: ['tests/helpers/serverSetup.ts'],
        },
      },
    ],
  },
})
