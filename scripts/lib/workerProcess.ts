/**
 * How the jobs worker (scripts/worker.ts) is started: one Node process with TypeScript loaded
 * by tsx, the development condition (Lexical's top-level await; STACK-NOTES) and `server-only`
 * allowed outside Next. The runner (`npm run worker`), the stack and the tests start it so; the
 * compose file's worker runs the same command.
 */
export const WORKER_NODE_ARGS = [
  '--no-deprecation',
  '--conditions=development',
  '--import=tsx',
  '--import=./scripts/lib/serverOnlyOutsideNext.mjs',
  'scripts/worker.ts',
]
