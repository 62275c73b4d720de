import { createRequire } from 'node:module'

// A CommonJS bundle whose names Node's ESM loader cannot see: required, typed by its own types.
const { loadEnvConfig } = createRequire(import.meta.url)('@next/env') as typeof import('@next/env')

/**
 * Reads the project's `.env` files the way Next does (`@next/env`: `.env`, `.env.local`,
 * `.env.development` or `.env.production`, and their `.local` twins; a variable already set in
 * the environment wins), into `process.env`. The runner calls it first, before it reads
 * `DATABASE_URL` or `DATA_DIR`, so a database named in `.env` is the one it uses rather than
 * the embedded one. `start` reads the production files, every other command the development
 * ones (as `next start` / `next dev` and Payload's CLI do).
 */
export const loadEnvFiles = (dir: string, command: string): string[] => {
  const dev = command !== 'start' && process.env.NODE_ENV !== 'production'
  const { loadedEnvFiles } = loadEnvConfig(dir, dev, {
    info: () => {},
    error: console.error,
  })
  return loadedEnvFiles.map((file) => file.path)
}
