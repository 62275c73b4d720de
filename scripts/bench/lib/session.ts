/** A session: logging, the temporary folder, and every process started, stopped at the end. */
import { spawn, type ChildProcess } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { root } from './paths'
import type { EmbeddedServer } from '../../lib/embeddedPostgres'

export const waitFor = async (url: string, proc: ChildProcess, timeoutMs = 120_000) => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`${url}: the server exited with ${proc.exitCode}`)
    try {
      const response = await fetch(url)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`)
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export type Session = ReturnType<typeof createSession>

type Child = { name: string; proc: ChildProcess }

/**
 * SIGTERM (or `signal`), and SIGKILL when the process has not exited `graceMs` later (5 s; a
 * CPU profile being written takes longer: the caller passes more).
 */
const stopChild = async ({ proc }: Child, signal: NodeJS.Signals = 'SIGTERM', graceMs = 5000) => {
  if (proc.exitCode !== null || proc.signalCode !== null) return
  const exited = new Promise((resolve) => proc.once('exit', resolve))
  proc.kill(signal)
  const done = await Promise.race([
    exited.then(() => true),
    new Promise((resolve) => setTimeout(() => resolve(false), graceMs)),
  ])
  if (!done) proc.kill('SIGKILL')
}

/** Runs a command to completion, its output to `logFile`; rejects with the log's tail. */
const runToLog = (
  children: Child[],
  logFile: string,
  label: string,
  cmd: string,
  cmdArgs: string[],
  env: NodeJS.ProcessEnv,
  cwd = root,
) =>
  new Promise<string>((resolve, reject) => {
    const out = createWriteStream(logFile)
    const proc = spawn(cmd, cmdArgs, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    children.push({ name: label, proc })
    let output = ''
    const collect = (chunk: Buffer) => {
      output += chunk.toString()
      out.write(chunk)
    }
    proc.stdout?.on('data', collect)
    proc.stderr?.on('data', collect)
    proc.on('exit', (code) => {
      out.end()
      if (code === 0) resolve(output)
      else
        reject(
          new Error(`${label} exited with ${code}:\n${output.split('\n').slice(-25).join('\n')}`),
        )
    })
  })

/**
 * Logging, the temporary folder, and every child process and the database, stopped by
 * `stopAll` (Next and the proxy before PostgreSQL). `finish(main)` runs the script and exits
 * with main's code (1 on an exception), after stopping everything.
 */
export const createSession = ({
  name,
  keep,
  timeoutMinutes,
}: {
  name: string
  keep: boolean
  timeoutMinutes: number
}) => {
  const started = Date.now()
  const log = (message: string) =>
    console.log(
      `\x1b[35m[${name} ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s]\x1b[0m ${message}`,
    )
  const children: Child[] = []
  const state = { workDir: '', database: null as EmbeddedServer | null, stopping: false }
  /** stopped first, last registered first (the topology of `--instances`) */
  const stoppers: (() => Promise<void>)[] = []

  const stopAll = async () => {
    if (state.stopping) return
    state.stopping = true
    for (const stop of stoppers.splice(0).reverse()) {
      await stop().catch((error: Error) => log(`stopping: ${error.message}`))
    }
    for (const child of [...children].reverse()) await stopChild(child)
    await state.database?.stop().catch(() => undefined)
    if (state.workDir && !keep) {
      await rm(state.workDir, { recursive: true, force: true, maxRetries: 5 }).catch(
        (error: Error) => log(`could not remove ${state.workDir}: ${error.message}`),
      )
    } else if (state.workDir) log(`kept ${state.workDir}`)
  }

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      log(`${signal}: stopping everything`)
      void stopAll().then(() => process.exit(130))
    })
  }

  /** A folder for this run (world-readable: as root, PostgreSQL runs as the user `postgres`). */
  const makeWorkDir = async () => {
    state.workDir = await mkdtemp(path.join(os.tmpdir(), `newsroom-${name}-`))
    await chmod(state.workDir, 0o755)
    return state.workDir
  }

  /**
   * Runs a command to completion (in `cwd`, the repository by default), its output to
   * `<label>.log`; rejects with the log's tail.
   */
  const run = (
    label: string,
    cmd: string,
    cmdArgs: string[],
    env: NodeJS.ProcessEnv,
    cwd: string = root,
  ) => runToLog(children, path.join(state.workDir, `${label}.log`), label, cmd, cmdArgs, env, cwd)

  /**
   * A long-running child (in `cwd`, the repository by default), stopped with the others; its
   * stderr goes to `<label>.log`. `stop(signal)` stops it earlier (SIGTERM, SIGKILL 5 s later).
   */
  const service = (
    label: string,
    cmd: string,
    cmdArgs: string[],
    options: { env?: NodeJS.ProcessEnv; logFile?: string; cwd?: string } = {},
  ) => {
    const proc = spawn(cmd, cmdArgs, {
      cwd: options.cwd ?? root,
      env: options.env ?? process.env,
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    proc.stderr?.pipe(
      createWriteStream(options.logFile ?? path.join(state.workDir, `${label}.log`)),
    )
    const child = { name: label, proc }
    children.push(child)
    return {
      proc,
      stop: (signal?: NodeJS.Signals, graceMs?: number) => stopChild(child, signal, graceMs),
    }
  }

  const finish = (main: () => Promise<number | void>) => {
    const watchdog = setTimeout(() => {
      log(`gave up after ${timeoutMinutes} minutes`)
      void stopAll().then(() => process.exit(1))
    }, timeoutMinutes * 60_000)
    watchdog.unref()
    main()
      .then(async (code) => {
        await stopAll()
        process.exit(code ?? 0)
      })
      .catch(async (error: unknown) => {
        console.error(error instanceof Error ? error.message : error)
        await stopAll()
        process.exit(1)
      })
  }

  return {
    log,
    run,
    service,
    stopAll,
    finish,
    makeWorkDir,
    state,
    setDatabase: (server: EmbeddedServer) => {
      state.database = server
    },
    /** something to stop before the children and the database (e.g. a started topology) */
    onStop: (stop: () => Promise<void>) => {
      stoppers.push(stop)
    },
  }
}
